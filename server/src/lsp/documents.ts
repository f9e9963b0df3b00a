/** Open documents and their parse cache: one parse per URI, version and text, shared by every feature. */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fitHeapGrowth } from './heap';
import type { ComposeDocument, LanguageService, ModeChoice } from '../service/index';

interface CacheEntry {
  readonly version: number;
  readonly mode: ModeChoice;
  readonly doc: ComposeDocument;
}

export class Documents {
  readonly text = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, CacheEntry>();

  /** `modeOf` says how to decide stack or Compose per URI (settings and configuration file, then the core); a change re-parses. */
  constructor(private readonly service: LanguageService, private readonly modeOf: (uri: string) => ModeChoice) {
    this.text.onDidClose((event) => {
      this.cache.delete(event.document.uri);
      this.fitHeap();
    });
  }

  listen(connection: Connection): void {
    this.text.listen(connection);
  }

  /** The parsed current version of an open document, or undefined when it is not open. */
  get(uri: string): ComposeDocument | undefined {
    const document = this.text.get(uri);
    if (!document) return undefined;
    const mode = this.modeOf(uri);
    const cached = this.cache.get(uri);
    const text = document.getText();
    // The text must match too: a client may repeat a version number (a second didOpen, a didChange
    // with the same version), and serving the old parse for the new text would put every finding,
    // hover and range in the wrong place (issue 19 item 10). The same string object compares at once.
    if (cached && cached.version === document.version && sameChoice(cached.mode, mode) && cached.doc.text === text) return cached.doc;
    // Before parsing: opening a large file is its largest allocation.
    this.fitHeap({ uri, length: text.length });
    const doc = this.service.parse(text, mode, cached?.doc);
    this.cache.set(uri, { version: document.version, mode, doc });
    return doc;
  }

  /** Tells the heap policy how much text is held parsed, counting `parsing` for its URI when given. */
  private fitHeap(parsing?: { readonly uri: string; readonly length: number }): void {
    let length = parsing?.length ?? 0;
    for (const [uri, entry] of this.cache) if (uri !== parsing?.uri) length += entry.doc.text.length;
    fitHeapGrowth(length);
  }

  /** True while `doc` is the parse of the open document's current text, in its current mode. */
  isCurrent(uri: string, doc: ComposeDocument): boolean {
    return this.cache.get(uri)?.doc === doc && this.text.get(uri)?.getText() === doc.text;
  }

  version(uri: string): number | undefined {
    return this.text.get(uri)?.version;
  }
}

/** The same way to decide the mode: a fixed mode, or the same path and setting. */
function sameChoice(a: ModeChoice, b: ModeChoice): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.path === b.path && a.stackBySetting === b.stackBySetting;
}
