/**
 * Where a finding goes: on what the user wrote, with a related entry at the use site when the key or
 * value came in through an anchor or a merge key (so fixing it is done once, where it is written).
 */
import type { ComposeDocument } from '../parse/model';
import type { Entry, Node } from '../parse/tree';
import type { Finding, RelatedSpan, Span } from '../types';

export type FindingBody = Omit<Finding, 'span' | 'related'> & { readonly related?: readonly RelatedSpan[] };

/**
 * A finding on a key: a map entry or a top-level element. A key written beside an alias (`deploy: *d`)
 * is written at its use site, so only a merge key that brought the entry in is a separate use site.
 */
export function atKey(entry: { readonly keySpan: Span; readonly via?: Span | undefined }, body: FindingBody): Finding {
  return withVia(body, entry.keySpan, entry.via);
}

/** A finding on a value (the key when the value is empty). */
export function atValue(node: Node, body: FindingBody, entry?: Entry): Finding {
  const span = node.span.end > node.span.start || !entry ? node.span : entry.keySpan;
  return withVia(body, span, node.via ?? entry?.via);
}

/** 1-based line of a span's start, for messages that point at another place ("… (line 14)"). */
export function lineOf(doc: ComposeDocument, span: Span): number {
  return doc.lineIndex.positionAt(span.start).line + 1;
}

/** The related entry at a use site that belongs to one service (an anchor shared by several services). */
export function usedBy(via: Span, service: string): RelatedSpan {
  return { span: via, message: `Used here by service '${service}'` };
}

function withVia(body: FindingBody, span: Span, via: Span | undefined): Finding {
  const related = [...(body.related ?? []), ...(via ? [{ span: via, message: 'Used here' }] : [])];
  return { ...body, span, ...(related.length > 0 ? { related } : {}) };
}
