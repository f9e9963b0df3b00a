/** Text edits quick fixes share: removing a block-style map entry with its lines, reading indentation. */
import type { ComposeDocument } from './parse/model';
import type { Entry, MapNode, Node } from './parse/tree';
import type { Span } from './types';

/**
 * The span that removes a block-style `key: value` entry, from the start of its first line to the end of
 * its last line. Undefined for flow style (`{a: 1, b: 2}`) or entries that arrive through a merge key,
 * where deleting lines would break the document or other services.
 */
export function entryLinesSpan(doc: ComposeDocument, entry: Entry): Span | undefined {
  if (entry.via) return undefined;
  const line = doc.lineIndex.positionAt(entry.keySpan.start).line;
  const start = doc.lineIndex.lineStart(line);
  if (doc.text.slice(start, entry.keySpan.start).trim() !== '') return undefined;
  const valueEnd = Math.max(entry.value.span.end, entry.keySpan.end);
  // The value of a block collection may end after its newline; back up to the last content character.
  let end = valueEnd;
  while (end > entry.keySpan.end && /\s/.test(doc.text[end - 1]!)) end--;
  const lastLine = doc.lineIndex.positionAt(end).line;
  return { start, end: lastLine + 1 < doc.lineIndex.lineCount ? doc.lineIndex.lineStart(lastLine + 1) : doc.text.length };
}

/** The indentation (spaces) in front of a key on its line. */
export function indentOf(doc: ComposeDocument, span: Span): string {
  const line = doc.lineIndex.positionAt(span.start).line;
  return ' '.repeat(span.start - doc.lineIndex.lineStart(line));
}

export interface LocatedEntry {
  readonly entry: Entry;
  readonly parent: MapNode;
}

/** The map entry whose key is written at `keySpan` (where a key finding sits), with the map holding it. */
export function entryAtKey(doc: ComposeDocument, keySpan: Span): LocatedEntry | undefined {
  const visit = (node: Node | undefined): LocatedEntry | undefined => {
    // Nodes keep the span where they are written, so the written key is found inside its own map.
    if (!node || node.span.start > keySpan.start || node.span.end < keySpan.end) return undefined;
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        if (entry.keySpan.start === keySpan.start && entry.keySpan.end === keySpan.end) return { entry, parent: node };
        const found = visit(entry.value);
        if (found) return found;
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        const found = visit(item);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const { root } of doc.documents) {
    const found = visit(root);
    if (found) return found;
  }
  return undefined;
}
