/**
 * A cheap start (issue 18): the server answers `initialize` from its entry (dist/server.js) and the protocol
 * library alone, and loads the handlers and the language service (dist/server-core.js, with the schema
 * validators) at the next message, in time for that message. Observed with a module-load hook that
 * records every file the server process compiles, never with a clock: the time budget is the bench's.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, type TestServer } from '../support/lspClient';
import { ROOT } from '../support/service';

/**
 * Run by `node -e` before it requires the server (the next argument): appends each file's path to
 * $LOAD_LOG as Node compiles it, synchronously, so the log is complete when an answer reaches the test.
 */
const LOAD_HOOK = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const compile = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  appendFileSync(process.env.LOAD_LOG, filename + '\\n');
  return compile.call(this, module, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

describe('starting the language server', () => {
  let server: TestServer | undefined;
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'shipshape-startup-'))));
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers initialize without loading the language service, and loads it for the first message after', async () => {
    const log = path.join(dir, 'loaded');
    writeFileSync(log, '');
    /** The server's files compiled so far, relative to the repository. */
    const loaded = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((file) => path.relative(ROOT, file));
    let atInitialize: string[] = [];
    server = await startServer({ nodeArgs: ['-e', LOAD_HOOK], env: { LOAD_LOG: log }, onInitializeAnswered: () => (atInitialize = loaded()) });
    assert.deepEqual(atInitialize, ['dist/server.js', 'dist/vscode-languageserver.js']);
    assert.deepEqual(server.initializeResult.capabilities.semanticTokensProvider, { legend: { tokenTypes: ['class', 'interface', 'struct', 'enum', 'type', 'variable', 'label'], tokenModifiers: ['declaration'] }, full: true, range: true });

    // `initialized` loaded the core; the didOpen sent right behind it found its handler.
    const uri = 'file:///startup/compose.yaml';
    const published = server.diagnostics(uri);
    server.open(uri, 'services:\n  web:\n    imag: nginx\n');
    assert.deepEqual((await published).map((diagnostic) => diagnostic.code), ['schema-unknown-property']);
    assert.deepEqual(loaded(), ['dist/server.js', 'dist/vscode-languageserver.js', 'dist/server-core.js']);
  });

  it('bundles in its entry no library and, of the core, only the module of the token legend', () => {
    // The bundle's inputs, as its source map lists them (relative to dist/).
    const { sources } = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'server.js.map'), 'utf8')) as { sources: string[] };
    const inputs = sources.map((source) => path.relative(ROOT, path.resolve(ROOT, 'dist', source)));
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules')), []);
    assert.deepEqual(inputs.filter((input) => input.startsWith('server/src/service/')), ['server/src/service/features/semanticTokens.ts']);
  });
});
