/**
 * Where a finding goes: on what the user wrote, with a related entry at the use site when the key or
 * value came in through an anchor or a merge key (so fixing it is done once, where it is written).
 */
import type { Entry, Node } from '../parse/tree';
import type { Finding, RelatedSpan } from '../types';

export type FindingBody = Omit<Finding, 'span' | 'related'> & { readonly related?: readonly RelatedSpan[] };

/** A finding on a key. */
export function atKey(entry: Entry, body: FindingBody): Finding {
  return withVia(body, entry.keySpan, entry.via ?? entry.value.via);
}

/** A finding on a value (the key when the value is empty). */
export function atValue(node: Node, body: FindingBody, entry?: Entry): Finding {
  const span = node.span.end > node.span.start || !entry ? node.span : entry.keySpan;
  return withVia(body, span, node.via ?? entry?.via);
}

function withVia(body: FindingBody, span: Finding['span'], via: Finding['span'] | undefined): Finding {
  const related = [...(body.related ?? []), ...(via ? [{ span: via, message: 'Used here.' }] : [])];
  return { ...body, span, ...(related.length > 0 ? { related } : {}) };
}
