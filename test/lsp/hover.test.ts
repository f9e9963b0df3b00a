import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';
const TEXT = 'services:\n  web:\n    image: nginx\n    ports:\n      - "127.0.0.1:8888:80"\nnetworks:\n  back:\n    driver: macvlan\n';

describe('textDocument/hover over stdio', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('answers Markdown with the range of the hovered value', async () => {
    server = await startServer();
    assert.equal(server.initializeResult.capabilities.hoverProvider, true);
    const opened = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    await opened;
    const port = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 12 } })) as Hover;
    const contents = port.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /Host 127\.0\.0\.1:8888 → container 80\/tcp\./);
    assert.deepEqual(port.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 27 } });
    const driver = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 7, character: 13 } })) as Hover;
    assert.match((driver.contents as MarkupContent).value, /drivers\/macvlan\//);
  });

  it('answers null where there is nothing to explain', async () => {
    server = await startServer();
    server.open(URI, TEXT);
    const nothing = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 8, character: 0 } });
    assert.equal(nothing, null);
  });

  it('leaves YAML that only matches a stack-file pattern and is not Compose alone', async () => {
    server = await startServer();
    const uri = 'file:///w/stack.yaml';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'resolver: lts-22.0\nname: app\n' } });
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } }), null);
    assert.equal(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } }), null);
  });
});
