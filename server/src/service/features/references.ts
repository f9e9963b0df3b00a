/** Find all references: every place a service, network, volume, secret or config is named. */
import { occurrences, symbolAt } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';

export function references(doc: ComposeDocument, offset: number, includeDeclaration: boolean): Span[] {
  const symbol = symbolAt(doc, offset);
  if (!symbol) return [];
  const found = occurrences(doc, symbol);
  return includeDeclaration && found.declaration ? [found.declaration, ...found.references] : [...found.references];
}
