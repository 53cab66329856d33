// What the browser can check of an agenda before it is published: that the file is JSON (with
// the line and column of a syntax error), that it follows the native format's JSON schema
// (assets/schema/ijlas-agenda.schema.json, bundled: required members, types, patterns, no
// unknown members). The rest of
// what `ijlas-venue publish` checks (the loader's rules: times in order, overlaps, the other
// formats) needs ijlas's C++ parsers, which do not run in a browser; each screen still checks
// what arrives and keeps its last good agenda, and the page shows its answer.
import schema from '../schema/ijlas-agenda.schema.json';

function resolve(node) {
  while (node && node.$ref) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
  return node;
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

// The schema's words, as far as this schema uses them; the errors of `value` at `path`.
function validate(value, node, path, errors) {
  node = resolve(node);
  if (!node) return;
  if (node.oneOf) {
    const fits = node.oneOf.filter((choice) => {
      const found = [];
      validate(value, choice, path, found);
      return found.length === 0;
    });
    if (fits.length !== 1) {
      const first = [];
      validate(value, node.oneOf[0], path, first);
      errors.push(first[0] || `${path}: matches none of its allowed forms`);
      return;
    }
  }
  if ('const' in node && value !== node.const) errors.push(`${path}: must be ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value))
    errors.push(`${path}: must be one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  const type = typeOf(value);
  if (node.type) {
    const fits = node.type === type || (node.type === 'number' && type === 'integer');
    if (!fits) {
      errors.push(`${path}: must be ${node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : 'a ' + node.type}, not ${JSON.stringify(value)}`);
      return;
    }
  }
  if (type === 'string') {
    if (node.pattern && !new RegExp(node.pattern).test(value))
      errors.push(`${path}: ${JSON.stringify(value)} is not in the expected form`);
    if (node.minLength && value.length < node.minLength) errors.push(`${path}: must not be empty`);
  }
  if (type === 'integer' || type === 'number') {
    if (node.minimum !== undefined && value < node.minimum) errors.push(`${path}: at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) errors.push(`${path}: at most ${node.maximum}`);
  }
  if (type === 'object') {
    for (const key of node.required || [])
      if (!(key in value)) errors.push(`${path}: "${key}" is missing`);
    if (node.minProperties && Object.keys(value).length < node.minProperties) errors.push(`${path}: is empty`);
    for (const [key, member] of Object.entries(value)) {
      if (node.properties && key in node.properties) validate(member, node.properties[key], `${path}.${key}`, errors);
      else if (node.additionalProperties === false) errors.push(`${path}: unknown member "${key}"`);
    }
  }
  if (type === 'array' && node.items)
    value.forEach((item, i) => validate(item, node.items, `${path}[${i}]`, errors));
}

// "line 3, column 17" of a JSON syntax error, from the offset the browser gives.
function syntaxPlace(text, error) {
  const named = /line (\d+) column (\d+)/.exec(error.message);
  if (named) return `${named[1]}:${named[2]}`;
  const at = /position (\d+)/.exec(error.message);
  if (!at) return '1:1';
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

// {ok, errors: ["name:…: …"], agenda, sessions}
export function checkAgenda(name, text) {
  let agenda;
  try {
    agenda = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${name}:${syntaxPlace(text, error)}: not JSON: ${error.message}`] };
  }
  if (typeOf(agenda) !== 'object' || !('conference' in agenda))
    return { ok: false, errors: [`${name}: not an ijlas agenda in the native format (no "conference"); publish other formats with ijlas-venue publish`] };
  const errors = [];
  validate(agenda, schema, '$', errors);
  return { ok: errors.length === 0, errors: errors.map((e) => `${name}: ${e}`), agenda, sessions: (agenda.sessions || []).length };
}
