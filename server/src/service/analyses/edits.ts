/** Text edits on YAML source that keep the surrounding style (block or flow, indentation, quotes). */
import type { ComposeDocument } from '../parse/model';
import type { Entry, MapNode, Node } from '../parse/tree';
import type { Span, TextEdit } from '../types';
import { sameSpan, type FixProvider } from './analysis';

/** True when a map is written in flow style (`{a: 1}`). */
export function isFlow(doc: ComposeDocument, node: Node): boolean {
  return doc.text[node.span.start] === '{';
}

/** The start of the line holding `offset`. */
export function lineStartOf(doc: ComposeDocument, offset: number): number {
  return doc.lineIndex.lineStart(doc.lineIndex.positionAt(offset).line);
}

/** The start of the line after the one holding `offset` (the end of the text on the last line). */
export function nextLineStart(doc: ComposeDocument, offset: number): number {
  const { line } = doc.lineIndex.positionAt(offset);
  return line + 1 < doc.lineIndex.lineCount ? doc.lineIndex.lineStart(line + 1) : doc.text.length;
}

/** The spaces in front of `offset` on its line, for indenting inserted block lines like the line there. */
export function indentOf(doc: ComposeDocument, offset: number): string {
  return ' '.repeat(offset - lineStartOf(doc, offset));
}

/** Inserts `newText` at `offset`. */
export function insertAt(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}

/** Removes a map entry: whole lines in a block map, the entry and one comma in a flow map. */
export function removeEntry(doc: ComposeDocument, entry: Entry, parent: Node): TextEdit {
  const { end } = entrySpan(doc, entry);
  if (!isFlow(doc, parent)) return { span: { start: lineStartOf(doc, entry.keySpan.start), end: nextLineStart(doc, end) }, newText: '' };
  const before = /,\s*$/.exec(doc.text.slice(parent.span.start, entry.keySpan.start));
  if (before) return { span: { start: entry.keySpan.start - before[0].length, end }, newText: '' };
  const after = /^\s*,\s*/.exec(doc.text.slice(end, parent.span.end));
  return { span: { start: entry.keySpan.start, end: end + (after?.[0].length ?? 0) }, newText: '' };
}

/** The span from an entry's key to the last character of its value (block values end after a newline). */
export function entrySpan(doc: ComposeDocument, entry: Entry): Span {
  let end = Math.max(entry.value.span.end, entry.keySpan.end);
  while (end > entry.keySpan.end && /\s/.test(doc.text[end - 1]!)) end--;
  return { start: entry.keySpan.start, end };
}

/**
 * The whole lines of a block-style `key: value` entry that starts its line. Undefined for flow style
 * (`{a: 1, b: 2}`), entries after `- ` on their line, or entries that arrive through a merge key, where
 * deleting lines would break the document or other services.
 */
export function entryLinesSpan(doc: ComposeDocument, entry: Entry): Span | undefined {
  if (entry.via) return undefined;
  const start = lineStartOf(doc, entry.keySpan.start);
  if (doc.text.slice(start, entry.keySpan.start).trim() !== '') return undefined;
  return { start, end: nextLineStart(doc, entrySpan(doc, entry).end) };
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
        if (sameSpan(entry.keySpan, keySpan)) return { entry, parent: node };
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

/** A quick fix that deletes the block-style entry whose key a finding sits on. */
export const removeKeyFix: FixProvider = (doc, finding) => {
  const located = entryAtKey(doc, finding.span);
  const span = located && entryLinesSpan(doc, located.entry);
  return span ? [{ title: `Remove '${located.entry.key}'`, kind: 'quickfix', edits: [{ span, newText: '' }] }] : [];
};

/**
 * Inserts `line` (`key: value`) as the first entry of a map, in its style: after `{` in flow style, on
 * its own line before the first entry in block style. Undefined for an empty block map, which has no
 * first entry to take the indentation from.
 */
export function insertFirstEntry(doc: ComposeDocument, map: MapNode, line: string): TextEdit | undefined {
  if (isFlow(doc, map)) return insertAt(map.span.start + 1, map.entries.length ? `${line}, ` : line);
  const first = map.entries[0];
  if (!first || first.via) return undefined;
  return insertAt(first.keySpan.start, `${line}\n${indentOf(doc, first.keySpan.start)}`);
}
