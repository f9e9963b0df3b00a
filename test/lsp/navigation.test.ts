import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';
const TEXT = 'services:\n  web:\n    image: x\n    networks: [back]\n    depends_on: [db]\n  db:\n    image: y\n    networks: [back, ext]\nnetworks:\n  back: {}\n  ext: {external: true}\n';

describe('navigation over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('advertises and answers definition, references and highlights', async () => {
    server = await startServer();
    const capabilities = server.initializeResult.capabilities;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    server.open(URI, TEXT);
    const textDocument = { uri: URI };
    const definition = await server.connection.sendRequest('textDocument/definition', { textDocument, position: { line: 4, character: 18 } });
    assert.deepEqual(definition, [{ uri: URI, range: { start: { line: 5, character: 2 }, end: { line: 5, character: 4 } } }]);
    const references = (await server.connection.sendRequest('textDocument/references', { textDocument, position: { line: 9, character: 3 }, context: { includeDeclaration: true } })) as { range: { start: { line: number } } }[];
    assert.deepEqual(references.map((r) => r.range.start.line), [9, 3, 7]);
    const highlights = (await server.connection.sendRequest('textDocument/documentHighlight', { textDocument, position: { line: 3, character: 16 } })) as { kind: number }[];
    assert.deepEqual(highlights.map((h) => h.kind), [3, 2, 2]);
  });

  it('prepares and performs a rename, and refuses an external network with a message', async () => {
    server = await startServer();
    server.open(URI, TEXT);
    const textDocument = { uri: URI };
    const prepared = await server.connection.sendRequest('textDocument/prepareRename', { textDocument, position: { line: 3, character: 17 } });
    assert.deepEqual(prepared, { range: { start: { line: 3, character: 15 }, end: { line: 3, character: 19 } }, placeholder: 'back' });
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument, position: { line: 3, character: 17 }, newName: 'internal' })) as { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> };
    assert.deepEqual(edit.changes[URI]!.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[9, 2, 'internal'], [3, 15, 'internal'], [7, 15, 'internal']]);
    await assert.rejects(
      server.connection.sendRequest('textDocument/prepareRename', { textDocument, position: { line: 7, character: 22 } }),
      (error: Error) => error.message === "'ext' is external and its key is its name in Docker; set 'name: ext' before renaming the key.",
    );
  });
});
