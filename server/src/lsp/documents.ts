/** Open documents and their parse cache: one parse per URI and version, shared by every feature. */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fitHeapGrowth } from './heap';
import { uriPath } from './uri';
import { modeForPath, type ComposeDocument, type ComposeMode, type LanguageService } from '../service/index';

interface CacheEntry {
  readonly version: number;
  readonly mode: ComposeMode;
  readonly doc: ComposeDocument;
}

export class Documents {
  readonly text = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, CacheEntry>();
  private stackPatterns: readonly string[] | undefined;

  constructor(private readonly service: LanguageService) {
    this.text.onDidClose((event) => {
      this.cache.delete(event.document.uri);
      this.fitHeap();
    });
  }

  listen(connection: Connection): void {
    this.text.listen(connection);
  }

  setStackPatterns(patterns: readonly string[] | undefined): void {
    this.stackPatterns = patterns;
    this.cache.clear();
    this.fitHeap();
  }

  /** The parsed current version of an open document, or undefined when it is not open. */
  get(uri: string): ComposeDocument | undefined {
    const document = this.text.get(uri);
    if (!document) return undefined;
    const mode = modeForPath(uriPath(uri), this.stackPatterns);
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.mode === mode) return cached.doc;
    const text = document.getText();
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

  version(uri: string): number | undefined {
    return this.text.get(uri)?.version;
  }
}
