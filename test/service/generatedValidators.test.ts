/**
 * The validators the build generates (scripts/generateValidators.ts → server/src/schemas/generated/) are
 * what the server, the CLI and these tests validate with: they must be current with schemas/.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GENERATED_DIR, generatedFiles, PRECOMPILED } from '../../scripts/generateValidators';
import { schemas } from '../support/service';

describe('generated schema validators', () => {
  it('are current with schemas/ (run npm run build after changing a schema)', () => {
    for (const [name, expected] of generatedFiles()) {
      assert.equal(readFileSync(path.join(GENERATED_DIR, name), 'utf8'), expected, `${name} is stale: run npm run build`);
    }
  });

  it('are the ones the language service is given', () => {
    assert.deepEqual(Object.keys(PRECOMPILED), ['compose', 'stack-3.13']);
    assert.ok(schemas.compose.precompiled && schemas.stack['3.13']?.precompiled);
    assert.equal(schemas.stack['3.8']?.precompiled, undefined, 'older stack versions compile on first use');
    // A generated validator behaves as a compiled one: the service part knows `image` must be a string.
    const { service } = schemas.compose.precompiled;
    assert.equal(service({ image: 1 }), false);
    assert.equal(service({ image: 'nginx' }), true);
  });
});
