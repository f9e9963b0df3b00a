/**
 * Parses a large file piece by piece, so that memory holds one piece's `yaml` objects at a time instead
 * of the whole file's (the `yaml` package needs about 80 bytes per character of text; a 5,000-service
 * file would cost 400 MB). Pieces start at lines where YAML's indentation makes a clean cut: a key at
 * column 0, or an element key (e.g. one service) inside a top-level mapping. A piece that continues a
 * mapping is parsed under a copy of its key line (`services:`), and every piece is followed by the key
 * of the line after it, so YAML ends its last value exactly where it ends in the whole file.
 * For a text without YAML errors the result equals a full parse. A YAML error stays in its piece: the
 * piece must still end with its sentinel key, which proves that the error did not run on (an open
 * quote or bracket would swallow the sentinel), and the other pieces are parsed as usual. Whenever
 * that or the cuts cannot be trusted (several documents, merge keys at the level of a cut, aliases
 * expanding too far), this answers undefined and the caller parses the whole text.
 */
import type { Finding, Span } from '../types';
import { aliasNodesUsed, blankOpeners, duplicateKeyFinding, MAX_TEXT_LENGTH, parseSlice, withUnclosedFindings, type ParsedYaml, type YamlDocument } from './parse';
import { aliasBudget, entryOf, hasMergedEntries, indexOf, mapNode, type AnchorDefinition, type Entry, type MapNode, type Node } from './tree';
import { append } from '../append';

/** Characters per piece: big enough that per-parse overhead is small, small enough to bound memory. */
const PIECE_SIZE = 64 * 1024;

/** A line where a piece may start: a key at column 0, or an element key inside a top-level mapping. */
interface Cut {
  readonly offset: number;
  /** Offset just after the key's colon: the line's text up to here is the sentinel that follows a piece. */
  readonly colonEnd: number;
  /** The top-level key whose mapping this element line belongs to; undefined for a column-0 key. */
  readonly section?: string;
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly first: Cut | undefined;
  readonly next: Cut | undefined;
}

/**
 * Rounds of reading brackets never closed as blanks: one a round, as each piece that holds one is met.
 * A text with more is left to the whole parse, which finds them all in one.
 */
const MAX_RUNAWAY_ROUNDS = 3;

/**
 * The text parsed in pieces; undefined when it is shorter than two pieces or cannot be cut safely. A
 * `{` or `[` never closed (see parseYaml) is read as a blank and reported at its place, as the whole
 * parse does, so that the rest is still parsed in pieces.
 */
export function parseInPieces(text: string, pieceSize = PIECE_SIZE): ParsedYaml | undefined {
  if (text.length < 2 * pieceSize || text.length > MAX_TEXT_LENGTH) return undefined;
  const openers: number[] = [];
  let source = text;
  for (let round = 0; round <= MAX_RUNAWAY_ROUNDS; round++) {
    const found: number[] = [];
    const parsed = parseCut(source, pieceSize, (at) => append(found, at));
    if (parsed) return openers.length > 0 ? withUnclosedFindings(parsed, text, openers) : parsed;
    if (found.length === 0) return undefined;
    append(openers, found);
    source = blankOpeners(source, found);
  }
  return undefined;
}

function parseCut(text: string, pieceSize: number, onRunaway: (openers: readonly number[]) => void): ParsedYaml | undefined {
  const cuts = findCuts(text);
  if (!cuts) return undefined;
  const budget = aliasBudget();
  const anchors: AnchorDefinition[] = [];
  const latestAnchor = new Map<string, Node>();
  const syntaxFindings: Finding[] = [];
  const assembly = new RootAssembly(syntaxFindings);
  let documentSpan: Span | undefined;
  for (const piece of piecesOf(text, cuts, pieceSize)) {
    const header = piece.first?.section !== undefined ? `${piece.first.section}:\n` : '';
    const sentinel = piece.next ? text.slice(piece.next.offset, piece.next.colonEnd) : '';
    const source = header + text.slice(piece.start, piece.end) + sentinel;
    const base = piece.start - header.length;
    const sentinelStart = piece.next && keyStart(text, piece.next);
    const anchorCount = anchors.length;
    const slice = parseSlice(source, base, { start: piece.start, end: piece.end }, sentinelStart, { budget, anchors, outerAnchor: (name) => latestAnchor.get(name) }, onRunaway);
    if (!slice || slice.root.tag !== undefined || !assembly.add(slice.root, piece, piece.first && keyStart(text, piece.first), sentinelStart)) return undefined;
    append(syntaxFindings, slice.findings);
    for (const anchor of anchors.slice(anchorCount)) latestAnchor.set(anchor.name, anchor.node);
    documentSpan = { start: documentSpan?.start ?? slice.doc.range[0] + base, end: slice.doc.range[2] + base };
  }
  const root = assembly.finish();
  if (!root || !documentSpan) return undefined;
  const document: YamlDocument = { root, span: documentSpan };
  return { documents: [document], syntaxFindings, anchors, aliasNodes: aliasNodesUsed(budget), confined: true };
}

// A plain key without spaces, then optional blanks and a colon that ends the key (YAML 1.2 [154]).
const KEY = /( *)([\w.$/][\w.$/-]*)[ \t]*:(?=[ \t\r\n]|$)/y;
// A key line with nothing after the colon but a comment: its value is an indented block.
const BARE_REST = /[ \t]*(#.*)?\r?$/my;
const DOCUMENT_MARKER = /^(---|\.\.\.)([ \t\r\n]|$)/m;

/** Every cut, in text order; undefined for texts that are not one plain block mapping document. */
function findCuts(text: string): Cut[] | undefined {
  if (text.startsWith('%')) return undefined;
  const marker = DOCUMENT_MARKER.exec(text);
  // A `---` opening the file is common and harmless; any other marker starts or ends a document.
  if (marker && (marker.index > 0 || marker[1] === '...' || DOCUMENT_MARKER.test(text.slice(3)))) return undefined;
  const cuts: Cut[] = [];
  let section: { key: string; indent?: number } | undefined;
  for (let line = 0; line < text.length; line = nextLine(text, line)) {
    const indent = indentOf(text, line);
    const ch = text.charCodeAt(line + indent);
    if (ch === 10 || ch === 13 || ch === 35 /* # */ || Number.isNaN(ch)) continue;
    KEY.lastIndex = line;
    const key = KEY.exec(text);
    if (indent === 0) {
      if (key) cuts.push({ offset: line, colonEnd: KEY.lastIndex });
      BARE_REST.lastIndex = KEY.lastIndex;
      section = key && BARE_REST.test(text) ? { key: key[2]! } : undefined;
      continue;
    }
    if (!section) continue;
    // The first line under a section key fixes its elements' indentation.
    section.indent ??= key ? indent : -1;
    if (key && indent === section.indent) cuts.push({ offset: line, colonEnd: KEY.lastIndex, section: section.key });
  }
  return cuts;
}

/** Consecutive pieces of at least `size` characters (but the last), each starting at a cut. */
function piecesOf(text: string, cuts: readonly Cut[], size: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let first: Cut | undefined;
  for (const cut of cuts) {
    if (cut.offset - start < size) continue;
    pieces.push({ start, end: cut.offset, first, next: cut });
    start = cut.offset;
    first = cut;
  }
  pieces.push({ start, end: text.length, first, next: undefined });
  return pieces;
}

/**
 * Joins the pieces' root mappings into one, continuing a cut top-level mapping across pieces, and
 * reports keys that pieces repeat as the full parse would (each piece reports its own repeats).
 */
class RootAssembly {
  private readonly entries: { key: string; keySpan: Span; value: Node; parts?: MapNode[] }[] = [];
  private readonly pieceOfKey = new Map<string, number>();
  private start: number | undefined;
  private end = 0;
  private pieces = 0;

  constructor(private readonly findings: Finding[]) {}

  /**
   * Adds one piece's root mapping; false when it is not what the cuts promised: its first key where
   * the piece starts, its last the sentinel (a YAML error in the piece must not have run past either).
   */
  add(root: MapNode, piece: Piece, firstStart: number | undefined, sentinelStart: number | undefined): boolean {
    const entries = [...root.entries];
    if (entries.some((e) => e.via !== undefined)) return false;
    if (piece.next && !this.dropSentinel(entries, piece.next, sentinelStart)) return false;
    this.pieces++;
    if (piece.first && piece.first.section === undefined && entries[0]?.keySpan.start !== firstStart) return false;
    if (piece.first?.section !== undefined) {
      const head = entries.shift();
      const open = this.entries[this.entries.length - 1];
      if (head?.key !== piece.first.section || head.value.kind !== 'map' || open?.key !== head.key || !open.parts) return false;
      if (head.value.entries[0]?.keySpan.start !== firstStart) return false;
      // Merged entries go after a mapping's own ones, which a cut mapping cannot keep in order.
      if (open.parts.length === 1 && hasMergedEntries(open.parts[0]!)) return false;
      if (hasMergedEntries(head.value)) return false;
      open.parts.push(head.value);
      // Later repeats of this key within the piece were reported by the piece itself.
      this.pieceOfKey.set(head.key, this.pieces);
    }
    for (const { key, keySpan, value } of entries) {
      if ((this.pieceOfKey.get(key) ?? this.pieces) < this.pieces) this.findings.push(duplicateKeyFinding(key, keySpan));
      this.pieceOfKey.set(key, this.pieces);
      this.entries.push({ key, keySpan, value, ...(value.kind === 'map' && value.tag === undefined && value.via === undefined ? { parts: [value] } : {}) });
    }
    this.start ??= root.span.start;
    this.end = root.span.end;
    return true;
  }

  /** Removes the sentinel key from the end of the piece's mapping (or of its last top-level value). */
  private dropSentinel(entries: Entry[], next: Cut, sentinelStart: number | undefined): boolean {
    const last = entries[entries.length - 1];
    if (next.section === undefined) return last?.keySpan.start === sentinelStart && entries.pop() !== undefined;
    if (last?.key !== next.section || last.value.kind !== 'map') return false;
    const inner = last.value.entries;
    if (inner[inner.length - 1]?.keySpan.start !== sentinelStart) return false;
    // Its span and index are rebuilt when the next piece's part is joined to it.
    entries[entries.length - 1] = { ...last, value: { ...last.value, entries: inner.slice(0, -1) } };
    return true;
  }

  finish(): MapNode | undefined {
    if (this.start === undefined) return undefined;
    const entries: Entry[] = this.entries.map(({ key, keySpan, value, parts }) => entryOf(key, keySpan, parts ? this.joined(parts) : value, undefined));
    return mapNode({ start: this.start, end: this.end }, undefined, undefined, entries, indexOf(entries));
  }

  /** One mapping from its parts, reporting keys repeated across parts. */
  private joined(parts: readonly MapNode[]): MapNode {
    const partOfKey = new Map<string, number>();
    const entries: Entry[] = [];
    parts.forEach((part, i) => {
      for (const e of part.entries) {
        if ((partOfKey.get(e.key) ?? i) < i) this.findings.push(duplicateKeyFinding(e.key, e.keySpan));
        partOfKey.set(e.key, i);
        entries.push(e);
      }
    });
    return mapNode({ start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end }, undefined, undefined, entries, indexOf(entries));
  }
}

/** Where the key of a cut line starts. */
function keyStart(text: string, cut: Cut): number {
  return cut.offset + indentOf(text, cut.offset);
}

function indentOf(text: string, line: number): number {
  let column = line;
  while (text.charCodeAt(column) === 32) column++;
  return column - line;
}

function nextLine(text: string, line: number): number {
  const eol = text.indexOf('\n', line);
  return eol < 0 ? text.length : eol + 1;
}
