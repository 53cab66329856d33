// The organizer's page: MQTT over the broker's own WebSockets listener (MQTT.js, bundled at build
// time), speaking the topics of README.md, "The venue broker", as ijlas-venue does.
import mqtt from 'mqtt';
import { checkAgenda } from './agenda_check.js';

const $ = (id) => document.getElementById(id);
const page = {
  client: null, prefix: '',
  screens: new Map(),   // id -> {status, settings, thumbnail (object URL)}
  agenda: null, agendaVersion: '',
  documents: new Map(), // topic -> parsed announcements / overrides document
};

// An element with attributes and children (text is never read as HTML).
function make(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'onclick') element.addEventListener('click', value);
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}
// A label in both languages: Urdu first, right to left; English beside it.
function both(ur, en) {
  return make('span', { class: 'both' }, make('span', { lang: 'ur' }, ur), ' ', make('span', { lang: 'en', dir: 'ltr' }, en));
}
function say(element, ur, en) {
  element.replaceChildren(both(ur, en));
}
function text(value, language) {
  if (!value) return '';
  return typeof value === 'string' ? value : value[language] || value.ur || value.en || '';
}
function now() { return new Date().toISOString().replace(/\.\d+Z$/, 'Z'); }

// QoS 1 and retained, as ijlas-venue publishes; resolves once the broker accepted it.
function publish(topic, payload, retain = true, userProperties = {}) {
  return new Promise((resolve, reject) => {
    page.client.publish(topic, payload, { qos: 1, retain, properties: { userProperties: { published: now(), ...userProperties } } },
      (error, packet) => {
        if (error) reject(error);
        else if (packet && packet.reasonCode >= 0x80) reject(new Error(`refused (reason ${packet.reasonCode})`));
        else resolve();
      });
  });
}

// ---- signing in ----
$('venue').value = new URLSearchParams(location.search).get('venue') || '';
$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  const venue = $('venue').value.trim();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(venue)) {
    say($('sign-in-error'), 'مقام کا نام: حروف، ہندسے، - _ .', 'The venue name: letters, digits, - _ .');
    return;
  }
  page.prefix = `ijlas/${venue}/`;
  // ?wss=PORT: the broker's TLS WebSockets listener (`init --tls`), so that the password is not
  // sent in the clear even from the plain page (the broker's https page fails over HTTP/2).
  const wss = new URLSearchParams(location.search).get('wss');
  const url = wss && /^[0-9]{1,5}$/.test(wss) ? `wss://${location.hostname}:${wss}/`
    : `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;
  const client = mqtt.connect(url, {
    username: $('user').value, password: $('password').value, protocolVersion: 5,
    clientId: `ijlas-page-${Math.random().toString(16).slice(2, 10)}`, reconnectPeriod: 0, connectTimeout: 10000,
  });
  page.client = client;
  client.on('connect', () => {
    client.options.reconnectPeriod = 3000; // signed in: come back on our own after a cut
    $('sign-in').hidden = true;
    $('venue-page').hidden = false;
    say($('connection'), `جڑا ہوا: ${venue}`, `Connected: ${venue}`);
    client.subscribe(`${page.prefix}#`, { qos: 1 });
  });
  client.on('error', (error) => {
    if ($('venue-page').hidden) {
      client.end(true);
      const refused = /authori[sz]ed|bad user name or password/i.test(error.message);
      if (refused) say($('sign-in-error'), 'غلط صارف یا پاس ورڈ', `Wrong user or password (${error.message})`);
      else say($('sign-in-error'), 'بروکر تک رسائی نہیں', `Cannot reach the broker: ${error.message}`);
    }
  });
  client.on('close', () => { if (!$('venue-page').hidden) say($('connection'), 'رابطہ ٹوٹ گیا، دوبارہ جڑ رہے ہیں', 'Connection lost, reconnecting'); });
  client.on('message', received);
});

function screen(id) {
  if (!page.screens.has(id)) page.screens.set(id, { status: null, settings: null, thumbnail: '' });
  return page.screens.get(id);
}

function received(topic, payload, packet) {
  const name = topic.slice(page.prefix.length);
  const bytes = payload.length;
  const json = () => { try { return JSON.parse(new TextDecoder().decode(payload)); } catch { return null; } };
  const screenTopic = /^screens\/([^/]+)\/(status|settings|thumbnail|announcements)$/.exec(name);
  if (name === 'agenda') {
    page.agenda = bytes ? json() : null;
    const properties = (packet.properties && packet.properties.userProperties) || {};
    page.agendaVersion = properties.version || '';
    drawSessions();
    drawScreens();
  } else if (name === 'announcements' || name === 'overrides' || (screenTopic && screenTopic[2] === 'announcements')) {
    if (bytes) page.documents.set(topic, json()); else page.documents.delete(topic);
    drawAnnouncements();
    drawSessions();
  } else if (screenTopic) {
    const entry = screen(screenTopic[1]);
    if (screenTopic[2] === 'status') entry.status = json();
    if (screenTopic[2] === 'settings') entry.settings = json();
    if (screenTopic[2] === 'thumbnail' && bytes) {
      if (entry.thumbnail) URL.revokeObjectURL(entry.thumbnail);
      entry.thumbnail = URL.createObjectURL(new Blob([payload], { type: 'image/png' }));
    }
    drawScreens();
  }
}

// ---- screens ----
function rooms() {
  return ((page.agenda && page.agenda.rooms) || []).map((room) => ({ id: String(room.id), name: room.name }));
}

function drawScreens() {
  const grid = $('screens');
  grid.replaceChildren();
  const target = $('announce-target');
  const chosen = target.value;
  target.replaceChildren(make('option', { value: '' }, 'all · سب'));
  for (const room of rooms()) target.append(make('option', { value: `room:${room.id}` }, `room · کمرہ ${room.id}`));
  for (const [id, entry] of [...page.screens].sort()) {
    target.append(make('option', { value: `screen:${id}` }, `screen · سکرین ${id}`));
    const status = entry.status || {};
    const agenda = status.agenda;
    const load = status.last_load;
    const inStep = agenda && page.agendaVersion ? agenda.version === page.agendaVersion : null;
    const error = load && !load.ok && load.diagnostics && load.diagnostics.length ? load.diagnostics[0] : '';
    const room = make('select', { 'data-room': id, dir: 'ltr' }, make('option', { value: '' }, 'whole venue · پورا مقام'));
    for (const r of rooms()) room.append(make('option', { value: r.id }, `${r.id} · ${text(r.name, 'ur')}`));
    const language = make('select', { 'data-language': id, dir: 'ltr' }, make('option', { value: 'ur' }, 'اردو'), make('option', { value: 'en' }, 'English'));
    const place = make('input', { type: 'text', 'data-name': id, dir: 'auto', value: (entry.settings && entry.settings.name) || '' });
    const trust = (status.clock && status.clock.trust) || '';
    if (entry.settings) {
      if (entry.settings.room && ![...room.options].some((o) => o.value === entry.settings.room))
        room.append(make('option', { value: entry.settings.room }, entry.settings.room));
      room.value = entry.settings.room || '';
      language.value = entry.settings.language || 'ur';
    }
    grid.append(make('article', { class: 'screen', 'data-screen': id },
      make('h3', { dir: 'ltr' }, id, ' ', status.online ? make('span', { class: 'online' }, '● online · آن لائن') : make('span', { class: 'offline' }, '○ offline · آف لائن')),
      entry.thumbnail ? make('img', { src: entry.thumbnail, alt: `what ${id} shows` }) : make('p', { class: 'note' }, both('ابھی تصویر نہیں', 'No thumbnail yet')),
      make('dl', {},
        make('dt', {}, both('ایجنڈا', 'Agenda')), make('dd', { 'data-field': 'agenda' }, agenda ? `${text(agenda.title, 'ur')} · ${text(agenda.title, 'en')} (${agenda.sessions})` : '—'),
        make('dt', {}, both('ہم قدم', 'In step')), make('dd', { 'data-field': 'in-step', dir: 'ltr' }, inStep === null ? '—' : inStep ? 'yes · ہاں' : 'no · نہیں'),
        make('dt', {}, both('گھڑی', 'Clock')), make('dd', { 'data-field': 'clock', dir: 'ltr', class: trust === 'not-trusted' ? 'error' : '', title: (status.clock && status.clock.says) || '' }, clockWords[trust] || '—'),
        make('dt', {}, both('آخری غلطی', 'Last error')), make('dd', { 'data-field': 'error', dir: 'ltr', class: error ? 'error' : '' }, error || '—'),
        make('dt', {}, both('جگہ', 'Place')), make('dd', {}, place),
        make('dt', {}, both('کمرہ', 'Room')), make('dd', {}, room),
        make('dt', {}, both('زبان', 'Language')), make('dd', {}, language)),
      make('button', { type: 'button', 'data-assign': id, onclick: () => assign(id, room.value, language.value, place.value) }, both('مقرر کریں', 'Assign'))));
  }
  target.value = [...target.options].some((o) => o.value === chosen) ? chosen : '';
}

// A screen's clock as its status says (README.md, "The venue broker": clock.trust).
const clockWords = {
  trusted: 'trusted · درست',
  'not-trusted': 'not trusted · ناقابلِ اعتبار',
  rehearsal: 'rehearsal · مشق',
  unknown: 'not judged · نامعلوم',
};

// What the card does not set (screen_off, from ijlas-venue assign) is kept.
async function assign(id, room, language, name) {
  const kept = screen(id).settings || {};
  await publish(`${page.prefix}screens/${id}/settings`, JSON.stringify({ ...kept, room, language, name }));
}

$('refresh-shots').addEventListener('click', () => publish(`${page.prefix}shots/request`, `page-${Date.now()}`, false));

// ---- announcements ----
function entries(topic, list) {
  const document = page.documents.get(topic);
  return document && Array.isArray(document[list]) ? document[list] : [];
}

function drawAnnouncements() {
  const list = $('announcements');
  list.replaceChildren();
  for (const [topic] of page.documents) {
    if (!topic.endsWith('announcements')) continue;
    const where = topic.slice(page.prefix.length).replace(/\/?announcements$/, '') || 'all · سب';
    for (const entry of entries(topic, 'announcements')) {
      list.append(make('li', { 'data-announcement': entry.id },
        make('span', { lang: 'ur' }, text(entry.text, 'ur')), ' · ', make('span', { lang: 'en', dir: 'ltr' }, text(entry.text, 'en')),
        ` [${where}${entry.priority === 'high' ? ', urgent · فوری' : ''}] `,
        make('button', { type: 'button', class: 'quiet', 'data-withdraw': entry.id, onclick: () => withdraw(entry.id) }, both('واپس لیں', 'Withdraw'))));
    }
  }
}

// The whole document again, with `entry` in the place of the one with its key (or without it).
async function editDocument(topic, marker, list, key, id, entry) {
  const kept = entries(topic, list).filter((old) => String(old[key]) !== id);
  if (entry) kept.push(entry);
  const document = { [marker]: 1, [list]: kept };
  page.documents.set(topic, document);
  await publish(topic, JSON.stringify(document, null, 1));
}

$('announce').addEventListener('submit', async (event) => {
  event.preventDefault();
  const ur = $('announce-ur').value.trim(), en = $('announce-en').value.trim();
  if (!ur && !en) { say($('announce-result'), 'اردو یا انگریزی متن لکھیں', 'Write the Urdu or English text'); return; }
  const entry = { id: `announcement-${now()}`, text: { ur: ur || en, en: en || ur } };
  if ($('announce-urgent').checked) entry.priority = 'high';
  if ($('announce-until').value) entry.until = $('announce-until').value; // venue time, as the screens read it
  const target = $('announce-target').value;
  let topics = [`${page.prefix}announcements`];
  if (target.startsWith('screen:')) topics = [`${page.prefix}screens/${target.slice(7)}/announcements`];
  if (target.startsWith('room:')) {
    const room = target.slice(5);
    topics = [...page.screens].filter(([, s]) => s.settings && s.settings.room === room).map(([id]) => `${page.prefix}screens/${id}/announcements`);
    if (!topics.length) { say($('announce-result'), `کمرہ ${room} کی کوئی سکرین نہیں`, `No screen is assigned the room ${room}`); return; }
  }
  try {
    for (const topic of topics) await editDocument(topic, 'ijlas_announcements', 'announcements', 'id', entry.id, entry);
    say($('announce-result'), 'اعلان بھیج دیا', `Announced (${entry.id})`);
    drawAnnouncements();
  } catch (error) {
    say($('announce-result'), 'نہیں بھیجا جا سکا', `Not sent: ${error.message}`);
  }
});

async function withdraw(id) {
  for (const [topic] of [...page.documents]) {
    if (topic.endsWith('announcements') && entries(topic, 'announcements').some((e) => e.id === id))
      await editDocument(topic, 'ijlas_announcements', 'announcements', 'id', id, null);
  }
  drawAnnouncements();
}

// ---- sessions: delay, cancel, move ----
function drawSessions() {
  const body = $('sessions').tBodies[0];
  body.replaceChildren();
  const sessions = (page.agenda && page.agenda.sessions) || [];
  $('sessions-empty').hidden = sessions.length > 0;
  const overrides = new Map(entries(`${page.prefix}overrides`, 'overrides').map((o) => [String(o.session), o.status]));
  for (const session of sessions) {
    const id = String(session.id);
    const minutes = make('input', { type: 'number', min: '1', max: '1440', value: '10', dir: 'ltr', 'aria-label': 'minutes' });
    const room = make('select', { dir: 'ltr' });
    for (const r of rooms()) room.append(make('option', { value: r.id }, r.id));
    room.value = String(session.room);
    const override = overrides.get(id);
    const state = !override ? '' : typeof override === 'string' ? override : `${override.state}${override.minutes ? ' ' + override.minutes + ' min' : ''}${override.room ? ' → ' + override.room : ''}`;
    const change = (status) => editDocument(`${page.prefix}overrides`, 'ijlas_overrides', 'overrides', 'session', id, status ? { session: id, status } : null).then(drawSessions);
    body.append(make('tr', { 'data-session': id },
      make('td', { dir: 'ltr' }, String(session.start).replace('T', ' ').slice(0, 16)),
      make('td', {}, make('span', { lang: 'ur' }, text(session.title, 'ur')), make('br'), make('span', { lang: 'en', dir: 'ltr' }, text(session.title, 'en'))),
      make('td', { dir: 'ltr', 'data-field': 'override' }, state || String(session.room)),
      make('td', {}, minutes, make('button', { type: 'button', 'data-delay': id, onclick: () => change({ state: 'delayed', minutes: Number(minutes.value) }) }, both('مؤخر', 'Delay'))),
      make('td', {}, make('button', { type: 'button', 'data-cancel': id, onclick: () => change('cancelled') }, both('منسوخ', 'Cancel'))),
      make('td', {}, room, make('button', { type: 'button', 'data-move': id, onclick: () => change({ state: 'moved', room: room.value }) }, both('منتقل', 'Move'))),
      make('td', {}, override ? make('button', { type: 'button', class: 'quiet', onclick: () => change(null) }, both('بحال', 'Restore')) : null)));
  }
}

// ---- publishing an agenda ----
$('publish').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = $('publish-result');
  const file = $('agenda-file').files[0];
  if (!file) { say(result, 'فائل چنیں', 'Choose a file'); return; }
  const checked = checkAgenda(file.name, await file.text());
  if (!checked.ok) {
    result.className = 'error';
    result.replaceChildren(both('شائع نہیں کیا: درست کریں', 'Not published: correct it and publish again'), '\n', checked.errors.join('\n'));
    return;
  }
  try {
    await publish(`${page.prefix}agenda`, JSON.stringify(checked.agenda), true, { source: file.name });
    result.className = '';
    result.replaceChildren(both('شائع کر دیا', `Published ${file.name} (${checked.sessions} sessions); each screen checks it again and says so below`));
  } catch (error) {
    result.className = 'error';
    result.replaceChildren(both('شائع نہیں ہو سکا', `Not published: ${error.message}`));
  }
});
