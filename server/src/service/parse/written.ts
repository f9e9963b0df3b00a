/**
 * The tree as it is written: aliases and merge keys expand content into several places, but structure
 * features (folding, selection, formatting checks, semantic tokens) care only about where text is.
 * A node or entry that arrived through an alias or a merge key carries `via` and is skipped.
 */
import type { ComposeDocument } from './model';
import { parseInterpolation, type Variable } from './interpolation';
import type { Entry, Node, ScalarNode } from './tree';

export interface WrittenVisitor {
  /** Called for every written node, parents before children; return false to skip its children. */
  node?(node: Node, depth: number): boolean | void;
  /** Called for every written map entry before its value is visited. */
  entry?(entry: Entry, depth: number): void;
}

export function visitWritten(doc: ComposeDocument, visitor: WrittenVisitor): void {
  for (const document of doc.documents) if (document.root) visitNode(document.root, 0, visitor);
}

function visitNode(node: Node, depth: number, visitor: WrittenVisitor): void {
  if (node.via !== undefined) return;
  if (visitor.node?.(node, depth) === false) return;
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      if (entry.via !== undefined) continue;
      visitor.entry?.(entry, depth + 1);
      visitNode(entry.value, depth + 1, visitor);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) visitNode(item, depth + 1, visitor);
  }
}

/** The end of the last non-blank character before `end` (block values' spans run over trailing newlines). */
export function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/**
 * The `${VAR}` and `$VAR` references of a scalar with offsets into the document text. The parsed
 * interpolation is relative to the value (quotes, escapes and line folding removed); reading the
 * source instead places every variable exactly where it is written.
 */
export function writtenVariables(text: string, node: ScalarNode): Variable[] {
  if (!node.interpolation) return [];
  const { start, end } = node.span;
  const found = parseInterpolation(text.slice(start, end))?.variables ?? [];
  return found.map((variable) => ({ ...variable, start: start + variable.start, end: start + variable.end }));
}
