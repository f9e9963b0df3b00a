import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';

describe('reference quick fixes over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('offers the spelling fix first and declarations after it, as workspace edits', async () => {
    server = await startServer();
    const published = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    image: x\n    networks: [bak]\nnetworks:\n  back: {}\n');
    const [diagnostic] = await published;
    assert.equal(diagnostic!.code, 'network-undefined');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ["Change 'bak' to 'back'", true],
      ["Declare network 'bak' under top-level 'networks'", false],
      ["Declare network 'bak' as external (created outside this file)", false],
    ]);
    assert.deepEqual(actions[0]!.edit!.changes![URI], [{ range: { start: { line: 3, character: 15 }, end: { line: 3, character: 18 } }, newText: 'back' }]);
    assert.deepEqual(actions[1]!.edit!.changes![URI], [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '  bak: {}\n' }]);
  });
});
