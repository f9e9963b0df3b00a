/**
 * Copies of spans and trees moved in the text: after an edit (incremental.ts moves what lies after it) and
 * when a project places several files in one offset space (project/layout.ts).
 */
import { entryOf, mapNode, scalarNode, seqNode, type Entry, type Node } from './tree';
import type { Span } from '../types';

/** The span moved by `delta` where it lies at or after `at` (a span reaching over `at` grows). */
export function shiftSpan(span: Span, at: number, delta: number): Span {
  if (span.end < at) return span;
  return { start: span.start >= at ? span.start + delta : span.start, end: span.end + delta };
}

export function shiftEntry(entry: Entry, at: number, delta: number): Entry {
  return entryOf(entry.key, shiftSpan(entry.keySpan, at, delta), shiftNode(entry.value, at, delta), entry.via && shiftSpan(entry.via, at, delta));
}

export function shiftNode(node: Node, at: number, delta: number): Node {
  const span = shiftSpan(node.span, at, delta);
  const via = node.via && shiftSpan(node.via, at, delta);
  switch (node.kind) {
    case 'scalar':
      return scalarNode(span, via, node.tag, node.value, node.raw, node.style, node.interpolation);
    case 'seq':
      return seqNode(span, via, node.tag, node.items.map((item) => shiftNode(item, at, delta)));
    case 'map': {
      const entries = node.entries.map((e) => shiftEntry(e, at, delta));
      return mapNode(span, via, node.tag, entries, node.index);
    }
  }
}
