/** The server leaves out what the client says other Compose extensions already report, and follows changes to that. */
import * as assert from 'node:assert/strict';
import type { CompletionList, DocumentLink, Hover } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

const URI = 'file:///work/compose.yaml';
const TEXT = 'services:\n  web:\n    imag: nginx\n    ports: ["80:80"]\n  api:\n    image: x\n    ports: ["80:80"]\n';

describe('peer coverage over the protocol', function () {
  let server: TestServer;
  afterEach(async () => server?.stop());

  it('drops schema findings a peer reports and brings them back when the peer goes', async () => {
    server = await startServer({ settings: { peers: { schemaDiagnostics: true } } });
    const opened = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    const codes = (await opened).map((d) => d.code);
    assert.ok(codes.length > 0 && !codes.some((code) => String(code).startsWith('schema-')), codes.join());
    const again = server.diagnostics(URI, 1);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: { peers: {} } } });
    assert.ok((await again).some((d) => d.code === 'schema-unknown-property'));
  });

  it('keeps findings and key completion in stack files, which the peers do not check', async () => {
    server = await startServer({ settings: { peers: { syntaxDiagnostics: true, duplicateKeys: true, schemaDiagnostics: true, keyCompletion: true } } });
    const stack = 'file:///work/docker-stack.yml';
    const text = `${TEXT}    image: y\n`;
    const opened = Promise.all([server.diagnostics(URI, 1), server.diagnostics(stack, 1)]);
    server.open(URI, text);
    server.open(stack, text, 1, 'yaml');
    const [compose, stackFile] = (await opened).map((diagnostics) => diagnostics.map((d) => String(d.code)));
    assert.ok(!compose!.some((code) => code.startsWith('schema-') || code === 'duplicate-key'), compose!.join());
    assert.ok(stackFile!.includes('schema-unknown-property') && stackFile!.includes('duplicate-key'), stackFile!.join());
    const keys = async (uri: string) => {
      const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 4 } })) as CompletionList;
      return list.items.filter((item) => item.label === 'image');
    };
    assert.deepEqual(await keys(URI), [], 'the peer completes keys in Compose files');
    assert.equal((await keys(stack)).length, 1);
  });

  it('ignores a malformed coverage', async () => {
    server = await startServer({ settings: { peers: { schemaDiagnostics: 'yes', syntaxDiagnostics: 1 } } });
    const opened = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    assert.ok((await opened).some((d) => d.code === 'schema-unknown-property'));
  });

  it('leaves key descriptions and Docker DX image links out of Compose-language files only', async () => {
    server = await startServer({ settings: { peers: { keyHovers: true, imageLinks: ['docker.io'] } } });
    const text = 'services:\n  web:\n    image: nginx:1.27\n';
    const stack = 'file:///work/docker-stack.yml';
    const opened = Promise.all([server.diagnostics(URI, 1), server.diagnostics(stack, 1)]);
    server.open(URI, text);
    server.open(stack, text, 1, 'yaml');
    await opened;
    const hover = (uri: string) => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }) as Promise<Hover | null>;
    const links = (uri: string) => server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }) as Promise<DocumentLink[]>;
    assert.equal(await hover(URI), null, 'the peer describes `image`');
    assert.deepEqual(await links(URI), []);
    // Stack files are served as `yaml`, which the peers do not describe: Shipshape keeps everything there.
    assert.ok(JSON.stringify(await hover(stack)).includes('**image**'));
    assert.deepEqual((await links(stack)).map((link) => link.target), ['https://hub.docker.com/_/nginx']);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: { peers: { keyHovers: 'yes', imageLinks: 'docker.io' } } } });
    assert.ok(await hover(URI), 'a malformed coverage covers nothing');
    assert.equal((await links(URI)).length, 1);
  });
});
