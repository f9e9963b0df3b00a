/** Highlights the name under the cursor wherever it occurs: the declaration as a write, references as reads. */
import { occurrences, symbolAt } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';

export interface DocumentHighlight {
  readonly span: Span;
  readonly kind: 'read' | 'write';
}

export function documentHighlight(doc: ComposeDocument, offset: number): DocumentHighlight[] {
  const symbol = symbolAt(doc, offset);
  if (!symbol) return [];
  const found = occurrences(doc, symbol);
  const reads = found.references.map((span): DocumentHighlight => ({ span, kind: 'read' }));
  return found.declaration ? [{ span: found.declaration, kind: 'write' }, ...reads] : reads;
}
