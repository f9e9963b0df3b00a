import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';
const TEXT = '# one\n# two\nservices:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n';

describe('folding and selection ranges over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('advertises and answers folding ranges (regions and comments) and selection ranges as a parent chain', async () => {
    server = await startServer();
    const capabilities = server.initializeResult.capabilities;
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
    server.open(URI, TEXT);
    const textDocument = { uri: URI };
    const folds = await server.connection.sendRequest('textDocument/foldingRange', { textDocument });
    assert.deepEqual(folds, [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 2, endLine: 6 }, { startLine: 3, endLine: 6 }, { startLine: 5, endLine: 6 }]);
    const [selection] = (await server.connection.sendRequest('textDocument/selectionRange', { textDocument, positions: [{ line: 4, character: 12 }] })) as { range: { start: { line: number; character: number } }; parent?: unknown }[];
    const depth = (range: { parent?: unknown } | undefined): number => (range ? 1 + depth(range.parent as { parent?: unknown } | undefined) : 0);
    assert.deepEqual(selection?.range.start, { line: 4, character: 11 });
    assert.equal(depth(selection), 5);
  });
});
