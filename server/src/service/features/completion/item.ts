/** The completion item the core returns; lsp/convert.ts turns it into an LSP CompletionItem. */
import type { ComposeDocument } from '../../parse/model';
import type { MapNode } from '../../parse/tree';
import type { Span } from '../../types';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'file' | 'folder';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label (a type, or what a value means). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text that replaces `span`; an LSP snippet (`$1`, `${1:default}`, `$0`) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly span: Span;
  /** Orders items within the list; items without it sort by label after those with it. */
  readonly sortText?: string;
  /** What the client matches the typed text against, when it differs from the label. */
  readonly filterText?: string;
  /** Ask the client to complete again once inserted (a folder, to go on to its entries). */
  readonly retrigger?: boolean;
}

/** Escapes `$`, `}` and `\` so a literal inserts verbatim inside an LSP snippet. */
export function snippetText(value: string): string {
  return value.replace(/[$}\\]/g, '\\$&');
}

/** The keys already written in `map`, except the one being typed at `span`. */
export function writtenKeys(map: MapNode | undefined, span: Span): Set<string> {
  return new Set((map?.entries ?? []).filter((entry) => entry.keySpan.start !== span.start).map((entry) => entry.key));
}

/** True when a colon already follows the key at `span`, so only the name is to be inserted. */
export function colonFollows(doc: ComposeDocument, span: Span): boolean {
  return /^[ \t]*:/.test(doc.text.slice(span.end, span.end + 80));
}
