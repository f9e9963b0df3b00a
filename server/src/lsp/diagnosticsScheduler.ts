/**
 * Publishes diagnostics per document version: debounced after edits, latest version wins. A run lets
 * edits already received go first and is dropped when its version is replaced before or while it
 * computes, so typing never queues work for stale versions (issue 19 item 5).
 */
import type { Connection } from 'vscode-languageserver';
import type { Documents } from './documents';
import type { Diagnostic } from 'vscode-languageserver';
import { settle } from './staleWork';

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    /** The diagnostics of the current version, or undefined when a newer one replaced it meanwhile. */
    private readonly compute: (uri: string) => Promise<Diagnostic[] | undefined>,
    public debounceMs: number,
  ) {}

  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const version = this.documents.version(uri);
    const stale = (): boolean => this.documents.version(uri) !== version || this.timers.has(uri);
    const run = async (): Promise<void> => {
      this.timers.delete(uri);
      await settle();
      if (stale()) return;
      const diagnostics = await this.compute(uri);
      if (diagnostics === undefined || stale()) return;
      void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    };
    this.timers.set(uri, setTimeout(() => void run(), immediately ? 0 : this.debounceMs));
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
