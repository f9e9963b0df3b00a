/**
 * "Work that cannot fall behind" (issue 19): seeded random edits at typing speed on a generated
 * 1,000-service file, YAML errors among them, with hover and completion requests between the edits as
 * an editor sends them (not waiting for their answers). Measured: how long after the last edit the
 * diagnostics of the last version arrive, the server's peak memory, and whether those diagnostics
 * equal a fresh parse of the final text. `npm run bench` reports it; the stress test checks its
 * correctness (timings are the benchmark's business, never a test's).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { random, below } from '../test/support/random';
import { generateCompose } from './generate';
import { startLspProcess } from './lspProcess';

export interface TypingOptions {
  readonly command: readonly string[];
  readonly services?: number;
  readonly edits?: number;
  /** Milliseconds between edits: 50 is a fast typist. */
  readonly intervalMs?: number;
  readonly debounceMs?: number;
  readonly seed?: number;
}

export interface TypingResult {
  readonly edits: number;
  readonly requests: number;
  /** Requests answered with an error other than ContentModified/RequestCancelled (must be 0). */
  readonly failures: number;
  /** Requests answered ContentModified or RequestCancelled: their version was already stale. */
  readonly staleAnswers: number;
  /** Milliseconds from sending the last edit to the diagnostics of its version. */
  readonly lastDiagnosticsMs: number;
  readonly peakMb: number;
  readonly finalText: string;
  readonly finalDiagnostics: readonly Diagnostic[];
}

const URI = 'file:///typing/compose.yaml';
const CONTENT_MODIFIED = -32801;
const REQUEST_CANCELLED = -32800;

export async function typingScenario(options: TypingOptions): Promise<TypingResult> {
  const { services = 1000, edits = 300, intervalMs = 50, debounceMs = 0, seed = 19 } = options;
  const lsp = await startLspProcess(options.command, { settings: { diagnostics: { debounceMs } } });
  try {
    const rnd = random(seed);
    let mirror = TextDocument.create(URI, 'dockercompose', 1, generateCompose(services, 5));
    const opened = lsp.nextDiagnostics(URI, 1);
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockercompose', version: 1, text: mirror.getText() } });
    await opened;
    let requests = 0;
    let failures = 0;
    let staleAnswers = 0;
    const pending: Promise<void>[] = [];
    const request = (method: string, position: { line: number; character: number }): void => {
      requests++;
      pending.push(
        lsp.connection.sendRequest(method, { textDocument: { uri: URI }, position }).then(
          () => undefined,
          (error: { code?: number }) => {
            if (error.code === CONTENT_MODIFIED || error.code === REQUEST_CANCELLED) staleAnswers++;
            else failures++;
          },
        ),
      );
    };
    const typist = { cursor: 0 };
    let lastSent = 0;
    let last: Promise<Diagnostic[]> | undefined;
    for (let version = 2; version <= edits + 1; version++) {
      const change = typedChange(mirror.getText(), rnd, typist);
      const range = { start: mirror.positionAt(change.start), end: mirror.positionAt(change.end) };
      mirror = TextDocument.update(mirror, [{ range, text: change.text }], version);
      if (version === edits + 1) last = lsp.nextDiagnostics(URI, version);
      lastSent = performance.now();
      void lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range, text: change.text }] });
      const cursor = mirror.positionAt(change.start + change.text.length);
      request('textDocument/hover', cursor);
      request('textDocument/completion', cursor);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    const finalDiagnostics = await last!;
    const lastDiagnosticsMs = performance.now() - lastSent;
    await Promise.all(pending);
    return { edits, requests, failures, staleAnswers, lastDiagnosticsMs, peakMb: lsp.memory().peakMb, finalText: mirror.getText(), finalDiagnostics };
  } finally {
    await lsp.stop();
  }
}

/**
 * Typing in one region, as a person does: mostly characters typed or deleted near the previous
 * edit, now and then a jump elsewhere; some characters open YAML errors (quotes, brackets, a tab).
 * The cursor belongs to one run, so that a seed types the same edits in every run of a process.
 */
function typedChange(text: string, rnd: () => number, typist: { cursor: number }): { start: number; end: number; text: string } {
  if (below(rnd, 20) === 0 || typist.cursor > text.length) typist.cursor = below(rnd, text.length + 1);
  const at = Math.min(typist.cursor, text.length);
  const kind = below(rnd, 10);
  if (kind < 6) {
    const typed = 'abc1: -"[{\t#'[below(rnd, 12)]!;
    typist.cursor = at + 1;
    return { start: at, end: at, text: typed };
  }
  if (kind < 9) {
    typist.cursor = Math.max(0, at - 1);
    return { start: typist.cursor, end: at, text: '' };
  }
  typist.cursor = at + 1;
  return { start: at, end: at, text: '\n' };
}

/** Prints the scenario's figures; `npm run bench` calls this. */
export async function reportTyping(command: readonly string[]): Promise<TypingResult> {
  const result = await typingScenario({ command });
  console.log(
    `\nTyping (${result.edits} edits at 50 ms with hover and completion between, debounce 0, 1,000 services): ` +
      `last diagnostics ${result.lastDiagnosticsMs.toFixed(0)} ms after the last edit (budget 1,000), peak ${result.peakMb.toFixed(0)} MB (budget 600); ` +
      `${result.requests} requests, ${result.staleAnswers} answered as stale, ${result.failures} failures.`,
  );
  return result;
}
