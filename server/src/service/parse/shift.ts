/**
 * Copies of spans and trees moved in the text: after an edit (incremental.ts moves what lies after it) and
 * when a project places several files in one offset space (project/layout.ts).
 */
import { entryOf, mapNode, scalarNode, seqNode, type Entry, type MapNode, type Node, type SeqNode } from './tree';
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

/** One edit's move of spans, as `shiftSpan` applies it. */
interface Move {
  readonly at: number;
  readonly delta: number;
}

/**
 * `node` moved by (at, delta), with its children copied only when first read: an edit near the top of a
 * 5,000-service file otherwise copies the trees of every service below it, while most checks only look
 * up what they found in those services by their content identity.
 */
export function shiftNodeLazily(node: Node, at: number, delta: number): Node {
  return lazyCopy(node, [{ at, delta }], shiftSpan(node.span, at, delta), node.via && shiftSpan(node.via, at, delta));
}

/** What a lazy node copies its children from, until it has. */
interface Waiting<T> {
  readonly source: T;
  readonly moves: readonly Move[];
}

/**
 * A map whose entries are copied from `source`, moved, when first read. A class rather than an object
 * with a getter: V8 makes it as cheaply as a plain node, and gives every instance one shape.
 */
class LazyMap implements MapNode {
  readonly kind = 'map';
  readonly index: ReadonlyMap<string, number>;
  readonly tag: string | undefined;
  #from: Waiting<MapNode> | undefined;
  #entries: readonly Entry[] | undefined;

  constructor(
    readonly span: Span,
    readonly via: Span | undefined,
    source: MapNode,
    moves: readonly Move[],
  ) {
    this.tag = source.tag;
    this.index = source.index;
    this.#from = { source, moves };
  }

  get entries(): readonly Entry[] {
    if (this.#from) {
      const { source, moves } = this.#from;
      this.#entries = source.entries.map((e) => entryOf(e.key, applyMoves(e.keySpan, moves), movedChild(e.value, moves), e.via && applyMoves(e.via, moves)));
      this.#from = undefined;
    }
    return this.#entries!;
  }

  waiting(): Waiting<MapNode> | undefined {
    return this.#from;
  }
}

/** A sequence whose items are copied when first read, as LazyMap's entries. */
class LazySeq implements SeqNode {
  readonly kind = 'seq';
  readonly tag: string | undefined;
  #from: Waiting<SeqNode> | undefined;
  #items: readonly Node[] | undefined;

  constructor(
    readonly span: Span,
    readonly via: Span | undefined,
    source: SeqNode,
    moves: readonly Move[],
  ) {
    this.tag = source.tag;
    this.#from = { source, moves };
  }

  get items(): readonly Node[] {
    if (this.#from) {
      const { source, moves } = this.#from;
      this.#items = source.items.map((item) => movedChild(item, moves));
      this.#from = undefined;
    }
    return this.#items!;
  }

  waiting(): Waiting<SeqNode> | undefined {
    return this.#from;
  }
}

/**
 * `node` moved by `moves`, whose own spans are `span` and `via`, and whose children are moved when read.
 * A node still waiting to copy its children is not wrapped but copied from what it waits for, with the
 * moves added: a part of the tree nobody reads then costs one node per edit, not a chain that grows with
 * every edit. Past MAX_MOVES it copies its children first, so that the moves to apply stay few.
 */
function lazyCopy(node: Node, moves: readonly Move[], span: Span, via: Span | undefined): Node {
  if (node.kind === 'scalar') return scalarNode(span, via, node.tag, node.value, node.raw, node.style, node.interpolation);
  const waiting = node instanceof LazyMap || node instanceof LazySeq ? node.waiting() : undefined;
  if (waiting && waiting.moves.length + moves.length <= MAX_MOVES) return lazyNode(waiting.source, [...waiting.moves, ...moves], span, via);
  // Reading the children copies them, so that the new node's source waits for nothing.
  if (waiting) void (node.kind === 'seq' ? node.items : node.entries);
  return lazyNode(node, moves, span, via);
}

function lazyNode(source: MapNode | SeqNode, moves: readonly Move[], span: Span, via: Span | undefined): Node {
  return source.kind === 'seq' ? new LazySeq(span, via, source, moves) : new LazyMap(span, via, source, moves);
}

const MAX_MOVES = 16;

function movedChild(source: Node, moves: readonly Move[]): Node {
  return lazyCopy(source, moves, applyMoves(source.span, moves), source.via && applyMoves(source.via, moves));
}

function applyMoves(span: Span, moves: readonly Move[]): Span {
  let result = span;
  for (const { at, delta } of moves) result = shiftSpan(result, at, delta);
  return result;
}
