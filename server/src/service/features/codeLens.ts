/**
 * "N references" code lenses on the services and networks a file declares (a setting, off by default):
 * the count and places come from the reference index, as find-references does.
 */
import { declaration, occurrences, type ResourceKind } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';

export interface ReferenceLens {
  /** The declared name. */
  readonly span: Span;
  readonly kind: Extract<ResourceKind, 'service' | 'network'>;
  readonly name: string;
  readonly references: readonly Span[];
}

export function codeLens(doc: ComposeDocument): ReferenceLens[] {
  const lenses: ReferenceLens[] = [];
  for (const [kind, section] of [['service', doc.model.services], ['network', doc.model.networks]] as const) {
    for (const [name, element] of section) {
      const span = element.via ? undefined : declaration(doc, kind, name);
      if (span) lenses.push({ span, kind, name, references: occurrences(doc, { kind, name }).references });
    }
  }
  return lenses.sort((a, b) => a.span.start - b.span.start);
}

/** "1 reference", "3 references". */
export function referenceCount(count: number): string {
  return `${count} reference${count === 1 ? '' : 's'}`;
}
