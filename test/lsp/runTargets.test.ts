/** compose/runTargets: where the "Run" lenses go, and whether the file is a stack file. */
import * as assert from 'node:assert/strict';
import { RUN_TARGETS_METHOD, type RunTargetsResult } from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';

describe('compose/runTargets', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('answers the mode, the services key and each service key, and nothing for unknown documents', async () => {
    server = await startServer();
    server.open('file:///w/compose.yaml', 'x-common: &c {}\nservices:\n  web:\n    image: nginx\n  db:\n    image: postgres\n');
    const targets = (await server.connection.sendRequest(RUN_TARGETS_METHOD, { textDocument: { uri: 'file:///w/compose.yaml' } })) as RunTargetsResult;
    assert.deepEqual(targets, {
      mode: 'compose',
      servicesRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } },
      services: [
        { name: 'web', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } } },
        { name: 'db', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } } },
      ],
    });
    server.open('file:///w/docker-stack.yml', 'services:\n  web:\n    image: nginx\n');
    assert.equal(((await server.connection.sendRequest(RUN_TARGETS_METHOD, { textDocument: { uri: 'file:///w/docker-stack.yml' } })) as RunTargetsResult).mode, 'stack');
    assert.equal(await server.connection.sendRequest(RUN_TARGETS_METHOD, { textDocument: { uri: 'file:///w/nope.yaml' } }), null);
  });
});
