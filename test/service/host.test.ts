import { strict as assert } from 'node:assert';
import { dirname, memoryHost, resolvePath } from '../../server/src/service/host';

describe('file host', () => {
  it('reads and lists an in-memory tree', () => {
    const host = memoryHost({ '/p/compose.yaml': 'services: {}\n', '/p/.env': 'A=1\n', '/p/sub/x.yml': '' });
    assert.deepEqual(host.read('/p/.env'), { kind: 'text', text: 'A=1\n' });
    assert.deepEqual(host.read('/p/nope'), { kind: 'missing' });
    assert.deepEqual(host.list('/p'), [
      { name: '.env', kind: 'file' },
      { name: 'compose.yaml', kind: 'file' },
      { name: 'sub', kind: 'directory' },
    ]);
    assert.equal(host.list('/q'), undefined);
  });

  it('resolves relative paths as a shell would', () => {
    assert.equal(resolvePath('/p/app', '../base.yml'), '/p/base.yml');
    assert.equal(resolvePath('/p/app', './x/./y'), '/p/app/x/y');
    assert.equal(resolvePath('/p/app', '/etc/hosts'), '/etc/hosts');
    assert.equal(resolvePath('/', '../..'), '/');
    assert.equal(dirname('/p/app/compose.yaml'), '/p/app');
    assert.equal(dirname('/compose.yaml'), '/');
  });
});
