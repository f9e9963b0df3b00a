/**
 * The rule catalogue is complete and docs/rules.md is current. Codes are collected from the source
 * (every `code: '…'` literal and the kebab-case codes of the schema, port-syntax and reference rules),
 * from every expected.json fixture and from the corpus snapshot, so a rule added anywhere is caught.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { RULES, RULES_DOC_URL } from '../../server/src/service/index';
import { renderRulesReference } from '../../server/src/service/rules/reference';
import { ROOT } from '../support/service';

function* files(dir: string, suffix: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full, suffix);
    else if (name.endsWith(suffix)) yield full;
  }
}

/** Code → where it was seen first. */
function reportedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const see = (code: string, where: string) => codes.has(code) || codes.set(code, where);
  for (const file of files(path.join(ROOT, 'server', 'src', 'service'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const match of text.matchAll(/\bcode: '([a-z0-9]+(?:-[a-z0-9]+)+)'/g)) see(match[1]!, where);
    // Codes chosen at run time from a list of literals: schema errors, port syntax, undefined references.
    if (/schemaErrors|parse\/ports|undefinedReferences/.test(file)) for (const match of text.matchAll(/'((?:schema|port|yaml|[a-z]+s?)-(?:[a-z0-9]+-)*(?:undefined|invalid|property|item|name|type|value|zero|range|reversed|mismatch))'/g)) see(match[1]!, where);
  }
  for (const file of files(path.join(ROOT, 'test', 'fixtures'), 'expected.json')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/"code": "([a-z0-9-]+)"/g)) see(match[1]!, path.relative(ROOT, file));
  }
  const snapshot = JSON.parse(readFileSync(path.join(ROOT, 'test', 'corpus', 'snapshot.json'), 'utf8')) as Record<string, string[]>;
  for (const [file, lines] of Object.entries(snapshot)) for (const line of lines) see(line.split(' ')[2]!, `test/corpus/snapshot.json (${file})`);
  return codes;
}

describe('rule catalogue and docs/rules.md', () => {
  it('has an entry for every code an analysis reports', () => {
    const known = new Set(RULES.map((rule) => rule.code));
    const missing = [...reportedCodes()].filter(([code]) => !known.has(code));
    assert.deepEqual(
      missing.map(([code, where]) => `${code} (seen in ${where})`),
      [],
      'Add each missing code to server/src/service/rules/catalogue.ts, in its group, as\n' +
        "  ['the-code', 'error' | 'warning' | 'information' | 'hint', 'What it catches and why it matters.'],\n" +
        'then run `npm run docs:rules` to regenerate docs/rules.md and commit both.',
    );
  });

  it('lists each code once, in kebab-case, with a sentence', () => {
    const codes = RULES.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length, 'duplicate codes');
    for (const rule of RULES) {
      assert.match(rule.code, /^[a-z0-9]+(-[a-z0-9]+)+$/);
      assert.match(rule.summary, /^[A-Za-z'$`"].*[.)]$/s, rule.code);
    }
  });

  it('docs/rules.md is what the catalogue renders, with a section per code', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(doc, renderRulesReference(), 'docs/rules.md is stale: run `npm run docs:rules` and commit it');
    for (const rule of RULES) assert.ok(doc.includes(`\n### ${rule.code}\n`), rule.code);
  });

  it('links into the repository that package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(RULES_DOC_URL, `${pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/docs/rules.md`);
  });
});
