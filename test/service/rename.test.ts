import * as assert from 'node:assert/strict';
import { applyEdits } from '../support/fixes';
import { parseMarkers } from '../support/markers';
import { service } from '../support/service';

/** The text after renaming the name at the cursor, or the refusal. */
function renamed(marked: string, newName: string): string {
  const { text, cursor } = parseMarkers(marked);
  const result = service.rename(service.parse(text, 'compose'), cursor!, newName);
  assert.ok(result, 'nothing to rename at the cursor');
  return 'refused' in result ? `refused: ${result.refused}` : applyEdits(text, result.edits);
}

describe('rename', () => {
  it('renames a service key and every reference form', () => {
    assert.equal(
      renamed('services:\n  d<|>b:\n    image: x\n  web:\n    image: x\n    depends_on:\n      "db": {condition: service_started}\n    links: ["db:database"]\n    volumes_from: ["db:ro"]\n  side:\n    image: x\n    network_mode: "service:db"\n', 'postgres'),
      'services:\n  postgres:\n    image: x\n  web:\n    image: x\n    depends_on:\n      "postgres": {condition: service_started}\n    links: ["postgres:database"]\n    volumes_from: ["postgres:ro"]\n  side:\n    image: x\n    network_mode: "service:postgres"\n',
    );
  });

  it('renames from a reference, and a name written in an anchor once', () => {
    assert.equal(
      renamed('x-n: &n\n  networks: [back]\nservices:\n  a:\n    image: x\n    <<: *n\n  b:\n    image: x\n    volumes: ["data:/d"]\n    networks: {ba<|>ck: {}}\nnetworks:\n  back: {}\n', 'internal'),
      'x-n: &n\n  networks: [internal]\nservices:\n  a:\n    image: x\n    <<: *n\n  b:\n    image: x\n    volumes: ["data:/d"]\n    networks: {internal: {}}\nnetworks:\n  internal: {}\n',
    );
    assert.equal(renamed('services:\n  a:\n    image: x\n    volumes: ["da<|>ta:/d", {type: volume, source: data, target: /e}]\nvolumes:\n  data: {}\n', 'cache'), 'services:\n  a:\n    image: x\n    volumes: ["cache:/d", {type: volume, source: cache, target: /e}]\nvolumes:\n  cache: {}\n');
  });

  it('refuses what it cannot rename safely', () => {
    assert.equal(renamed('services:\n  a:\n    image: x\n    networks: [ex<|>t]\nnetworks:\n  ext: {external: true}\n', 'other'), "refused: 'ext' is external and its key is its name in Docker; set 'name: ext' before renaming the key.");
    assert.equal(renamed('services:\n  a:\n    image: x\n    networks: [ex<|>t]\nnetworks:\n  ext: {external: true, name: real}\n', 'other'), 'services:\n  a:\n    image: x\n    networks: [other]\nnetworks:\n  other: {external: true, name: real}\n');
    assert.equal(renamed('services:\n  a:\n    image: x\n    networks: [fr<|>ont]\n', 'back'), "refused: 'front' is not declared in this file, so it cannot be renamed here.");
    assert.equal(renamed('services:\n  a:\n    image: x\n    networks: [def<|>ault]\n', 'back'), "refused: 'default' is not declared in this file, so it cannot be renamed here.");
    assert.equal(renamed('services:\n  a:\n    image: x\n  b:\n    image: x\n    depends_on: [<|>a]\n', 'b'), "refused: A service named 'b' already exists.");
    assert.equal(renamed('services:\n  a:\n    image: x\n  b:\n    image: x\n    depends_on: [<|>a]\n', 'a b'), "refused: 'a b' is not a valid name: use letters, digits, '.', '_' and '-'.");
  });

  it('prepares a rename on the name under the cursor only', () => {
    const text = 'services:\n  web:\n    image: x\n    networks: [back]\nnetworks:\n  back: {}\n';
    const doc = service.parse(text, 'compose');
    assert.deepEqual(service.prepareRename(doc, text.indexOf('back') + 2), { span: { start: text.indexOf('back'), end: text.indexOf('back') + 4 }, placeholder: 'back' });
    assert.equal(service.prepareRename(doc, text.indexOf('image')), undefined);
  });
});
