import * as assert from 'node:assert/strict';
import { applyFix } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

describe('obsolete keys', () => {
  it('marks the top-level version obsolete in Compose files only, and removes its line', () => {
    checkFindings('⟦version: "3.8"⟧\nservices:\n  a: {image: x}\n', ['version-obsolete']);
    assert.deepEqual(findingsOf('version: "3.8"\nservices:\n  a: {image: x}\n', 'stack', ['version-obsolete']), []);
    assert.equal(applyFix('ver<|>sion: "3.8"\nservices:\n  a: {image: x}\n', 'version-obsolete'), 'services:\n  a: {image: x}\n');
  });

  it('marks links as legacy, where they are written', () => {
    const [finding] = checkFindings('x-l: &l\n  ⟦links⟧: [b]\nservices:\n  a:\n    image: x\n    <<: *l\n  b:\n    image: x\n    ⟦links⟧: [a]\n', ['links-deprecated']);
    assert.deepEqual(finding!.tags, ['deprecated']);
    assert.equal(finding!.related?.[0]?.message, "Used here by service 'a'");
  });
});
