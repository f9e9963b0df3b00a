/** The completion item the core returns; lsp/convert.ts turns it into an LSP CompletionItem. */
import type { Span } from '../../types';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet';

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
}

/** Escapes `$`, `}` and `\` so a literal inserts verbatim inside an LSP snippet. */
export function snippetText(value: string): string {
  return value.replace(/[$}\\]/g, '\\$&');
}
