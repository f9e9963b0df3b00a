/** The server leaves out what the client says other Compose extensions already report, and follows changes to that. */
import * as assert from 'node:assert/strict';
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

  it('ignores a malformed coverage', async () => {
    server = await startServer({ settings: { peers: { schemaDiagnostics: 'yes', syntaxDiagnostics: 1 } } });
    const opened = server.diagnostics(URI, 1);
    server.open(URI, TEXT);
    assert.ok((await opened).some((d) => d.code === 'schema-unknown-property'));
  });
});
