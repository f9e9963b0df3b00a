/** Waiting on VS Code: events where there is one, otherwise polling with a deadline. Never a fixed sleep. */
import * as vscode from 'vscode';

const TIMEOUT_MS = 30_000;
const POLL_MS = 50;

/** Polls `probe` until it returns a truthy value and resolves with it; fails with `what` after the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Resolves with Shipshape's diagnostics for `uri` once `accept` holds for them (now or after a change event). */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = shipshapeDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const now = shipshapeDiagnostics(uri).map((d) => `${diagnosticCode(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(new Error(`Timed out waiting for ${what}; diagnostics now: [${now.join(', ')}]`));
    }, TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

export function shipshapeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'shipshape');
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}
