/** Builds findings placed where the user can fix them, with the use site added when that differs. */
import type { ComposeDocument } from '../parse/model';
import type { Finding, RelatedSpan, Severity, Span } from '../types';

export interface Located {
  readonly span: Span;
  /** Where an aliased or merged value is used (tree nodes and entries carry it). */
  readonly via?: Span;
}

/**
 * A finding on `at` (a node, or a key span with its entry's `via`). Values that arrive through an alias or
 * a merge key are reported where they are written, with a related entry at the place that uses them.
 */
export function findingAt(at: Located, code: string, severity: Severity, message: string, docUrl: string, related: readonly RelatedSpan[] = []): Finding {
  const use = at.via ? [{ span: at.via, message: 'Used here' }] : [];
  const all = [...related, ...use];
  return { code, severity, message, span: at.span, docUrl, ...(all.length ? { related: all } : {}) };
}

/** Where a map entry's key is written, with the merge key that brought it in, if any. */
export function keyOf(entry: { readonly keySpan: Span; readonly via?: Span }): Located {
  return entry.via ? { span: entry.keySpan, via: entry.via } : { span: entry.keySpan };
}

/** 1-based line of an offset, for messages that point at another place ("… (line 14)"). */
export function lineOf(doc: ComposeDocument, span: Span): number {
  return doc.lineIndex.positionAt(span.start).line + 1;
}
