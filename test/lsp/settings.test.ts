/** Settings of the wrong shape do not break the server (issue 19 item 13): defaults per key, one log line. */
import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///settings-test/docker-stack.yml';
// A stack file (by the default patterns) with one error and one stack-only warning.
const STACK = 'services:\n  web:\n    imag: nginx\n    restart: "no"\n';

describe('settings validation over LSP', () => {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('wrong-typed settings fall back to their defaults with one log line, and everything still works', async () => {
    server = await startServer();
    const logged: string[] = [];
    server.connection.onNotification('window/logMessage', (params: { message: string }) => logged.push(params.message));
    const initial = server.diagnostics(URI, 1);
    server.open(URI, STACK);
    const expected = ['schema-unknown-property', 'stack-restart-no-ignored'];
    assert.deepEqual((await initial).map((d) => d.code), expected);

    for (const [index, bad] of [{ rules: 'off', diagnostics: { debounceMs: 'x' }, stackFilePatterns: 5 }, { stackFilePatterns: '**/*stack*.yml' }, { stackFilePatterns: [42, null] }, { stackFilePatterns: ['{'] }].entries()) {
      const republished = server.diagnostics(URI, 1);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: bad } });
      assert.deepEqual((await republished).map((d) => d.code), expected, JSON.stringify(bad));
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 5 } })) as { contents: { value: string } } | null;
      assert.ok(hover?.contents.value, `hover after ${JSON.stringify(bad)}`);
      assert.equal(logged.filter((line) => line.startsWith('Shipshape settings:')).length, index + 1, 'one line per settings change');
    }
    assert.equal(logged[0], "Shipshape settings: shipshape.stackFilePatterns must be a list, not 5. shipshape.rules must be a mapping, not 'off'. shipshape.diagnostics.debounceMs must be a number, not 'x'. The default is used for each value in error.");
  });
});
