/**
 * Folding ranges from the YAML structure: every map entry and sequence item whose value spans several
 * lines (block mappings, sequences, block scalars, multi-line flow collections), and runs of two or more
 * whole-line comments. Lines are computed at the edge; the core hands out spans.
 */
import type { ComposeDocument } from '../parse/model';
import type { Node } from '../parse/tree';
import { trimmedEnd, visitWritten } from '../parse/written';
import type { Span } from '../types';

export interface FoldingRange {
  /** From the first character of the folded construct to its last non-blank character. */
  readonly span: Span;
  readonly kind: 'region' | 'comment';
}

export function foldingRange(doc: ComposeDocument): FoldingRange[] {
  const { text, lineIndex } = doc;
  const ranges: FoldingRange[] = [];
  const add = (start: number, node: Node) => {
    const end = trimmedEnd(text, start, node.span.end);
    if (lineIndex.positionAt(end).line > lineIndex.positionAt(start).line) ranges.push({ span: { start, end }, kind: 'region' });
  };
  const blockScalars: Span[] = [];
  visitWritten(doc, {
    entry: (entry) => add(entry.keySpan.start, entry.value),
    node: (node) => {
      if (node.kind === 'scalar' && node.style === 'block') blockScalars.push(node.span);
      // Sequence items fold from their dash: the item's own span starts after it.
      if (node.kind === 'seq') for (const item of node.items) if (item.via === undefined && item.kind !== 'scalar') add(dashBefore(text, item.span.start), item);
    },
  });
  blockScalars.sort((a, b) => a.start - b.start);
  for (const block of commentBlocks(doc, blockScalars)) ranges.push(block);
  return ranges.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** The `-` that introduces a block sequence item starting at `start` (the item itself when there is none). */
function dashBefore(text: string, start: number): number {
  let at = start;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return text[at - 1] === '-' ? at - 1 : start;
}

/**
 * Runs of at least two consecutive lines holding only a comment; `#` lines inside block scalars are
 * content, not comments (`blockScalars` are in text order).
 */
function commentBlocks(doc: ComposeDocument, blockScalars: readonly Span[]): FoldingRange[] {
  const blocks: FoldingRange[] = [];
  const { text, lineIndex } = doc;
  let first: number | undefined;
  let last = 0;
  let count = 0;
  let scalar = 0;
  const close = () => {
    if (first !== undefined && count >= 2) blocks.push({ span: { start: first, end: last }, kind: 'comment' });
    first = undefined;
    count = 0;
  };
  for (let line = 0; line < lineIndex.lineCount; line++) {
    const start = lineIndex.lineStart(line);
    const end = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length;
    let at = start;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    while (scalar < blockScalars.length && blockScalars[scalar]!.end <= at) scalar++;
    const inScalar = scalar < blockScalars.length && blockScalars[scalar]!.start < at;
    if (text[at] !== '#' || inScalar) {
      close();
      continue;
    }
    first ??= at;
    last = trimmedEnd(text, start, end);
    count++;
  }
  close();
  return blocks;
}
