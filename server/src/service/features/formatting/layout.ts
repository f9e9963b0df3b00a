/**
 * The layout of a YAML text as the formatter needs it, read from the `yaml` package's concrete syntax
 * tree (which, unlike the model, keeps every column): the column each line that starts a block mapping
 * entry or sequence item should start at, which lines continue a value begun above (multi-line scalars,
 * flow collections, block scalars), and the line span of each top-level and service entry.
 *
 * Only block collections are re-indented; everything after a line's indentation is left as written, so
 * quotes, anchors, tags, flow collections and comments keep their text. Constructs this does not
 * re-indent soundly (explicit `?` keys, keys that are collections) make the whole layout undefined.
 */
import type { CST } from 'yaml';
import { append } from '../../append';
import type { LineIndex } from '../../parse/lineIndex';

export type SequenceIndent = 'preserve' | 'indent' | 'flush';

/** How a line that is not the start of an entry or item moves. */
export const enum Continuation {
  /** Not inside a value: a comment, a blank line, a value written below its key. */
  None = 0,
  /** Inside a multi-line plain or quoted scalar or a flow collection: moves with the line the value starts on. */
  Flow = 1,
  /** Inside a block scalar: moves likewise, and its trailing spaces are content. */
  Block = 2,
}

/** A top-level entry, or a service under `services`: what range formatting formats whole. */
export interface EntryLines {
  /** The line of its key (earlier comment lines directly above are added by the caller). */
  readonly line: number;
  /** The services under a `services` entry written as a block mapping. */
  readonly children: readonly EntryLines[];
}

export interface Layout {
  /** New indentation (in columns) of each line that starts a block mapping entry or sequence item. */
  readonly starts: ReadonlyMap<number, number>;
  /** Per line, whether it continues a value begun on an earlier line. */
  readonly continuation: Uint8Array;
  /** Lines of document markers (`---`, `...`) and directives: left as written. */
  readonly fixed: ReadonlySet<number>;
  /** Top-level entries of every document, in text order. */
  readonly entries: readonly EntryLines[];
  /** Set when the text ends inside a block scalar that keeps its trailing line breaks (`|+`). */
  readonly keepsTail: boolean;
}

interface Walk {
  readonly text: string;
  readonly lines: LineIndex;
  readonly unit: number;
  readonly flush: boolean;
  readonly starts: Map<number, number>;
  readonly continuation: Uint8Array;
  lastBlockKeeps: boolean;
}

/** Thrown inside the walk for a construct it will not re-indent; caught by `layout`. */
class Unsupported extends Error {}

/**
 * The layout of `text`, from the tokens of `yaml`'s `Parser` (of a text without YAML errors), indenting
 * each level by `unit` columns. Undefined when the text holds a construct the formatter leaves alone.
 */
export function layout(text: string, lines: LineIndex, tokens: readonly CST.Token[], unit: number, sequenceIndent: SequenceIndent, lineCount: number): Layout | undefined {
  const flush = sequenceIndent === 'flush' || (sequenceIndent === 'preserve' && writesFlushSequences(lines, tokens));
  const walk: Walk = { text, lines, unit, flush, starts: new Map(), continuation: new Uint8Array(lineCount), lastBlockKeeps: false };
  const fixed = new Set<number>();
  const entries: EntryLines[] = [];
  try {
    for (const token of tokens) {
      if (token.type === 'directive' || token.type === 'doc-end') fixed.add(lineOf(walk, token.offset));
      if (token.type !== 'document') continue;
      for (const start of token.start) if (start.type === 'doc-start') fixed.add(lineOf(walk, start.offset));
      const value = token.value;
      if (!value) continue;
      // A document's root starts at column 0, unless it shares a line with `---`.
      visit(walk, value, atLineStart(walk, firstOffset(value)) ? 0 : columnOf(walk, firstOffset(value)));
      if (value.type === 'block-map') append(entries, topLevelEntries(walk, value));
    }
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return { starts: walk.starts, continuation: walk.continuation, fixed, entries, keepsTail: walk.lastBlockKeeps };
}

function visit(walk: Walk, token: CST.Token, column: number): void {
  walk.lastBlockKeeps = false;
  if (token.type === 'block-map') {
    for (const item of token.items) {
      if (onlyComments(item)) continue;
      if (item.explicitKey || item.start.some((t) => t.type === 'explicit-key-ind')) throw new Unsupported('explicit key');
      const key = item.key;
      if (!key) throw new Unsupported('empty key');
      if (key.type === 'block-map' || key.type === 'block-seq' || key.type === 'flow-collection' || key.type === 'block-scalar') throw new Unsupported('collection key');
      startsAt(walk, firstOfItem(item.start, key), column);
      if (item.value) visitValue(walk, item.value, column, 'map');
    }
  } else if (token.type === 'block-seq') {
    for (const item of token.items) {
      if (onlyComments(item)) continue;
      const dash = item.start.find((t) => t.type === 'seq-item-ind');
      if (!dash) throw new Unsupported('sequence item without a dash');
      startsAt(walk, dash.offset, column);
      const value = item.value;
      if (!value) continue;
      // A collection on the dash's line (`- key: v`) keeps its distance from the dash.
      const sameLine = lineOf(walk, firstOffset(value)) === lineOf(walk, dash.offset);
      if (sameLine && (value.type === 'block-map' || value.type === 'block-seq')) visit(walk, value, column + firstOffset(value) - dash.offset);
      else visitValue(walk, value, column, 'seq');
    }
  } else {
    mark(walk, token);
  }
}

/** A value below its key or dash: a nested collection one level in (a sequence under a key maybe not). */
function visitValue(walk: Walk, value: CST.Token, column: number, parent: 'map' | 'seq'): void {
  if (value.type === 'block-map') visit(walk, value, column + walk.unit);
  else if (value.type === 'block-seq') visit(walk, value, parent === 'map' && walk.flush ? column : column + walk.unit);
  else visit(walk, value, column);
}

/** Marks the lines after the first of a scalar or flow collection as continuing it. */
function mark(walk: Walk, token: CST.Token): void {
  const extent = extentOf(token);
  if (!extent) return;
  const first = lineOf(walk, extent.start);
  const last = lineOf(walk, extent.end);
  for (let line = first + 1; line <= last; line++) walk.continuation[line] = extent.kind;
  if (extent.kind === Continuation.Block) walk.lastBlockKeeps = extent.keeps;
}

function extentOf(token: CST.Token): { start: number; end: number; kind: Continuation; keeps: boolean } | undefined {
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'alias':
      return { start: token.offset, end: token.offset + token.source.length, kind: Continuation.Flow, keeps: false };
    case 'flow-collection': {
      const last = token.end.find((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end') ?? token.start;
      return { start: token.offset, end: last.offset, kind: Continuation.Flow, keeps: false };
    }
    case 'block-scalar': {
      const header = token.props.find((t): t is CST.SourceToken => t.type === 'block-scalar-header');
      const lastProp = token.props[token.props.length - 1];
      const contentStart = lastProp && 'source' in lastProp ? lastProp.offset + lastProp.source.length : token.offset;
      // Trailing line breaks are the block's only when they are content: the end stops at its last character.
      const content = token.source.replace(/[\r\n]+$/, '');
      return { start: token.offset, end: contentStart + content.length, kind: Continuation.Block, keeps: header?.source.includes('+') ?? false };
    }
    default:
      return undefined;
  }
}

/** The top-level entries of a root mapping, with the services under `services`. */
function topLevelEntries(walk: Walk, map: CST.BlockMap): EntryLines[] {
  return map.items.filter((item) => !onlyComments(item)).map((item) => {
    const line = lineOf(walk, firstOfItem(item.start, item.key));
    const value = item.value;
    const isServices = item.key && 'source' in item.key && item.key.source === 'services';
    const children = isServices && value?.type === 'block-map' ? value.items.filter((child) => !onlyComments(child)).map((child) => ({ line: lineOf(walk, firstOfItem(child.start, child.key)), children: [] })) : [];
    return { line, children };
  });
}

/** Whether the file writes sequences under a key at the key's column more often than indented. */
function writesFlushSequences(lines: LineIndex, tokens: readonly CST.Token[]): boolean {
  let flush = 0;
  let indented = 0;
  const count = (token: CST.Token | null | undefined): void => {
    if (!token) return;
    if (token.type === 'block-seq') for (const item of token.items) count(item.value);
    if (token.type !== 'block-map') return;
    for (const item of token.items) {
      const value = item.value;
      if (value?.type === 'block-seq' && item.key) {
        const dash = value.items[0]?.start.find((t) => t.type === 'seq-item-ind');
        if (dash) {
          const keyColumn = lines.positionAt(firstOfItem(item.start, item.key)).character;
          if (lines.positionAt(dash.offset).character === keyColumn) flush++;
          else indented++;
        }
      }
      count(value);
    }
  };
  for (const token of tokens) if (token.type === 'document') count(token.value);
  return flush > indented;
}

/** The parser ends a collection with an item holding only the comments after its last entry. */
function onlyComments(item: CST.CollectionItem): boolean {
  return item.key === undefined && item.sep === undefined && item.value === undefined && item.start.every((t) => t.type === 'comment' || t.type === 'space' || t.type === 'newline');
}

/** Where an entry begins: its first anchor or tag, else its key. */
function firstOfItem(start: readonly CST.SourceToken[], key: CST.Token | null | undefined): number {
  const prop = start.find((t) => t.type === 'anchor' || t.type === 'tag');
  if (prop) return prop.offset;
  if (!key) throw new Unsupported('empty key');
  return firstOffset(key);
}

function firstOffset(token: CST.Token): number {
  if (token.type === 'block-map' || token.type === 'block-seq') {
    const item = token.items[0];
    if (!item) return token.offset;
    const lead = item.start.find((t) => t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment');
    return lead?.offset ?? (item.key ? firstOffset(item.key) : token.offset);
  }
  return token.offset;
}

/** Records the new column of the line an entry starts at `offset`, when nothing but indentation precedes it there. */
function startsAt(walk: Walk, offset: number, column: number): void {
  // One that shares a line (`- key: v`) moves with the line's start, which keeps it at `column`.
  if (atLineStart(walk, offset)) walk.starts.set(lineOf(walk, offset), column);
}

function atLineStart(walk: Walk, offset: number): boolean {
  const start = walk.lines.lineStart(lineOf(walk, offset));
  return /^ *$/.test(walk.text.slice(start, offset));
}

function lineOf(walk: Walk, offset: number): number {
  return walk.lines.positionAt(offset).line;
}

function columnOf(walk: Walk, offset: number): number {
  return walk.lines.positionAt(offset).character;
}
