/** Open documents and their parse cache: one parse per URI and version, shared by every feature. */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
    this.text.onDidClose((event) => this.cache.delete(event.document.uri));
  }

  listen(connection: Connection): void {
    this.text.listen(connection);
  }

  setStackPatterns(patterns: readonly string[] | undefined): void {
    this.stackPatterns = patterns;
    this.cache.clear();
  }

  /** The parsed current version of an open document, or undefined when it is not open. */
  get(uri: string): ComposeDocument | undefined {
    const document = this.text.get(uri);
    if (!document) return undefined;
    const mode = modeForPath(uriPath(uri), this.stackPatterns);
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.mode === mode) return cached.doc;
    const doc = this.service.parse(document.getText(), mode, cached?.doc);
    this.cache.set(uri, { version: document.version, mode, doc });
    return doc;
  }

  version(uri: string): number | undefined {
    return this.text.get(uri)?.version;
  }
}
