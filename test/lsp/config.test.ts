/** The editor reads the workspace's .shipshape.yaml: a rule it turns off is off, and a bad value is a diagnostic at its key. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from '../support/lspClient';

// One error (schema-unknown-property) and one warning (port-base60).
const COMPOSE = 'services:\n  web:\n    imag: nginx\n    ports:\n      - 22:22\n';

describe('configuration file over LSP', function () {
  let server: TestServer;
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'shipshape-config-'))));
  afterEach(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const start = (settings?: object) => startServer({ rootUri: pathToFileURL(folder).toString(), ...(settings ? { settings } : {}), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });

  it('turns a rule off for a file below it, and follows a change on disk', async () => {
    writeFileSync(path.join(folder, '.shipshape.yaml'), 'rules:\n  schema-unknown-property: off\n');
    mkdirSync(path.join(folder, 'app'));
    server = await start();
    const opened = server.diagnostics(uri('app/compose.yaml'), 1);
    server.open(uri('app/compose.yaml'), COMPOSE);
    assert.deepEqual((await opened).map((d) => d.code), ['port-base60']);

    writeFileSync(path.join(folder, '.shipshape.yaml'), 'rules:\n  port-base60: error\n');
    const refreshed = server.diagnostics(uri('app/compose.yaml'), 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.shipshape.yaml'), type: 2 }] });
    assert.deepEqual((await refreshed).map((d) => [d.code, d.severity]), [['schema-unknown-property', 1], ['port-base60', 1]]);
  });

  it('the rules setting overrides the file, code by code', async () => {
    writeFileSync(path.join(folder, '.shipshape.yaml'), 'rules:\n  schema-unknown-property: off\n  port-base60: off\n');
    server = await start({ rules: { 'port-base60': 'hint' } });
    const opened = server.diagnostics(uri('compose.yaml'), 1);
    server.open(uri('compose.yaml'), COMPOSE);
    assert.deepEqual((await opened).map((d) => [d.code, d.severity]), [['port-base60', 4]]);
  });

  it('shows a bad value as a diagnostic at its key in the configuration file and applies the rest', async () => {
    writeFileSync(path.join(folder, '.shipshape.yaml'), 'rules:\n  port-base60: of\n  schema-unknown-property: off\n');
    server = await start();
    const configDiagnostics = server.diagnostics(uri('.shipshape.yaml'));
    const opened = server.diagnostics(uri('compose.yaml'), 1);
    server.open(uri('compose.yaml'), COMPOSE);
    assert.deepEqual((await opened).map((d) => d.code), ['port-base60']);
    const [problem] = await configDiagnostics;
    assert.equal(problem!.code, 'config-invalid');
    assert.equal(problem!.severity, 1);
    assert.match(problem!.message, /^rules\.port-base60 must be error, warning, information, hint or off, not 'of'\./);
    assert.deepEqual(problem!.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 17 } });
  });
});
