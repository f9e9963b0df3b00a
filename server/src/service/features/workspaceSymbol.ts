/**
 * Workspace symbols: the services, networks, volumes, secrets and configs of every Compose file the
 * binding hands in, fuzzy-matched against the query (its characters in order, case-insensitive), best
 * matches first: a prefix, then a run of consecutive characters, then a shorter name.
 */
import { declaration, SECTION_OF, type ResourceKind } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: ResourceKind;
  /** The absolute path of the file declaring it. */
  readonly path: string;
  readonly span: Span;
}

export interface WorkspaceFile {
  readonly path: string;
  readonly doc: ComposeDocument;
}

/** Editors show the first few hundred; more would only cost transfer time. */
const MAX_SYMBOLS = 500;

export function workspaceSymbol(files: readonly WorkspaceFile[], query: string): WorkspaceSymbol[] {
  const scored: { symbol: WorkspaceSymbol; score: number }[] = [];
  const needle = query.toLowerCase().replace(/\s+/g, '');
  for (const { path, doc } of files) {
    for (const kind of Object.keys(SECTION_OF) as ResourceKind[]) {
      for (const [name, element] of doc.model[SECTION_OF[kind]]) {
        const score = fuzzyScore(name.toLowerCase(), needle);
        const span = element.via ? undefined : declaration(doc, kind, name);
        if (score !== undefined && span) scored.push({ symbol: { name, kind, path, span }, score });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || a.symbol.name.length - b.symbol.name.length || compare(a.symbol.name, b.symbol.name) || compare(a.symbol.path, b.symbol.path) || a.symbol.span.start - b.symbol.span.start);
  return scored.slice(0, MAX_SYMBOLS).map((entry) => entry.symbol);
}

/** Undefined when `needle`'s characters do not all occur in `name` in order; higher is better. */
export function fuzzyScore(name: string, needle: string): number | undefined {
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const ch of needle) {
    const found = name.indexOf(ch, at);
    if (found < 0) return undefined;
    if (found === 0) score += 3;
    if (found === previous + 1) score += 2;
    else if (/[-_.]/.test(name[found - 1] ?? '')) score += 1;
    previous = found;
    at = found + 1;
  }
  return score;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
