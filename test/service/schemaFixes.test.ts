import * as assert from 'node:assert/strict';
import { applyFix, checkFix, checkNoFix, fixesAt } from '../support/fixes';
import { service } from '../support/service';

describe('quick fixes for schema findings and repeated actions', () => {
  it('changes an unknown key to the valid key it resembles, at every level', () => {
    checkFix('services:\n  web:\n    im<|>ag: nginx\n', 'schema-unknown-property', 'services:\n  web:\n    image: nginx\n', { title: "Change 'imag' to 'image'" });
    checkFix('services:\n  web:\n    image: x\n    envi<|>roment: [A=1]\n', 'schema-unknown-property', 'services:\n  web:\n    image: x\n    environment: [A=1]\n');
    checkFix('services:\n  web:\n    image: x\n    healthcheck:\n      "interva<|>ll": 5s\n', 'schema-unknown-property', 'services:\n  web:\n    image: x\n    healthcheck:\n      "interval": 5s\n');
    checkFix('servics<|>:\n  web:\n    image: x\n', 'schema-unknown-property', 'services:\n  web:\n    image: x\n');
  });

  it('offers no rename for a key nothing resembles, or to a key the mapping already has', () => {
    checkNoFix('services:\n  web:\n    image: x\n    zz<|>zzzz: 1\n', 'schema-unknown-property');
    checkNoFix('services:\n  web:\n    image: x\n    imag<|>e2: y\n', 'schema-unknown-property');
  });

  it('replaces an enum value by the closest allowed value (preferred) or any other, inside its quotes', () => {
    const { actions } = fixesAt('services:\n  web:\n    image: x\n    cgroup: hos<|>tt\n', 'schema-invalid-value');
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]), [["Change 'hostt' to 'host'", true], ["Change 'hostt' to 'private'", false]]);
    assert.equal(applyFix("services:\n  web:\n    image: x\n    cgroup: 'privat<|>'\n", 'schema-invalid-value'), "services:\n  web:\n    image: x\n    cgroup: 'private'\n");
    checkNoFix('services:\n  web:\n    image: x\n    pull_policy: alway<|>z\n', 'schema-invalid-value');
  });

  it('changes a misspelt reference to the declared name it resembles', () => {
    checkFix('services:\n  database:\n    image: x\n  web:\n    image: x\n    depends_on: [datab<|>se]\n', 'depends-on-undefined', 'services:\n  database:\n    image: x\n  web:\n    image: x\n    depends_on: [database]\n');
  });

  it('offers each action once where two findings offer the same edit', () => {
    // 172.17.0.0/16 overlaps both network b and the default bridge; both findings offer the same move.
    const text = 'networks:\n  a:\n    ipam:\n      config: [{subnet: 172.17.0.0/16}]\n  b:\n    ipam:\n      config: [{subnet: 172.17.0.0/24}]\n';
    const doc = service.parse(text, 'compose');
    const at = text.indexOf('172.17.0.0/16');
    const actions = service.codeActions(doc, { start: at, end: at });
    const keys = actions.map((action) => JSON.stringify([action.title, action.edits]));
    assert.deepEqual(actions.map((action) => action.title), ['Change subnet to 172.16.0.0/16']);
    assert.equal(new Set(keys).size, keys.length, keys.join('\n'));
  });
});
