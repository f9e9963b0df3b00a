import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';

describe('schema quick fixes over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('offers to change an unknown key to the key it resembles', async () => {
    server = await startServer();
    const published = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n');
    const [diagnostic] = await published;
    assert.equal(diagnostic!.code, 'schema-unknown-property');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [["Change 'imag' to 'image'", true]]);
    assert.deepEqual(actions[0]!.edit!.changes![URI], [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, newText: 'image' }]);
  });
});
