import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/docker-stack.yml';

describe('stack files over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('checks docker-stack.yml as a stack file and offers the quick fix for its finding', async () => {
    server = await startServer();
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits: {cpus: 0.5}\n');
    const [finding, ...rest] = await diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(finding!.code, 'stack-cpus-not-string');
    assert.deepEqual(finding!.range, { start: { line: 5, character: 23 }, end: { line: 5, character: 26 } });
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: finding!.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const edits = actions.find((action) => action.title === "Quote it: '0.5'")?.edit?.changes?.[URI] as TextEdit[] | undefined;
    assert.deepEqual(edits, [{ range: finding!.range, newText: "'0.5'" }]);
  });
});
