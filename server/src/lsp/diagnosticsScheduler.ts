/**
 * Publishes diagnostics per document version: debounced after edits, latest version wins, and results
 * for a version that is no longer current are dropped rather than published.
 */
import type { Connection } from 'vscode-languageserver';
import type { Documents } from './documents';
import type { Diagnostic } from 'vscode-languageserver';

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly compute: (uri: string) => Diagnostic[],
    public debounceMs: number,
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const version = this.documents.version(uri);
    const run = (): void => {
      this.timers.delete(uri);
      if (this.documents.version(uri) !== version) return;
      const diagnostics = this.compute(uri);
      if (this.documents.version(uri) !== version) return;
      void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    };
    this.timers.set(uri, setTimeout(run, immediately ? 0 : this.debounceMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
