import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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

describe('document links over stdio', function () {
  let server: TestServer;
  let folder: string;
  afterEach(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('links an env_file to its file URI and a bind mount only when the file is inside the workspace', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'shipshape-links-'));
    mkdirSync(path.join(folder, 'conf'));
    writeFileSync(path.join(folder, 'conf', 'app.conf'), 'x\n');
    const root = pathToFileURL(folder).href;
    server = await startServer({ rootUri: root });
    assert.deepEqual(server.initializeResult.capabilities.documentLinkProvider, { resolveProvider: false });
    const uri = `${root}/compose.yaml`;
    server.open(uri, 'services:\n  web:\n    image: nginx:1\n    env_file: .env\n    volumes: ["./conf/app.conf:/etc/app.conf", "/etc/hosts:/etc/hosts"]\n');
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as { target: string; range: { start: { line: number } } }[];
    assert.deepEqual(links.map((link) => [link.range.start.line, link.target]), [
      [2, 'https://hub.docker.com/_/nginx'],
      [3, `${root}/.env`],
      [4, `${root}/conf/app.conf`],
    ]);
  });
});

describe('semantic tokens over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('advertises a legend of standard types and encodes full and range results relative to the previous token', async () => {
    server = await startServer();
    const provider = server.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] }; full: boolean; range: boolean };
    assert.deepEqual(provider.legend.tokenModifiers, ['declaration']);
    assert.equal(provider.full, true);
    assert.equal(provider.range, true);
    server.open(URI, 'services:\n  web:\n    image: "x:${TAG}"\n    depends_on: [db]\n  db:\n    image: y\n');
    const full = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: URI } })) as { data: number[] };
    const type = (name: string) => provider.legend.tokenTypes.indexOf(name);
    assert.deepEqual(full.data, [1, 2, 3, type('class'), 1, 1, 16, 3, type('variable'), 0, 1, 17, 2, type('class'), 0, 1, 2, 2, type('class'), 1]);
    const range = (await server.connection.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri: URI }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } })) as { data: number[] };
    assert.deepEqual(range.data, [4, 2, 2, type('class'), 1]);
  });
});
