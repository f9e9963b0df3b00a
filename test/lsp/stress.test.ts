/**
 * Protocol stress: seeded random edits (10,000 with `npm run test:stress`) over stdio against the built server, with hover,
 * completion and document-symbol requests between them. The server must answer every request, and at
 * each checkpoint its diagnostics must equal those of a fresh in-process parse of the same text (which
 * checks incremental sync, incremental parsing and per-service caches end to end).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { generateCompose } from '../../bench/generate';
import { startServer, type TestServer } from '../support/lspClient';
import { below, random } from '../support/random';
import { createLanguageService } from '../../server/src/service/index';
import { schemas } from '../support/service';

const URI = 'file:///stress/compose.yaml';
/** `npm test` runs a short round; `npm run test:stress` (in CI) the full 10,000 edits. */
const EDITS = Number(process.env['STRESS_EDITS'] ?? 500);
const CHECKPOINTS = 10;
const REQUEST_EVERY = 10;
const METHOD_NOT_FOUND = -32601;

describe('protocol stress', function () {
  this.timeout(EDITS * 100);
  let server: TestServer;
  after(async () => server?.stop());

  it(`answers every request through ${EDITS.toLocaleString('en')} random edits and publishes what a fresh parse finds`, async () => {
    server = await startServer();
    const capabilities = new Set(['textDocument/documentSymbol']);
    if (server.initializeResult.capabilities.hoverProvider) capabilities.add('textDocument/hover');
    if (server.initializeResult.capabilities.completionProvider) capabilities.add('textDocument/completion');
    const rnd = random(10_000);
    let mirror = TextDocument.create(URI, 'dockercompose', 1, generateCompose(30, 3));
    const opened = server.diagnostics(URI, 1);
    server.open(URI, mirror.getText());
    await opened;
    let requests = 0;
    for (let version = 2; version <= EDITS + 1; version++) {
      const change = randomChange(mirror.getText(), rnd);
      const range = { start: mirror.positionAt(change.start), end: mirror.positionAt(change.end) };
      mirror = TextDocument.update(mirror, [{ range, text: change.text }], version);
      const checkpoint = (version - 1) % (EDITS / CHECKPOINTS) === 0;
      const published = checkpoint ? server.diagnostics(URI, version) : undefined;
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range, text: change.text }] });
      if (version % REQUEST_EVERY === 0) {
        const position = mirror.positionAt(below(rnd, mirror.getText().length + 1));
        await Promise.all(
          (['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol'] as const).map((method) =>
            answer(server, method, capabilities, { textDocument: { uri: URI }, position }),
          ),
        );
        requests += 3;
      }
      if (published) assert.deepEqual(comparable(await published), comparable(expectedDiagnostics(mirror)), `version ${version}`);
    }
    assert.ok(requests >= EDITS / REQUEST_EVERY);
  });
});

/** Sends a request; unimplemented methods may answer MethodNotFound, implemented ones must answer. */
async function answer(server: TestServer, method: string, capabilities: Set<string>, params: object): Promise<void> {
  try {
    await server.connection.sendRequest(method, params);
  } catch (error) {
    const code = (error as { code?: number }).code;
    assert.ok(code === METHOD_NOT_FOUND && !capabilities.has(method), `${method} failed: ${String((error as Error).message)}`);
  }
}

/** Mostly keystrokes inside lines (the incremental path), sometimes new lines, deletions or junk. */
function randomChange(text: string, rnd: () => number): { start: number; end: number; text: string } {
  const at = below(rnd, text.length + 1);
  const kind = below(rnd, 10);
  if (kind < 5) return { start: at, end: at, text: 'a1:- "#{['[below(rnd, 9)]! };
  if (kind < 8) return { start: at, end: Math.min(text.length, at + 1 + below(rnd, 3)), text: '' };
  if (kind < 9) return { start: at, end: at, text: '\n' + ' '.repeat(below(rnd, 8)) };
  return { start: at, end: Math.min(text.length, at + below(rnd, 40)), text: ['\t', 'x: &y 1\n', '*y', '<<: *y\n', '---\n', ''][below(rnd, 6)]! };
}

const reference = createLanguageService({ schemas });

function expectedDiagnostics(document: TextDocument): { range: unknown; code: string; message: string }[] {
  const doc = reference.parse(document.getText(), 'compose');
  return reference.diagnostics(doc).map((f) => ({ range: { start: doc.lineIndex.positionAt(f.span.start), end: doc.lineIndex.positionAt(f.span.end) }, code: f.code, message: f.message }));
}

function comparable(diagnostics: readonly (Diagnostic | { range: unknown; code: string; message: string })[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.range, d.code, d.message]));
}
