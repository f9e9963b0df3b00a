/** Text edits on YAML source that keep the surrounding style (block or flow, indentation, quotes). */
import type { ComposeDocument } from '../parse/model';
import type { Entry, Node } from '../parse/tree';
import type { Span, TextEdit } from '../types';

/** True when a map is written in flow style (`{a: 1}`). */
export function isFlow(doc: ComposeDocument, node: Node): boolean {
  return doc.text[node.span.start] === '{';
}

/** The column of an offset, for indenting inserted block lines. */
export function columnOf(doc: ComposeDocument, offset: number): number {
  return doc.lineIndex.positionAt(offset).character;
}

/** Removes a map entry: whole lines in a block map, the entry and one comma in a flow map. */
export function removeEntry(doc: ComposeDocument, entry: Entry, parent: Node): TextEdit {
  const { end } = entrySpan(doc, entry);
  if (!isFlow(doc, parent)) {
    const { line: first } = doc.lineIndex.positionAt(entry.keySpan.start);
    const { line: last } = doc.lineIndex.positionAt(end);
    const stop = last + 1 < doc.lineIndex.lineCount ? doc.lineIndex.lineStart(last + 1) : doc.text.length;
    return { span: { start: doc.lineIndex.lineStart(first), end: stop }, newText: '' };
  }
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
