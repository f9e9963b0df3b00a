// Refreshes the vendored schemas from the project's shared copy of upstream (../shared/schemas, whose
// README names the origin, commit and licence of each file) and prints which properties each one gained
// or lost. Nothing is downloaded: the shared copy is the reviewed one.
// Usage: node schemas/update.mjs [SOURCE_DIR]   (default: ../shared/schemas beside the repository)
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const source = process.argv[2] ?? join(here, '..', '..', 'shared', 'schemas');
/** Vendored file (relative to schemas/) → file in the source directory. */
const FILES = [
  ['compose-spec.json', 'compose-spec.json'],
  ['LICENSE', 'LICENSE'],
  // docker/cli adds a file when the format version changes; a 3.14 also needs STACK_SCHEMA_VERSIONS
  // (server/src/service/analyses/stackVersion.ts) and an import in server/src/schemas/index.ts.
  ...Array.from({ length: 14 }, (_, minor) => `stack/config_schema_v3.${minor}.json`).map((file) => [file, file]),
  ['stack/LICENSE', 'stack/LICENSE'],
];

if (!existsSync(source)) {
  console.error(`update.mjs: ${source} does not exist; pass the directory holding the upstream schemas`);
  process.exit(1);
}

/**
 * Every property path in a schema, e.g. "definitions.service.properties.ports" (`$defs`, draft 2020-12's
 * name for `definitions`, is printed as `definitions` so that a change of draft does not list every key).
 */
function paths(schema, prefix = '', out = new Set()) {
  if (typeof schema !== 'object' || schema === null) return out;
  for (const [key, value] of Object.entries(schema)) {
    const path = prefix ? `${prefix}.${key === '$defs' ? 'definitions' : key}` : key === '$defs' ? 'definitions' : key;
    if (key === 'properties' || key === 'definitions' || key === '$defs') {
      for (const name of Object.keys(value)) out.add(`${path}.${name}`);
    }
    paths(value, path, out);
  }
  return out;
}

for (const [target, from] of FILES) {
  const targetPath = join(here, target);
  const fromPath = join(source, from);
  const before = existsSync(targetPath) ? readFileSync(targetPath, 'utf8') : undefined;
  const after = readFileSync(fromPath, 'utf8');
  if (before === after) continue;
  mkdirSync(dirname(targetPath), { recursive: true });
  copyFileSync(fromPath, targetPath);
  console.log(`${target}: ${before === undefined ? 'added' : 'updated'}`);
  if (!target.endsWith('.json')) continue;
  const old = paths(before === undefined ? {} : JSON.parse(before));
  const next = paths(JSON.parse(after));
  for (const p of next) if (!old.has(p)) console.log(`  + ${p}`);
  for (const p of old) if (!next.has(p)) console.log(`  - ${p}`);
}
console.log('Now update the table in schemas/README.md, run npm test and review the diff.');
