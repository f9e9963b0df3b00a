/**
 * The linear `uniqueItems` check must find what ajv's own keyword finds (same instance path, same
 * `i`/`j`), so compiling the schemas without it changes no diagnostic. The reference is ajv compiling the
 * unmodified schema, on the corpus and on lists built to hit both of ajv's loops.
 */
import * as assert from 'node:assert/strict';
import Ajv, { type ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { AJV_OPTIONS, compileSchema } from '../../server/src/service/analyses/schemaCompile';
import { corpusFiles } from '../support/corpus';
import { findingsOf, schemas } from '../support/service';

/** ajv with its own uniqueItems: the schema only loses the draft-04 ids it refuses. */
function reference(json: object): (data: unknown) => ErrorObject[] {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([key, v]) => !((key === 'id' || key === '$schema') && typeof v === 'string')).map(([key, v]) => [key, strip(v)]));
  };
  const ajv = '$defs' in json ? new Ajv2020(AJV_OPTIONS) : new Ajv(AJV_OPTIONS);
  const validate = ajv.compile(strip(json) as object);
  return (data) => (validate(data), [...(validate.errors ?? [])]);
}

const uniqueErrors = (errors: readonly ErrorObject[]): string[] => errors.filter((e) => e.keyword === 'uniqueItems').map((e) => `${e.instancePath} i=${String(e.params['i'])} j=${String(e.params['j'])}`).sort();

const HAND_MADE: readonly unknown[] = [
  { services: { web: { image: 'x', ports: ['80:80', 8080, { target: 80 }, '80:80', { target: 80 }], dns: ['a', 'b', 'a', 'a'], cap_add: ['NET_ADMIN', 'NET_ADMIN'] } } },
  { services: { web: { image: 'x', ports: [80, '80', 80], expose: ['80', 80, '80'], dns_search: 'one', extra_hosts: ['a:1', 'a:1'] } } },
  { services: { web: { image: 'x', ports: [{ target: 80, published: 8080 }, { published: 8080, target: 80 }], security_opt: ['a', 'b'] } } },
  { services: { web: { image: 'x', networks: ['a', 'b', 'a'], env_file: ['.env', '.env'], volumes: ['/a:/a', '/a:/a'] } }, networks: { a: {}, b: {} } },
];

describe('uniqueItems in linear time', () => {
  const corpus = corpusFiles().map(({ text }) => parse(text, { merge: true, maxAliasCount: -1 }) as unknown);
  const cases = [...HAND_MADE, ...corpus];
  for (const [name, vendored] of [['compose', schemas.compose], ['stack 3.13', schemas.stack['3.13']!], ['stack 3.0', schemas.stack['3.0']!]] as const) {
    it(`reports exactly ajv's uniqueItems errors with the ${name} schema`, () => {
      const ours = compileSchema(vendored).file;
      const theirs = reference(vendored.json);
      let duplicates = 0;
      for (const data of cases) {
        const expected = uniqueErrors(theirs(data));
        duplicates += expected.length;
        assert.deepEqual(uniqueErrors(ours(data)), expected, JSON.stringify(data).slice(0, 200));
      }
      assert.ok(duplicates >= 4, `the cases hold duplicates (${duplicates})`);
    });
  }

  it('reports a duplicate in a long port list once, on the later item', () => {
    const ports = Array.from({ length: 20000 }, (_, i) => String(i + 1));
    const text = `services:\n  web:\n    image: x\n    ports: [${ports.join(', ')}, 5]\n`;
    const found = findingsOf(text, 'compose', ['schema-duplicate-item']);
    assert.deepEqual(found.map((f) => [f.message, text.slice(f.span.start, f.span.end), f.span.start]), [["Duplicate item in 'ports': Compose requires its items to be unique.", '5', text.length - 3]]);
  });
});
