/**
 * Parses a large file piece by piece, so that memory holds one piece's `yaml` objects at a time instead
 * of the whole file's (the `yaml` package needs about 80 bytes per character of text; a 5,000-service
 * file would cost 400 MB). Pieces start at lines where YAML's indentation makes a clean cut: a key at
 * column 0, or an element key (e.g. one service) inside a top-level mapping. A part that continues a
 * mapping is parsed under a copy of its key line (`services:`), and every part is followed by the key
 * of the line after it, so YAML ends its last value exactly where it ends in the whole file.
 * For a text without YAML errors the result equals a full parse. A piece the fast reader does not
 * take (it declines YAML errors) is read again one element at a time, so that an error stays in its
 * element: the element must still end with its sentinel key, or, when the error ran past it (an open
 * quote swallows every later line), the element is read alone, without the lines after it. That is
 * what the person typing means, and a whole parse of such a text costs seconds and reports the error
 * again on every line after it. The same holds for a document marker typed among the services and
 * a word typed above the first key (one error each, see parseSlice and notAMappingFinding). Whenever
 * the cuts cannot be trusted (several documents that YAML reads without an error, merge keys at
 * the level of a cut, aliases expanding too far, a part that fails without a YAML error), this answers
 * undefined and the caller parses the whole text.
 */
import type { Finding, Span } from '../types';
import { aliasNodesUsed, MAX_TEXT_LENGTH, parseSlice, YAML_SPEC, type ParsedYaml, type Slice } from './parse';
import { aliasBudget, type AnchorDefinition, type Node } from './tree';
import { indentOf, keyAt, keyStart, leadingEntry, RootAssembly, sentinelOf, unitRange, type Cut, type Part } from './pieceAssembly';
import { append } from '../append';

/** Characters per piece: big enough that per-parse overhead is small, small enough to bound memory. */
const PIECE_SIZE = 64 * 1024;

/** The text parsed in pieces; undefined when it is shorter than two pieces or cannot be cut safely. */
export function parseInPieces(text: string, pieceSize = PIECE_SIZE): ParsedYaml | undefined {
  if (text.length < 2 * pieceSize || text.length > MAX_TEXT_LENGTH) return undefined;
  const cuts = findCuts(text);
  if (!cuts) return undefined;
  const reader = new PieceReader(text, cuts);
  for (const piece of piecesOf(text, cuts, pieceSize)) if (!reader.read(piece)) return undefined;
  return reader.finish();
}

/** How one part was read: into the tree, not at all, or with an error that ran past its end. */
type Reading = 'added' | 'failed' | 'ran-on';

class PieceReader {
  private readonly budget = aliasBudget();
  private readonly anchors: AnchorDefinition[] = [];
  private readonly latestAnchor = new Map<string, Node>();
  private readonly findings: Finding[] = [];
  private readonly assembly = new RootAssembly(this.findings);
  private documentSpan: Span | undefined;

  constructor(
    private readonly text: string,
    private readonly cuts: readonly Cut[],
  ) {}

  /** Reads a piece whole when the fast reader takes it, else one element (or top-level key) at a time. */
  read(piece: Part): boolean {
    if (this.attempt(piece, { alone: false, simpleOnly: true }) === 'added') return true;
    for (const unit of unitsOf(piece, this.cuts)) {
      const reading = this.attempt(unit, { alone: false, simpleOnly: false });
      if (reading === 'failed' || (reading === 'ran-on' && this.attempt(unit, { alone: true, simpleOnly: false }) !== 'added')) return false;
    }
    return true;
  }

  /**
   * Parses one part and adds it to the tree. `alone` parses it without its sentinel and keeps only its
   * leading entry, or when even that is lost, only its findings.
   */
  private attempt(part: Part, how: { alone: boolean; simpleOnly: boolean }): Reading {
    const { text } = this;
    const next = how.alone ? undefined : part.next;
    const header = part.first?.section !== undefined ? `${part.first.section}:\n` : '';
    const sentinel = next && sentinelOf(text, next);
    const source = header + text.slice(part.start, part.end) + (sentinel?.source ?? '');
    const base = part.start - header.length;
    const sentinelStart = sentinel?.start;
    const firstStart = part.first && keyStart(text, part.first);
    const anchorCount = this.anchors.length;
    const remaining = this.budget.remaining;
    const context = { budget: this.budget, anchors: this.anchors, outerAnchor: (name: string) => this.latestAnchor.get(name) };
    const slice = parseSlice(source, base, unitRange(part, how.alone), sentinelStart, context, how.simpleOnly);
    const hasError = slice?.findings.some((f) => f.code === 'yaml-syntax') === true;
    // Read alone without an error, the part is valid YAML that only the sentinel broke: a wrong cut.
    const root = slice?.root && (!how.alone ? slice.root : hasError ? leadingEntry(slice.root, part, firstStart) : undefined);
    if (!slice || !root || !this.assembly.add(root, { ...part, next }, firstStart, sentinelStart)) {
      // Nothing of a failed attempt stays: the next one parses the same text again.
      this.anchors.length = anchorCount;
      this.budget.remaining = remaining;
      const stray = how.alone && !hasError && !part.first ? notAMappingFinding(text, slice, base) : undefined;
      if (!hasError && !stray) return 'failed';
      if (!how.alone) return 'ran-on';
      if (stray) this.findings.push(stray);
      append(this.findings, slice!.findings);
      return 'added';
    }
    append(this.findings, slice.findings);
    for (const anchor of this.anchors.slice(anchorCount)) this.latestAnchor.set(anchor.name, anchor.node);
    this.documentSpan = { start: this.documentSpan?.start ?? slice.doc.range[0] + base, end: slice.doc.range[2] + base };
    return 'added';
  }

  finish(): ParsedYaml | undefined {
    const root = this.assembly.finish();
    if (!root || !this.documentSpan) return undefined;
    return { documents: [{ root, span: this.documentSpan }], syntaxFindings: this.findings, anchors: this.anchors, aliasNodes: aliasNodesUsed(this.budget), confined: true };
  }
}

/**
 * The finding for a value that opens the file at column 0 and is no mapping (a word typed above the
 * first key), read alone without an error: YAML takes it for the whole document, so it reports every
 * key line after it, and go-yaml stops there ("did not find expected <document start>"). Undefined
 * for anything else, which is a wrong cut.
 */
function notAMappingFinding(text: string, slice: Slice | undefined, base: number): Finding | undefined {
  const contents = slice?.doc.contents as { range?: readonly number[] } | null | undefined;
  const range = contents?.range;
  if (!slice || slice.root || !range) return undefined;
  const start = range[0]! + base;
  // A list's range takes in its last line break, which the squiggle need not.
  let end = range[1]! + base;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const message = 'YAML reads this as the whole document, which is then not a mapping, so it cannot read the keys below it and Compose refuses the file; the rest is checked here as if it were not there.';
  return { code: 'yaml-syntax', severity: 'error', message, span: { start, end }, docUrl: YAML_SPEC };
}

/** The parts of a piece from one cut to the next. */
function unitsOf(piece: Part, cuts: readonly Cut[]): Part[] {
  const units: Part[] = [];
  let { start, first } = piece;
  for (let i = firstCutAfter(cuts, piece.start); i < cuts.length && cuts[i]!.offset < piece.end; i++) {
    const cut = cuts[i]!;
    units.push({ start, end: cut.offset, first, next: cut });
    start = cut.offset;
    first = cut;
  }
  units.push({ start, end: piece.end, first, next: piece.next });
  return units;
}

/** Index of the first cut after `offset` (cuts are in text order). */
function firstCutAfter(cuts: readonly Cut[], offset: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid]!.offset <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// A key line with nothing after the colon but a comment: its value is an indented block.
const BARE_REST = /[ \t]*(#.*)?\r?$/my;
// The value after a key's colon that makes the indented lines below part of it.
const BLOCK_VALUE = /[ \t]*[&!|>[{"']/y;
const DOCUMENT_MARKER = /^(---|\.\.\.)([ \t\r\n]|$)/;

/** Every cut, in text order; undefined for texts that are not one plain block mapping document. */
function findCuts(text: string): Cut[] | undefined {
  if (text.startsWith('%')) return undefined;
  const cuts: Cut[] = [];
  let section: { key: string; indent?: number } | undefined;
  // The section of elements a key typed at column 0 interrupted, which an element line at its
  // indentation resumes (see below), and that key.
  let interrupted: { key: string; indent: number } | undefined;
  let interrupting = '';
  // True after a key at column 0 with a plain value, under which no line can be indented.
  let scalarKey = false;
  // Where the quoted string that is the value of the last key at column 0 closes, if it does.
  let quotedUntil = -1;
  for (let line = 0; line < text.length; line = nextLine(text, line)) {
    const indent = indentOf(text, line);
    const ch = text.charCodeAt(line + indent);
    if (ch === 10 || ch === 13 || ch === 35 /* # */ || Number.isNaN(ch)) continue;
    const key = keyAt(text, line);
    if (indent === 0 && key) {
      cuts.push({ offset: line, colonEnd: key.colonEnd });
      // After a stray key, the section it interrupted stays interrupted.
      const stray = interrupted !== undefined && (section ? isDeeper(section, interrupted) : scalarKey);
      if (!stray) interrupted = section?.indent && section.indent > 0 ? { key: section.key, indent: section.indent } : undefined;
      interrupting = key.key;
      BARE_REST.lastIndex = key.colonEnd;
      section = BARE_REST.test(text) ? { key: key.key } : undefined;
      // Lines indented under an anchor, a tag, a block scalar or an open bracket are that key's value.
      BLOCK_VALUE.lastIndex = key.colonEnd;
      scalarKey = !section && !BLOCK_VALUE.test(text);
      // So are the lines of a quoted string, up to its closing quote: after it, as after a plain
      // value, no line can be indented.
      quotedUntil = section ? -1 : quotedValueEnd(text, key.colonEnd);
      BARE_REST.lastIndex = quotedUntil;
      if (quotedUntil > 0) scalarKey = BARE_REST.test(text);
      continue;
    }
    // Inside a quoted value, a line is neither an element nor where the services resume.
    if (line < quotedUntil) continue;
    if (indent === 0) {
      // Any other line at column 0 inside a section's elements is a YAML error (a tab, a stray word
      // typed at the margin), which stays in the element it interrupts: the next element is still
      // cut. A line that ends the section after all (a quoted key) makes its part fail, and the
      // whole parse take over. So does a document marker there, unless YAML finds an error around
      // it (see parseSlice). A `---` opening the file is common and harmless; any other marker
      // starts or ends a document, which the cuts do not follow.
      if (section?.indent && section.indent > 0) continue;
      const marker = DOCUMENT_MARKER.exec(text.slice(line, line + 4));
      if (marker && (line > 0 || marker[1] === '...')) return undefined;
      section = interrupted = undefined;
      scalarKey = false;
      continue;
    }
    // A key typed at column 0 among services (`9:`, `AM: team-4`, `ulimits:` a level too far left)
    // ends them for YAML, which cannot read the services after it: each would be a part that fails,
    // or, under a key whose lines are deeper, each of their properties a cut. An element line at the
    // services' indentation, where it cannot belong to that key, resumes them.
    if (key && interrupted && indent === interrupted.indent && (section ? isDeeper(section, interrupted) : scalarKey)) {
      cuts.push({ offset: line, colonEnd: key.colonEnd, section: interrupted.key, resumes: interrupting });
      section = interrupted;
      interrupted = undefined;
      continue;
    }
    if (!section) continue;
    // The first line under a section key fixes its elements' indentation.
    section.indent ??= key ? indent : -1;
    if (key && indent === section.indent) cuts.push({ offset: line, colonEnd: key.colonEnd, section: section.key });
  }
  return cuts;
}

/**
 * Where the quoted string that is a key's value ends (after its closing quote): -1 when the value is
 * not quoted or never closes. Escapes as YAML 1.2 reads them: `\"` in double quotes ([107]
 * nb-double-char), `''` in single quotes ([117] c-quoted-quote).
 */
function quotedValueEnd(text: string, colonEnd: number): number {
  QUOTE.lastIndex = colonEnd;
  const quote = QUOTE.exec(text)?.[1];
  if (!quote) return -1;
  for (let from = QUOTE.lastIndex; ; ) {
    const at = text.indexOf(quote, from);
    if (at < 0) return -1;
    if (quote === '"' && escaped(text, at)) from = at + 1;
    else if (quote === "'" && text[at + 1] === "'") from = at + 2;
    else return at + 1;
  }
}

// The opening quote of a quoted value.
const QUOTE = /[ \t]*(["'])/y;

/** True when the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

/** True when a section's lines are deeper than those of the one it interrupted, or are no mapping. */
function isDeeper(section: { indent?: number }, interrupted: { indent: number }): boolean {
  return section.indent !== undefined && (section.indent < 0 || section.indent > interrupted.indent);
}

/** Consecutive pieces of at least `size` characters (but the last), each starting at a cut. */
function piecesOf(text: string, cuts: readonly Cut[], size: number): Part[] {
  const pieces: Part[] = [];
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

function nextLine(text: string, line: number): number {
  const eol = text.indexOf('\n', line);
  return eol < 0 ? text.length : eol + 1;
}
