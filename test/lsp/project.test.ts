/** The server reads a document's project from disk: `.env` values are judged, and a changed `.env` re-checks open documents. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  describe('several files', () => {
    const BASE = 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n  db:\n    image: postgres\n';
    const OVERRIDE = 'services:\n  db:\n    ports: ["8080:5432"]\n    depends_on: [web]\n';

    it('publishes the clash in the override file, not open, with related information into the base', async () => {
      writeFileSync(path.join(folder, 'compose.override.yaml'), OVERRIDE);
      server = await startServer({ rootUri: pathToFileURL(folder).toString() });
      const override = server.diagnostics(uri('compose.override.yaml'));
      server.open(uri('compose.yaml'), BASE);
      const [clash] = (await override).filter((d) => d.code === 'port-conflict');
      assert.ok(clash, 'expected the clash in the override file');
      assert.deepEqual(clash.range.start, { line: 2, character: 13 });
      assert.deepEqual(clash.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uri('compose.yaml'), 3]]);
    });

    it('re-checks a document when a file it includes changes on disk', async () => {
      mkdirSync(path.join(folder, 'lib'));
      writeFileSync(path.join(folder, 'lib', 'db.yaml'), 'services:\n  db:\n    image: postgres\n    ports: ["8080:5432"]\n');
      const compose = 'include: [lib/db.yaml]\nservices:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n';
      server = await startServer({ rootUri: pathToFileURL(folder).toString() });
      const opened = server.diagnostics(uri('compose.yaml'), 1);
      server.open(uri('compose.yaml'), compose);
      assert.deepEqual((await opened).map((d) => d.code), ['port-conflict']);
      writeFileSync(path.join(folder, 'lib', 'db.yaml'), 'services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n');
      const refreshed = server.diagnostics(uri('compose.yaml'), 1);
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('lib/db.yaml'), type: 2 }] });
      assert.deepEqual(await refreshed, []);
    });

    it('draws the merged project in the graph, each item pointing into its own file', async () => {
      writeFileSync(path.join(folder, 'compose.yaml'), BASE);
      server = await startServer({ rootUri: pathToFileURL(folder).toString() });
      const opened = server.diagnostics(uri('compose.override.yaml'), 1);
      server.open(uri('compose.override.yaml'), OVERRIDE);
      await opened;
      const graph = (await server.connection.sendRequest('compose/networkGraph', { textDocument: { uri: uri('compose.override.yaml') } })) as { nodes: { id: string; range: { uri?: string; start: { line: number } } }[] };
      const node = (id: string) => graph.nodes.find((n) => n.id === id);
      // web is written only in the base; db is declared there first and merged with the override.
      assert.equal(node('service:web')?.range.uri, uri('compose.yaml'));
      assert.deepEqual(node('service:web')?.range.start.line, 1);
      assert.ok(node('service:db'), JSON.stringify(graph.nodes.map((n) => n.id)));
    });

    it('checks the files of a shipshape.projects entry together', async () => {
      writeFileSync(path.join(folder, 'prod.yaml'), OVERRIDE);
      server = await startServer({ rootUri: pathToFileURL(folder).toString(), settings: { projects: [{ files: ['base.yaml', 'prod.yaml'] }] } });
      const prod = server.diagnostics(uri('prod.yaml'));
      server.open(uri('base.yaml'), BASE);
      assert.deepEqual((await prod).map((d) => d.code), ['port-conflict']);
    });

    it('re-checks an open file of the project when another one is edited, and renames across files', async () => {
      writeFileSync(path.join(folder, 'compose.yaml'), BASE);
      writeFileSync(path.join(folder, 'compose.override.yaml'), OVERRIDE);
      server = await startServer({ rootUri: pathToFileURL(folder).toString() });
      const first = server.diagnostics(uri('compose.override.yaml'), 1);
      server.open(uri('compose.override.yaml'), OVERRIDE);
      assert.deepEqual((await first).map((d) => d.code), ['port-conflict']);
      const base = server.diagnostics(uri('compose.yaml'), 1);
      server.open(uri('compose.yaml'), BASE);
      await base;
      // Moving the base port away clears the override's squiggle without touching the override.
      const refreshed = server.diagnostics(uri('compose.override.yaml'));
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('compose.yaml'), version: 2 }, contentChanges: [{ text: BASE.replace('8080:80', '8081:80') }] });
      assert.deepEqual((await refreshed).map((d) => d.code), []);
      // Renaming `web` from the override's depends_on edits the declaration in the base too.
      const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('compose.override.yaml') }, position: { line: 3, character: 17 }, newName: 'frontend' })) as { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> };
      assert.deepEqual(Object.keys(edit.changes).sort(), [uri('compose.override.yaml'), uri('compose.yaml')].sort());
      assert.deepEqual(edit.changes[uri('compose.yaml')]!.map((e) => [e.range.start.line, e.newText]), [[1, 'frontend']]);
      const definition = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('compose.override.yaml') }, position: { line: 3, character: 17 } })) as { uri: string; range: { start: { line: number } } }[];
      assert.deepEqual(definition.map((d) => [d.uri, d.range.start.line]), [[uri('compose.yaml'), 1]]);
    });
  });
});
