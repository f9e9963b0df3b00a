/** The server reads a document's project from disk: `.env` values are judged, and a changed `.env` re-checks open documents. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from '../support/lspClient';

const COMPOSE = 'services:\n  web:\n    image: nginx\n    ports: ["${WEB_PORT:-8080}:80"]\n  api:\n    image: nginx\n    ports: ["9090:80"]\n';

describe('project files over LSP', function () {
  let server: TestServer;
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'shipshape-project-'))));
  afterEach(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

  it('judges values from .env on disk and re-checks when it changes', async () => {
    writeFileSync(path.join(folder, '.env'), 'WEB_PORT=9090\nextra var=1\n');
    server = await startServer({ rootUri: pathToFileURL(folder).toString(), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const envDiagnostics = server.diagnostics(uri('.env'));
    const opened = server.diagnostics(uri('compose.yaml'), 1);
    server.open(uri('compose.yaml'), COMPOSE);
    assert.deepEqual((await opened).map((d) => d.code), ['port-conflict', 'port-conflict']);
    const [envProblem] = await envDiagnostics;
    assert.equal(envProblem!.code, 'env-file-invalid');
    assert.deepEqual(envProblem!.range.start, { line: 1, character: 0 });

    writeFileSync(path.join(folder, '.env'), 'WEB_PORT=7070\n');
    const refreshed = server.diagnostics(uri('compose.yaml'), 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.env'), type: 2 }] });
    assert.deepEqual(await refreshed, []);
  });

  it('hovers an interpolated value with its .env value', async () => {
    writeFileSync(path.join(folder, '.env'), 'WEB_PORT=9090\n');
    server = await startServer({ rootUri: pathToFileURL(folder).toString() });
    const opened = server.diagnostics(uri('compose.yaml'), 1);
    server.open(uri('compose.yaml'), COMPOSE);
    await opened;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('compose.yaml') }, position: { line: 3, character: 16 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /`WEB_PORT` = `9090` \(\.env line 1\)/);
  });

  it('reads no .env outside the workspace folders', async () => {
    writeFileSync(path.join(folder, '.env'), 'WEB_PORT=9090\n');
    server = await startServer();
    const opened = server.diagnostics(uri('compose.yaml'), 1);
    server.open(uri('compose.yaml'), COMPOSE);
    assert.deepEqual(await opened, []);
  });
});
