import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';

describe('language server over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('publishes diagnostics with exact ranges and the did-you-mean message', async () => {
    server = await startServer();
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n');
    const [first, ...rest] = await diagnostics;
    assert.equal(rest.length, 0);
    assert.deepEqual(first!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
    assert.equal(first!.code, 'schema-unknown-property');
    assert.equal(first!.source, 'shipshape');
    assert.equal(first!.message, "Unknown property 'imag' in service 'web'. Did you mean 'image'?");
    assert.match(first!.codeDescription!.href, /\/docs\/rules\.md#schema-unknown-property$/);
  });

  it('places findings on lines ended by a lone CR as the client counts them (issue 19 item 16)', async () => {
    // LSP, go-yaml and YAML 1.2 end a line at a lone CR; the `yaml` package once read it as a space.
    server = await startServer();
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\r  web:\r    image: nginx\r    imag: x\r');
    const found = await diagnostics;
    assert.deepEqual(found.map((d) => [d.code, d.range]), [['schema-unknown-property', { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } }]]);
  });

  it('applies incremental edits and publishes for the latest version', async () => {
    server = await startServer();
    const opened = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n');
    assert.equal((await opened).length, 1);
    const fixed = server.diagnostics(URI, 3);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, text: 'imagee' }],
    });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } }, text: 'image' }],
    });
    assert.deepEqual(await fixed, []);
  });

  it('serves the new text when a client repeats a version number (issue 19 item 10)', async () => {
    server = await startServer();
    const opened = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n');
    assert.equal((await opened).length, 1);
    const hover = () => server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 5 } });
    const repeated = server.diagnostics(URI, 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 1 },
      contentChanges: [{ text: 'services:\n  web:\n    imagee: x\n    image: nginx\n' }],
    });
    const [finding] = await repeated;
    assert.deepEqual(finding?.range.start, { line: 2, character: 4 });
    assert.ok(await hover(), 'a hover on `image`, on a line only the new text has');
    // A second didOpen of the open URI with the same version and new text.
    const reopened = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(await reopened, []);
  });

  it('refuses malformed requests with InvalidParams and keeps serving (issue 19 item 16)', async () => {
    server = await startServer();
    const opened = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    image: nginx\n');
    await opened;
    const code = (promise: Promise<unknown>) => promise.then(() => 'answered', (error: { code?: number }) => error.code);
    assert.equal(await code(server.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } })), -32602);
    assert.equal(await code(server.connection.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: { line: 1, character: 3 }, newName: 42 })), -32602);
    const rename = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: { line: 1, character: 3 }, newName: 'api' })) as { changes: Record<string, unknown[]> };
    assert.equal(rename.changes[URI]?.length, 1);
    assert.equal(server.stderr().includes('TypeError'), false, server.stderr());
  });

  it('leaves YAML files that only match a stack pattern alone unless they look like Compose', async () => {
    server = await startServer();
    const open = (uri: string, text: string) =>
      server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const haskell = server.diagnostics('file:///w/stack.yaml', 1);
    void open('file:///w/stack.yaml', 'resolver: lts-22.0\npackages:\n  - .\n');
    assert.deepEqual(await haskell, []);
    // No feature serves it: no quick fixes for findings that are not shown, no outline.
    const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const haskellDoc = { textDocument: { uri: 'file:///w/stack.yaml' } };
    assert.deepEqual(await server.connection.sendRequest('textDocument/codeAction', { ...haskellDoc, range: whole, context: { diagnostics: [] } }), []);
    assert.deepEqual(await server.connection.sendRequest('textDocument/documentSymbol', haskellDoc), []);
    const swarm = server.diagnostics('file:///w/prod-stack.yaml', 1);
    void open('file:///w/prod-stack.yaml', 'services:\n  web:\n    imag: nginx\n');
    assert.equal((await swarm).length, 1);
  });

  it('answers document symbols', async () => {
    server = await startServer();
    server.open(URI, 'services:\n  web:\n    image: nginx\nnetworks:\n  back: {}\n');
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string; children: { name: string }[] }[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['services', ['web']], ['networks', ['back']]]);
  });

  it('survives a feature that throws: logs it, answers empty, keeps serving', async () => {
    server = await startServer({ env: { SHIPSHAPE_FAULTY_METHODS: 'textDocument/documentSymbol' } });
    const diagnostics = server.diagnostics(URI, 1);
    server.open(URI, 'services:\n  web:\n    imag: nginx\n');
    assert.equal((await diagnostics).length, 1);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols, []);
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions), 'other features still answer');
    assert.equal(server.process.exitCode, null, 'the server is still running');
  });
});
