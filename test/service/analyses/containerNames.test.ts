import * as assert from 'node:assert/strict';
import { checkFindings, findingsOf } from '../../support/service';

describe('container names', () => {
  it('rejects names the engine refuses that the schema pattern lets through', () => {
    checkFindings('services:\n  a: {image: x, container_name: ⟦"-web"⟧}\n  b: {image: x, container_name: ⟦"we b"⟧}\n  c: {image: x, container_name: web.1_a-b}\n  d: {image: x, container_name: "${NAME}"}\n', ['container-name-invalid']);
  });

  it('rejects a fixed name with several replicas', () => {
    checkFindings('services:\n  a: {image: x, container_name: ⟦web⟧, scale: 2}\n  b: {image: x, container_name: api, deploy: {replicas: 3}}\n  c: {image: x, container_name: one, deploy: {replicas: 1}}\n'.replace('api, deploy', '⟦api⟧, deploy'), ['container-name-with-replicas']);
  });

  it('reports a name shared by two services on both sides', () => {
    const [first, second] = checkFindings('services:\n  a: {image: x, container_name: ⟦web⟧}\n  b: {image: x, container_name: ⟦web⟧}\n  c: {image: x, container_name: other}\n', ['container-name-duplicate']);
    assert.equal(first!.message, "Container name 'web' is also used by service 'b'; the second container cannot be created.");
    assert.equal(second!.related?.[0]?.message, "'web' in service 'a'");
  });

  it('is a Compose rule only', () => {
    assert.deepEqual(findingsOf('services:\n  a: {image: x, container_name: web}\n  b: {image: x, container_name: web}\n', 'stack', ['container-name-duplicate']), []);
  });
});
