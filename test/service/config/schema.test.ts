/**
 * schemas/shipshape-config.schema.json is what editors complete the file with and what the core validates
 * with: the VS Code contributions point at it, and it agrees with the settings the extension declares.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkSettings } from '../../../server/src/service/index';
import { ROOT } from '../../support/service';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[]; jsonValidation: { fileMatch: string; url: string }[]; configuration: { properties: Record<string, { default: unknown; additionalProperties?: { enum: string[] } }> } };
};
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'shipshape-config.schema.json'), 'utf8')) as { definitions: { ruleSetting: { enum: string[] } } };

describe('configuration schema', () => {
  it('is contributed for .shipshape.yaml (Red Hat YAML) and package.json (JSON), and ships in both packages', () => {
    const [yaml] = manifest.contributes.yamlValidation;
    assert.deepEqual(yaml?.fileMatch, ['.shipshape.yaml', '.shipshape.yml']);
    const [json] = manifest.contributes.jsonValidation;
    assert.equal(json?.fileMatch, 'package.json');
    for (const url of [yaml!.url, json!.url]) assert.ok(existsSync(path.join(ROOT, url)), url);
    const wrapper = JSON.parse(readFileSync(path.join(ROOT, json!.url), 'utf8')) as { properties: { shipshape: { $ref: string } } };
    assert.equal(path.join(path.dirname(json!.url), wrapper.properties.shipshape.$ref), path.normalize(yaml!.url));
    for (const list of ['.vscodeignore', '.npmignore']) {
      const allowed = readFileSync(path.join(ROOT, list), 'utf8');
      for (const url of [yaml!.url, json!.url]) assert.ok(allowed.includes(`!${url.replace('./', '')}`), `${list} ships ${url}`);
    }
  });

  it('allows the same severities as the rules setting', () => {
    assert.deepEqual([...schema.definitions.ruleSetting.enum].sort(), [...manifest.contributes.configuration.properties['shipshape.rules']!.additionalProperties!.enum].sort());
  });

  it("accepts every declared setting's default", () => {
    const settings: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) {
      if (key === 'shipshape.trace.server') continue; // read by the client library, never sent
      const parts = key.replace(/^shipshape\./, '').split('.');
      let target = settings;
      for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[parts[parts.length - 1]!] = property.default;
    }
    assert.deepEqual(checkSettings(settings).problems, []);
  });
});
