/**
 * Work that cannot fall behind (issue 19 item 5). Messages from the editor are handled one per turn
 * of the event loop, so while the server computes, newer edits wait in its queue. Two rules keep it
 * from working on versions that are already stale:
 * - a request first lets the messages already received ahead of it through (`settle`); when its
 *   document changed meanwhile it answers ContentModified instead of parsing a stale version;
 * - findings are computed one analysis per step with a turn of the event loop between steps, and
 *   abandoned as soon as their version is no longer the document's (cooperative cancellation).
 * Diagnostics, quick fixes and the graph share one run per version.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ComposeDocument, LanguageService } from '../service/index';

/** Turns of the event loop a request waits: each lets one queued message (an edit, a request) through. */
const SETTLE_TURNS = 3;

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Lets the messages received before the caller's be handled first. */
export async function settle(): Promise<void> {
  for (let i = 0; i < SETTLE_TURNS; i++) await nextTurn();
}

export function contentModified(): ResponseError<undefined> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; the request was for an older version.');
}

export class FindingsRunner {
  private readonly runs = new WeakMap<ComposeDocument, Promise<boolean>>();

  constructor(
    private readonly service: LanguageService,
    /** True while `doc` is the parse of the open document's current text. */
    private readonly isCurrent: (uri: string, doc: ComposeDocument) => boolean,
  ) {}

  /** Resolves true once the findings of `doc` are computed, false when a newer version came first. */
  findings(uri: string, doc: ComposeDocument): Promise<boolean> {
    let run = this.runs.get(doc);
    if (!run) {
      run = this.run(uri, doc);
      this.runs.set(doc, run);
    }
    return run;
  }

  private async run(uri: string, doc: ComposeDocument): Promise<boolean> {
    const steps = this.service.findingsInSteps(doc);
    for (;;) {
      if (!this.isCurrent(uri, doc)) return false;
      if (steps.next().done) return true;
      await nextTurn();
    }
  }
}
