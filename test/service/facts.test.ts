/**
 * The curated facts behind hover and completion stay complete and consistent with the vendored schema:
 * a schema update that adds a deploy key, or a typo in a fact's path, fails here.
 */
import * as assert from 'node:assert/strict';
import { docUrl, keyDocumentation } from '../../server/src/service/docs/keyDocumentation';
import { DEPLOY_ENUMS, DEPLOY_KEYS } from '../../server/src/service/facts/deployKeys';
import { KEY_DOCS } from '../../server/src/service/facts/keyDocs';
import { DRIVER_OPTION_DOCS, NETWORK_DRIVERS, NETWORK_MODES, networkDriver } from '../../server/src/service/facts/networkDrivers';
import { createSchemaKeys } from '../../server/src/service/facts/schemaKeys';
import type { YamlPath } from '../../server/src/service/parse/path';
import { DEPLOY_VALUE_SUMMARIES, VALUE_DOCS } from '../../server/src/service/facts/values';
import { schema } from '../support/service';

const schemaKeys = createSchemaKeys(schema);
const DOCS_LINK = /^https:\/\/docs\.docker\.com\/[a-z0-9/_-]*\/(#[a-z0-9_-]+)?$/;

/** Every key path below `path`, walking into list items; `*` stands for names and indexes. */
function keyPaths(path: YamlPath, prefix: readonly string[] = [], depth = 0): string[][] {
  if (depth > 6) return [];
  return schemaKeys.keys(path).flatMap((info) => {
    const keyPath = [...prefix, info.key];
    const next = info.types.includes('array') ? [...path, info.key, 0] : [...path, info.key];
    return [keyPath, ...keyPaths(next, info.types.includes('array') ? [...keyPath] : keyPath, depth + 1)];
  });
}

/** A table path (`services.*.deploy.mode`) as a concrete path the schema can walk. */
function concrete(pattern: string): YamlPath {
  const parts = pattern.split('.');
  return parts.map((part, i) => (part !== '*' ? part : i === 1 || (parts[2] === 'networks' || parts[2] === 'depends_on') ? 'name' : 0));
}

describe('curated facts', () => {
  // Every deploy key having a fact (facts/deployKeys.ts) is tested in test/service/facts/deployKeys.test.ts.
  it('explain every value of the deploy enumerations', () => {
    const values = Object.values(DEPLOY_ENUMS).flatMap((enumeration) => enumeration.stack);
    assert.deepEqual(values.filter((value) => !DEPLOY_VALUE_SUMMARIES[value]), [], 'add these to DEPLOY_VALUE_SUMMARIES in facts/values.ts');
  });

  it('explain every Linux network driver, network_mode kind and driver option', () => {
    for (const name of ['bridge', 'host', 'overlay', 'macvlan', 'ipvlan', 'null']) {
      const driver = networkDriver(name);
      assert.ok(driver?.summary && driver.details?.length, `${name} needs a summary and details`);
    }
    assert.deepEqual(Object.keys(NETWORK_MODES).sort(), ['bridge', 'container', 'host', 'none', 'service']);
    const documented = NETWORK_DRIVERS.filter((driver) => driver.summary).flatMap((driver) => driver.options ?? []);
    const missing = [...new Set(documented)].filter((option) => !DRIVER_OPTION_DOCS[option]);
    assert.deepEqual(missing, [], 'add these to DRIVER_OPTION_DOCS');
  });

  it('name only paths that exist in the schema', () => {
    for (const pattern of [...Object.keys(KEY_DOCS), ...Object.keys(VALUE_DOCS)]) {
      assert.ok(schemaKeys.info(concrete(pattern)), `${pattern} is not a schema path`);
    }
  });

  it('link to well-formed Docker documentation pages', () => {
    const links = [
      ...Object.values(DEPLOY_KEYS).map((fact) => fact.docUrl),
      ...NETWORK_DRIVERS.map((driver) => driver.docUrl),
      ...Object.values(NETWORK_MODES).map((fact) => fact.docUrl),
      ...['services', 'networks', 'volumes', 'secrets', 'configs'].flatMap((section) => keyPaths([section, 'name']).map((p) => docUrl([section, 'name', ...p]))),
      ...keyPaths([]).map((p) => docUrl(p)),
    ];
    for (const link of links) assert.match(link, DOCS_LINK);
  });

  it('give every schema key a hover', () => {
    for (const section of ['services', 'networks', 'volumes', 'secrets', 'configs']) {
      for (const key of schemaKeys.keys([section, 'name'])) {
        const contents = keyDocumentation([section, 'name', key.key], 'compose', schemaKeys);
        assert.ok(contents?.startsWith(`**${key.key}**`), `${section}.${key.key}`);
      }
    }
  });
});
