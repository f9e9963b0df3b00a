// Refreshes schemas/compose-spec.json from the compose-spec repository and prints what changed.
// Usage: node schemas/update.mjs [commit]   (needs network access to raw.githubusercontent.com)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PINNED = '170098ba07d9f53c383a41bfd4c5166b0a4529a6';
const commit = process.argv[2] ?? PINNED;
const target = fileURLToPath(new URL('./compose-spec.json', import.meta.url));
const url = `https://raw.githubusercontent.com/compose-spec/compose-spec/${commit}/schema/compose-spec.json`;

const response = await fetch(url);
if (!response.ok) {
  console.error(`update.mjs: ${url}: HTTP ${response.status}`);
  process.exit(1);
}
const text = await response.text();
const next = JSON.parse(text);
const previous = JSON.parse(readFileSync(target, 'utf8'));

/** Every property path in a schema, e.g. "definitions.service.properties.ports". */
function paths(schema, prefix = '', out = new Set()) {
  if (typeof schema !== 'object' || schema === null) return out;
  for (const [key, value] of Object.entries(schema)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === 'properties' || key === 'definitions') {
      for (const name of Object.keys(value)) out.add(`${path}.${name}`);
    }
    paths(value, path, out);
  }
  return out;
}

const before = paths(previous);
const after = paths(next);
const added = [...after].filter((p) => !before.has(p));
const removed = [...before].filter((p) => !after.has(p));
writeFileSync(target, text);
console.log(`compose-spec.json updated to ${commit}`);
for (const p of added) console.log(`+ ${p}`);
for (const p of removed) console.log(`- ${p}`);
if (!added.length && !removed.length) console.log('no properties added or removed');
