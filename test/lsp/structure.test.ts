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

describe('inlay hints over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('advertises inlay hints and answers a resolved default after its variable, and none when the setting is off', async () => {
    server = await startServer();
    assert.deepEqual(server.initializeResult.capabilities.inlayHintProvider, { resolveProvider: false });
    server.open(URI, 'services:\n  web:\n    image: "app:${TAG:-1.2}"\n');
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const hints = await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: URI }, range });
    assert.deepEqual(hints, [{ position: { line: 2, character: 27 }, label: '= 1.2', paddingLeft: true, tooltip: 'The default Compose uses while TAG is unset.' }]);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: { inlayHints: { variables: false } } } });
    assert.deepEqual(await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: URI }, range }), []);
  });
});

describe('code lenses and workspace symbols over stdio', function () {
  let server: TestServer;
  let folder: string | undefined;
  afterEach(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('answers no lens by default and "N references" lenses that run the client command when the setting is on', async () => {
    server = await startServer();
    assert.deepEqual(server.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
    server.open(URI, 'services:\n  db:\n    image: x\n  web:\n    image: x\n    depends_on: [db]\n');
    assert.deepEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } }), []);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: { codeLens: { references: true } } } });
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as { command: { title: string; command: string; arguments: unknown[] } }[];
    assert.deepEqual(lenses.map((lens) => lens.command.title), ['1 reference', '0 references']);
    assert.equal(lenses[0]!.command.command, 'shipshape.showReferences');
    assert.deepEqual(lenses[0]!.command.arguments, [URI, { line: 1, character: 2 }, [{ uri: URI, range: { start: { line: 5, character: 17 }, end: { line: 5, character: 19 } } }]]);
  });

  it('finds services in the Compose files of the workspace, not in other YAML or node_modules', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'shipshape-symbols-'));
    mkdirSync(path.join(folder, 'api'));
    mkdirSync(path.join(folder, 'node_modules'));
    writeFileSync(path.join(folder, 'compose.yaml'), 'services:\n  web:\n    image: x\n');
    writeFileSync(path.join(folder, 'api', 'docker-compose.prod.yml'), 'services:\n  webhook:\n    image: x\n');
    writeFileSync(path.join(folder, 'node_modules', 'compose.yaml'), 'services:\n  webvendored:\n    image: x\n');
    writeFileSync(path.join(folder, 'other.yaml'), 'services:\n  webother:\n    image: x\n');
    const root = pathToFileURL(folder).href;
    server = await startServer({ rootUri: root });
    assert.equal(server.initializeResult.capabilities.workspaceSymbolProvider, true);
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'web' })) as { name: string; location: { uri: string } }[];
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.location.uri.slice(root.length)]), [['web', '/compose.yaml'], ['webhook', '/api/docker-compose.prod.yml']]);
  });
});

describe('formatting over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('advertises document and range formatting and answers per-line edits with the tab size and the sequence setting', async () => {
    server = await startServer({ settings: { format: { sequenceIndent: 'flush' } } });
    const capabilities = server.initializeResult.capabilities;
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentRangeFormattingProvider, true);
    server.open(URI, 'services:\n  web:\n    image: nginx   \n    ports:\n      - "80:80"\n# the database\n  db:\n    image: postgres\n');
    const textDocument = { uri: URI };
    const options = { tabSize: 4, insertSpaces: true };
    const whole = await server.connection.sendRequest('textDocument/formatting', { textDocument, options });
    assert.deepEqual(whole, [
      { range: { start: { line: 1, character: 0 }, end: { line: 4, character: 15 } }, newText: '    web:\n        image: nginx\n        ports:\n        - "80:80"' },
      { range: { start: { line: 6, character: 0 }, end: { line: 7, character: 19 } }, newText: '    db:\n        image: postgres' },
    ]);
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    const ranged = await server.connection.sendRequest('textDocument/rangeFormatting', { textDocument, options: { tabSize: 2, insertSpaces: true }, range });
    // Only the service `web`, and only its changed lines.
    assert.deepEqual(ranged, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } }, newText: '    image: nginx' },
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } }, newText: '    - "80:80"' },
    ]);
  });
});
