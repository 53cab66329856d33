// The organizer's page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), against the real broker and headless kiosks that venue_web_test.cpp starts.
// Each step waits for what a person would see, on the page or on the kiosks' live shots, with a
// bound; the first that does not come fails the run (exit 1) and says which.
//   node web_page_test.mjs CONFIG.json   {url, spki, password, screens: [{id, shots}], good,
//                                         bad, title, session, place}
// spki: the broker certificate's public key hash, which Chromium is told to accept.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const patience = 20000;
const started = Date.now();
const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);

// What a kiosk's live shot shows, as text (its current.json listing).
function shown(screen) {
  try {
    return JSON.parse(readFileSync(`${screen.shots}/current.json`, 'utf8')).map((item) => item.text).join('\n');
  } catch {
    return '';
  }
}
async function onEveryKiosk(what, condition) {
  const from = Date.now();
  while (!config.screens.every((screen) => condition(shown(screen)))) {
    if (Date.now() - from > patience) throw new Error(`not on every kiosk's live shot in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - from;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  // Chromium's sandbox needs user namespaces that root in a container (CI) does not get.
  args: [...(process.getuid() === 0 ? ['--no-sandbox'] : []),
    ...(config.spki ? [`--ignore-certificate-errors-spki-list=${config.spki}`] : [])],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 900 } }); // a phone
  page.setDefaultTimeout(patience);
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  // Every WebSocket the page opens is over TLS: the password never crosses in the clear.
  const sockets = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(config.url);

  // A wrong password is refused, and the venue stays hidden.
  await page.fill('#password', 'not-the-password');
  await page.click('#sign-in-button');
  await page.waitForSelector('#sign-in-error:has-text("Wrong user or password")');
  if (await page.isVisible('#venue-page')) throw new Error('the venue page opened with a wrong password');
  log('a wrong password is refused');

  await page.fill('#password', config.password);
  await page.click('#sign-in-button');
  await page.waitForSelector('#venue-page', { state: 'visible' });
  for (const screen of config.screens)
    await page.waitForSelector(`article[data-screen="${screen.id}"] .online`);
  log(`signed in; ${config.screens.length} screens online`);
  if (config.spki && (!sockets.length || !sockets.every((url) => url.startsWith('wss://'))))
    throw new Error(`the page's MQTT is not on wss://: ${sockets.join(', ')}`);

  // Each card says whether the screen's clock can be believed (the kiosks run a rehearsal clock).
  for (const screen of config.screens)
    await page.waitForSelector(`article[data-screen="${screen.id}"] [data-field="clock"]:has-text("rehearsal")`);
  // A place name for the first screen, set and sent at once (the grid is drawn again as
  // statuses arrive).
  await page.evaluate(({ id, name }) => {
    document.querySelector(`input[data-name="${id}"]`).value = name;
    document.querySelector(`button[data-assign="${id}"]`).click();
  }, { id: config.screens[0].id, name: config.place });
  await page.waitForSelector(`input[data-name="${config.screens[0].id}"][value="${config.place}"]`, { state: 'attached' });
  log('every card shows its clock; a place name assigned');

  // Thumbnails on request: each screen's card gets a picture of what it shows.
  await page.click('#refresh-shots');
  for (const screen of config.screens) {
    const image = `article[data-screen="${screen.id}"] img`;
    await page.waitForSelector(image);
    await page.waitForFunction((selector) => document.querySelector(selector)?.naturalWidth > 0, image);
    const width = await page.$eval(image, (img) => img.naturalWidth);
    if (width < 100 || width > 320) throw new Error(`${screen.id}'s thumbnail is ${width} px wide`);
  }
  log('every screen sent a thumbnail');

  // A bad file is refused on the page, with its place; nothing is sent.
  await page.setInputFiles('#agenda-file', config.bad);
  await page.click('#publish-button');
  await page.waitForSelector('#publish-result.error:has-text("Not published")');
  const refusal = await page.textContent('#publish-result');
  if (!/bad-agenda\.json: \$\.sessions\[0\]/.test(refusal)) throw new Error(`the refusal does not name the place: ${refusal}`);
  log('a bad agenda is refused before it is sent');

  await page.setInputFiles('#agenda-file', config.good);
  const published = Date.now();
  await page.click('#publish-button');
  await page.waitForSelector('#publish-result:has-text("Published")');
  await onEveryKiosk(config.title, (text) => text.includes(config.title));
  log(`published from the page: on every kiosk after ${Date.now() - published} ms`);
  for (const screen of config.screens)
    await page.waitForSelector(`article[data-screen="${screen.id}"] [data-field="agenda"]:has-text("${config.title}")`);
  log('every card shows the new agenda');

  // A bilingual urgent announcement reaches every screen, and withdrawing it takes it away.
  await page.fill('#announce-ur', 'ہال بدل گیا ہے');
  await page.fill('#announce-en', 'The hall has moved upstairs');
  await page.check('#announce-urgent');
  const announced = Date.now();
  await page.click('#announce-button');
  await onEveryKiosk('the urgent announcement', (text) => text.includes('The hall has moved upstairs'));
  log(`urgent announcement on every kiosk after ${Date.now() - announced} ms`);
  await page.click('[data-withdraw]');
  await onEveryKiosk('the announcement withdrawn', (text) => !text.includes('The hall has moved upstairs'));
  log('withdrawn from every kiosk');

  // A session delayed from its row.
  await page.click(`[data-delay="${config.session}"]`);
  await page.waitForSelector(`tr[data-session="${config.session}"] [data-field="override"]:has-text("delayed 10 min")`);
  log('a session delayed');
} catch (error) {
  failed = true;
  console.error(`web page test: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
