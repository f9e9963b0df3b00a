/** The outline: top-level sections, and under them services, networks, volumes, secrets and configs. */
import type { ComposeDocument } from '../parse/model';
import { isSection, type SectionName } from '../parse/sections';
import type { Span } from '../types';

export type SymbolKind = 'section' | 'service' | 'network' | 'volume' | 'secret' | 'config' | 'property';

export interface DocumentSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  /** From the key to the end of the value. */
  readonly span: Span;
  /** The key. */
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

const ELEMENT_KIND: Record<SectionName, SymbolKind> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
};

export function documentSymbol(doc: ComposeDocument): DocumentSymbol[] {
  return doc.model.topLevel.map(({ key, keySpan, node }) => {
    const section = isSection(key) ? key : undefined;
    const children =
      section && node.kind === 'map'
        ? node.entries
            .filter((entry) => entry.via === undefined)
            .map((entry) => ({
              name: entry.key,
              kind: ELEMENT_KIND[section],
              span: { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.span.end) },
              selectionSpan: entry.keySpan,
              children: [],
            }))
        : [];
    return {
      name: key,
      kind: section ? 'section' : 'property',
      span: { start: keySpan.start, end: Math.max(keySpan.end, node.span.end) },
      selectionSpan: keySpan,
      children,
    };
  });
}
