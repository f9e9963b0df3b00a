/**
 * Go to definition: from a reference to the declaration of the service, network, volume, secret or
 * config it names; from an alias `*x` to its anchor `&x`.
 */
import { declaration, symbolAt } from '../analyses/references/referenceIndex';
import { aliasAt, anchorBefore } from '../parse/anchors';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';

export function definition(doc: ComposeDocument, offset: number): Span[] {
  const symbol = symbolAt(doc, offset);
  if (symbol) {
    const declared = declaration(doc, symbol.kind, symbol.name);
    return declared ? [declared] : [];
  }
  const alias = aliasAt(doc.text, offset);
  const anchor = alias && anchorBefore(doc.text, alias.name, alias.span.start);
  return anchor ? [anchor] : [];
}
