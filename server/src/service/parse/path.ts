/**
 * Offset -> cursor context (path from the document root, and whether the cursor is on a key or a value)
 * for hover and completion. It walks the resolved tree, using key columns to place a cursor that sits on
 * a blank or half-typed line (where the tree has no node yet). Only when the YAML has syntax errors and
 * the tree lost the lines around the cursor does it fall back to reading the indentation of the text.
 */
import type { Span } from '../types';
import type { ComposeDocument } from './model';
import type { MapNode, Node } from './tree';

/** A path from the document root: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export interface CursorContext {
  /** Keys and sequence indexes from the document root; for role 'key' the last segment is the key (or the word being typed). */
  readonly path: YamlPath;
  /** 'key': on a mapping key or where a new key goes; 'value': on a value or sequence item (or where one goes). */
  readonly role: 'key' | 'value';
  /** The value at `path`, when it exists (for a key, that key's value). */
  readonly node?: Node;
  /** The mapping holding the key (role 'key'), when it exists. */
  readonly map?: MapNode;
  /** What the cursor is on: the key, the scalar, or the word typed so far (empty at a fresh position). */
  readonly span: Span;
}

/** Characters of a key or plain value being typed. */
const WORD_CHAR = /[^\s:,[\]{}#"'-]/;

export function cursorContext(doc: ComposeDocument, offset: number): CursorContext {
  const walker = new Walker(doc.text, offset);
  const document = [...doc.documents].reverse().find((d) => d.span.start <= offset) ?? doc.documents[0];
  const context = document?.root ? walker.node(document.root, []) : walker.freshKey([], undefined);
  if (!doc.syntaxFindings.some((f) => f.code === 'yaml-syntax')) return context;
  const fallback = indentationContext(doc.text, offset, walker);
  // An unterminated quote or flow collection swallows the lines after it into one node.
  const swallowed = context.node?.kind === 'scalar' && context.node.style !== 'block' && context.node.span.start < walker.lineStart && context.role === 'value';
  return swallowed || keyDepth(fallback.path) > keyDepth(context.path) ? fallback : context;
}

class Walker {
  readonly lineStart: number;
  /** Column of the cursor line's first non-blank character, or the cursor column on a blank line. */
  readonly indent: number;
  /** The cursor line starts a sequence item (`- `). */
  readonly onDash: boolean;

  constructor(
    readonly text: string,
    readonly offset: number,
  ) {
    this.lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.slice(this.lineStart, offset);
    const leading = /^[ \t]*/.exec(before)![0].length;
    this.indent = leading;
    this.onDash = /^[ \t]*-(\s|$)/.test(text.slice(this.lineStart, Math.max(offset, this.lineStart + leading + 2)));
  }

  node(node: Node, path: YamlPath): CursorContext {
    // An alias (`web: *base`) stands for content written elsewhere; the cursor is on the alias itself.
    if (node.via && (this.offset < node.span.start || this.offset > node.span.end)) return { path, role: 'value', node, span: node.via };
    if (node.kind === 'map') return this.isFlow(node) ? this.flowMap(node, path) : this.blockMap(node, path);
    if (node.kind === 'seq') return this.seq(node, path);
    return { path, role: 'value', node, span: node.value === null ? this.word() : node.span };
  }

  private blockMap(map: MapNode, path: YamlPath): CursorContext {
    const entry = this.lastBefore(map.entries.filter((e) => e.via === undefined), (e) => e.keySpan.start);
    if (!entry) return this.freshKey(path, map);
    const keyPath = [...path, entry.key];
    if (this.offset <= entry.keySpan.end) return { path: keyPath, role: 'key', node: entry.value, map, span: entry.keySpan };
    if (this.sameLine(entry.keySpan.start)) return this.valueOf(entry.value, keyPath);
    if (this.indent <= this.column(entry.keySpan.start)) return this.freshKey(path, map);
    // A later, deeper line: inside this key's value, which may not exist yet.
    if (entry.value.kind !== 'scalar' || entry.value.value !== null) return this.node(entry.value, keyPath);
    return this.onDash ? { path: [...keyPath, 0], role: 'value', span: this.word() } : this.freshKey(keyPath, undefined);
  }

  private flowMap(map: MapNode, path: YamlPath): CursorContext {
    const entry = this.lastBefore(map.entries.filter((e) => e.via === undefined), (e) => e.keySpan.start);
    if (entry && this.offset <= entry.keySpan.end) return { path: [...path, entry.key], role: 'key', node: entry.value, map, span: entry.keySpan };
    const between = entry ? this.text.slice(entry.keySpan.end, this.offset) : ',';
    if (entry && between.includes(':') && !between.includes(',')) return this.valueOf(entry.value, [...path, entry.key]);
    return this.freshKey(path, map);
  }

  private seq(seq: { items: readonly Node[]; span: Span }, path: YamlPath): CursorContext {
    if (this.text[seq.span.start] === '[') {
      const index = seq.items.findIndex((item) => item.span.start <= this.offset && this.offset <= item.span.end && item.span.end > item.span.start);
      if (index >= 0) return this.node(seq.items[index]!, [...path, index]);
      const before = seq.items.filter((item) => item.span.end <= this.offset).length;
      return { path: [...path, before], role: 'value', span: this.word() };
    }
    const index = this.lastIndexBefore(seq.items, (item) => item.span.start);
    const item = seq.items[index];
    if (!item) return { path: [...path, 0], role: 'value', span: this.word() };
    if (this.offset <= item.span.end || this.sameLine(item.span.start)) return this.node(item, [...path, index]);
    if (item.kind === 'map' && this.indent >= this.column(item.span.start)) return this.node(item, [...path, index]);
    return { path: [...path, seq.items.length], role: 'value', span: this.word() };
  }

  /** The cursor is after `key:` on the key's line. */
  private valueOf(value: Node, path: YamlPath): CursorContext {
    const empty = value.kind === 'scalar' && value.value === null;
    if (!empty && value.span.start <= this.offset) return this.node(value, path);
    return { path, role: 'value', node: value, span: this.word() };
  }

  freshKey(path: YamlPath, map: MapNode | undefined): CursorContext {
    const span = this.word();
    const key = this.text.slice(span.start, span.end);
    return { path: [...path, key], role: 'key', ...(map ? { map } : {}), span };
  }

  /** The word ending at the cursor (what the user has typed of a key or value). */
  private word(): Span {
    let start = this.offset;
    while (start > this.lineStart && WORD_CHAR.test(this.text[start - 1]!)) start--;
    // `-` inside a word (`on-failure`) belongs to it; a leading `- ` is a sequence dash.
    while (start > this.lineStart && this.text[start - 1] === '-' && WORD_CHAR.test(this.text[start - 2] ?? ' ')) {
      start--;
      while (start > this.lineStart && WORD_CHAR.test(this.text[start - 1]!)) start--;
    }
    return { start, end: this.offset };
  }

  private isFlow(node: Node): boolean {
    return this.text[node.span.start] === '{';
  }

  private sameLine(offset: number): boolean {
    return offset >= this.lineStart;
  }

  column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private lastBefore<T>(items: readonly T[], start: (item: T) => number): T | undefined {
    return items[this.lastIndexBefore(items, start)];
  }

  private lastIndexBefore<T>(items: readonly T[], start: (item: T) => number): number {
    let found = -1;
    for (let i = 0; i < items.length; i++) if (start(items[i]!) <= this.offset) found = i;
    return found;
  }
}

const KEY_LINE = /^([ \t]*)(-[ \t]+)?("[^"]*"|'[^']*'|[^\s#'"{[-][^:#]*?):([ \t]|$)/;

/**
 * The documented fallback for text the parser could not structure: the path of `key:` lines above the
 * cursor with ever smaller indentation. Sequence items are given index 0 (the schema only needs "an item").
 */
function indentationContext(text: string, offset: number, walker: Walker): CursorContext {
  const segments: (string | number)[] = [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let limit = walker.indent;
  for (let end = lineStart - 1; end > 0 && limit > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent === line.length || line[indent] === '#' || indent >= limit) continue;
    const match = KEY_LINE.exec(line);
    const dash = match?.[2]?.length ?? (line[indent] === '-' ? 1 : 0);
    // A key on a dash line is the item's first key: a parent only when the cursor is deeper than it.
    if (match && indent + dash < limit) segments.unshift(unquote(match[3]!.trim()));
    if (dash > 0) segments.unshift(0);
    limit = indent;
  }
  // The cursor line itself: after `key:` is that key's value; after `- ` is a new item.
  const own = KEY_LINE.exec(text.slice(lineStart, offset));
  if (own) {
    if (own[2]) segments.push(0);
    return { path: [...segments, unquote(own[3]!.trim())], role: 'value', span: wordSpan(text, offset, lineStart) };
  }
  if (walker.onDash) return { path: [...segments, 0], role: 'value', span: wordSpan(text, offset, lineStart) };
  return walker.freshKey(segments, undefined);
}

function wordSpan(text: string, offset: number, floor: number): Span {
  let start = offset;
  while (start > floor && WORD_CHAR.test(text[start - 1]!)) start--;
  return { start, end: offset };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function keyDepth(path: YamlPath): number {
  return path.filter((segment) => typeof segment === 'string').length;
}
