/**
 * Re-parses only the element an edit touched (one service, network, volume, secret or config), so a
 * keystroke in a 5,000-service file costs one small YAML parse instead of a full one. YAML's indentation
 * makes the element's block easy to delimit: from its key's line to the next sibling key's line. The
 * rest of the tree is reused: elements before the edit as they are, elements after it shifted by the
 * length difference (cheap: no YAML parsing). Whenever the edit might change more than that block, it
 * answers undefined and the caller parses the whole text, which is always correct:
 * - the previous version had syntax errors (unless they are confined, see below), several documents,
 *   directives, or merged/aliased sections;
 * - the edit touches a key, crosses a block boundary, or leaves a line indented at the element's level;
 * - the edit in a section's last element reaches the next top-level key, or leaves the element
 *   with a line at its indentation or less, or the block has a YAML error;
 * - the old or new block defines an anchor (aliases elsewhere may use it);
 * - the new block alone has a YAML error or is not a single entry with the same key.
 * With `confineErrors` (large files, where a full parse takes seconds on every keystroke while an
 * error is open), the block is parsed exactly as pieces.ts parses an element, and may have YAML errors:
 * one that runs past the next key (an open quote) is read in the block alone, and a line that leaves
 * the element (a tab, a word at column 0) stays in it unless it is a key that starts another part. The
 * errors are reported in the block and the rest is kept, errors elsewhere included, as a fresh parse in
 * pieces would have them.
 */
import { aliasNodesUsed, parseSlice, type ParsedYaml, type YamlDocument } from './parse';
import { aliasBudget, entryOf, expansionCost, hasMergedEntries, keepExpansionCost, type AnchorDefinition, type Entry, type MapNode, type Node, type TreeBudget } from './tree';
import type { Finding, Span } from '../types';
import { isSection } from './sections';
import { keyAt, unitRange } from './pieceAssembly';
import { changedRange, type TextChange } from './textChange';
import { shiftEntry, shiftNode, shiftNodeLazily, shiftSpan } from './shift';

export interface PreviousParse extends ParsedYaml {
  readonly text: string;
}

/** `change` is where `text` differs from the previous text (textChange.ts), when the caller has it. */
export function reparse(previous: PreviousParse, text: string, confineErrors = false, change?: TextChange): ParsedYaml | undefined {
  if (previous.text === text) return previous;
  const [document] = previous.documents;
  const root = document?.root;
  const sound = previous.syntaxFindings.length === 0 || (confineErrors && previous.confined === true);
  if (!document || !sound || previous.documents.length !== 1 || root?.kind !== 'map' || text.startsWith('%')) return undefined;
  const { start, oldEnd, newEnd } = change ?? changedRange(previous.text, text);
  const delta = newEnd - oldEnd;

  const topIndex = sectionAt(root.entries, start);
  const top = root.entries[topIndex];
  const section = top?.value;
  if (!top || !isSection(top.key) || section?.kind !== 'map' || isMerged(root) || isMerged(section)) return undefined;
  const elementIndex = lastStartingBefore(section.entries, start);
  const element = section.entries[elementIndex];
  if (!element || start <= element.keySpan.end) return undefined;
  const blockStart = lineStart(previous.text, element.keySpan.start);
  const next = section.entries[elementIndex + 1];
  // The last element of a section runs to the next top-level key or to the end of the file: typing in
  // the last service (where new services are written) must not cost a whole parse.
  const nextTop = next ? undefined : root.entries[topIndex + 1];
  if (nextTop && nextTop.keySpan.start < element.keySpan.start) return undefined; // a key typed at column 0 among the elements
  const atEnd = !next && !nextTop;
  const blockEnd = next ? lineStart(previous.text, next.keySpan.start) : nextTop ? lineStart(previous.text, nextTop.keySpan.start) : previous.text.length;
  if (oldEnd > blockEnd || (oldEnd === blockEnd && !atEnd) || previous.anchors.some((a) => a.start >= blockStart && a.start < blockEnd)) return undefined;
  // A key at column 0 inside the block (after which pieces.ts resumed the section) is no element's.
  const lastTop = lastStartingBefore(root.entries, blockEnd - 1);
  if (lastTop !== topIndex && root.entries[lastTop]!.keySpan.start >= blockStart) return undefined;

  const block = text.slice(blockStart, blockEnd + delta);
  const indent = element.keySpan.start - blockStart;
  if (!/^ *$/.test(previous.text.slice(blockStart, element.keySpan.start))) return undefined;
  // A line that leaves the element is a YAML error pieces.ts keeps in the element, unless it starts another part.
  // After the last element such a line may start a section of its own: a whole parse decides.
  if (!staysInside(block, indent) && (!confineErrors || !next || startsAnother(block, indent))) return undefined;
  // The block is parsed exactly as pieces.ts parses an element: under its section's key line, followed
  // by the next sibling's key line (or the next top-level key), so that YAML ends the element where it
  // would in the file.
  const nextLine = blockEnd + delta;
  const nextKey = keyAt(text, nextLine);
  const following = next ?? nextTop;
  if (nextTop && nextKey?.key !== nextTop.key) return undefined;
  const unit: Unit = {
    header: `${top.key}:\n`,
    block,
    start: blockStart,
    sentinel: !following ? '' : nextKey ? text.slice(nextLine, nextKey.colonEnd) : `${text.slice(nextLine, following.keySpan.end + delta)}:`,
    sentinelStart: following && following.keySpan.start + delta,
    last: !next,
    key: element.keySpan,
  };
  // The file's alias budget, less what the rest of the file expands: a block that exceeds it makes the
  // full parse (which reports the limit where a fresh parse would) take over.
  const budgetLeft = (): TreeBudget => aliasBudget(previous.aliasNodes - expansionCost(element.value));
  let budget = budgetLeft();
  let parsed = parseBlock(unit, previous.anchors, budget, false);
  if (parsed === 'ran-on' && confineErrors && next) parsed = parseBlock(unit, previous.anchors, (budget = budgetLeft()), true);
  if (!parsed || parsed === 'ran-on' || (parsed.findings.length > 0 && (!confineErrors || !next))) return undefined;
  // pieces.ts cuts elements only at plain keys, so only an element between two of them keeps an error as a fresh parse does.
  if (parsed.findings.length > 0 && (nextKey?.key !== next!.key || keyAt(text, blockStart)?.key !== element.key || !isCutSection(previous.text, top, section))) return undefined;
  const { entry, ends } = parsed;
  // A colon typed right after the key makes another key, which the section's index must learn from a whole parse.
  if (entry.key !== element.key) return undefined;

  const shift = (span: Span): Span => shiftSpan(span, oldEnd, delta);
  const kept = keptFindings(previous.syntaxFindings, { start: blockStart, end: blockEnd }, element.keySpan, shift);
  if (!kept) return undefined;
  const elements = section.entries.map((e, i) => (i < elementIndex ? e : i === elementIndex ? entry : shiftElement(e, oldEnd, delta)));
  // The last element's end is its section's (and at the end of the file, the file's): as the block reads them.
  const newSection: MapNode = { ...section, span: ends ? { start: section.span.start, end: ends.section } : shift(section.span), entries: elements };
  const entries = root.entries.map((e, i): Entry => {
    if (i < topIndex) return e;
    if (i === topIndex) return { ...e, value: newSection };
    return isSection(e.key) && e.value.kind === 'map' ? shiftSection(e, oldEnd, delta) : shiftTopLevel(e, oldEnd, delta);
  });
  const newRoot: MapNode = { ...root, span: ends && atEnd ? { start: root.span.start, end: ends.root } : shift(root.span), entries };
  const documents: YamlDocument[] = [{ root: newRoot, span: ends && atEnd ? { start: document.span.start, end: ends.document } : shift(document.span) }];
  const anchors = previous.anchors.map((a) => (a.start < blockStart ? a : { name: a.name, start: a.start + delta, node: shiftNode(a.node, oldEnd, delta) }));
  return { documents, syntaxFindings: [...kept, ...parsed.findings], anchors, aliasNodes: aliasNodesUsed(budget), confined: true };
}

/**
 * The previous version's findings outside the re-parsed block (moved by the edit), and a repeated
 * element key at its start, which re-parsing the block alone cannot see; undefined when a finding
 * reaches across the block's boundary.
 */
function keptFindings(findings: readonly Finding[], block: Span, elementKey: Span, shift: (span: Span) => Span): Finding[] | undefined {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const { start, end } = finding.span;
    const inside = start >= block.start && end <= block.end;
    // An error at the element's key that re-parsing the block alone cannot see (a section resumed
    // there, see pieces.ts) is left to a fresh parse.
    if (inside && start === elementKey.start && finding.code !== 'duplicate-key') return undefined;
    // What is left at the element's key is a repeat of it, which stays.
    if (inside && start !== elementKey.start) continue;
    if (!inside && start < block.end && end > block.start) return undefined;
    kept.push({ ...finding, span: shift(finding.span) });
  }
  return kept;
}

/**
 * The identity of a node's content: the same token for an element that an edit only moved. A token
 * rather than the first node itself, so that old versions of the tree can be freed.
 */
export function contentIdentity(node: Node): ContentIdentity {
  let identity = identities.get(node);
  if (!identity) {
    identity = new ContentIdentity();
    identities.set(node, identity);
  }
  return identity;
}

export class ContentIdentity {
  /**
   * What each element cache (elementCache.ts) found in this content, at the cache's slot: one array
   * read instead of a WeakMap lookup per cache, for each of 5,000 services on every keystroke.
   */
  readonly kept: unknown[] = [];
}

const identities = new WeakMap<Node, ContentIdentity>();

/** Index of the last entry whose key line starts at or before `offset` (entries are in source order). */
function lastStartingBefore(entries: readonly Entry[], offset: number): number {
  let low = -1;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid]!.keySpan.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Index of the top-level entry the offset lies in: the last one starting before it, or, where that
 * is a key typed at column 0 among the services (pieces.ts reads the services after it as services),
 * the section whose elements go on after it.
 */
function sectionAt(entries: readonly Entry[], offset: number): number {
  const last = lastStartingBefore(entries, offset);
  if (last < 0 || isSection(entries[last]!.key)) return last;
  for (let i = last - 1; i >= 0; i--) {
    const { key, value } = entries[i]!;
    if (isSection(key) && value.span.start <= offset && offset < value.span.end) return i;
  }
  return last;
}

function isMerged(map: MapNode): boolean {
  return map.via !== undefined || hasMergedEntries(map);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** True when every line after the first is blank, a comment, or indented deeper than the element key. */
function staysInside(block: string, indent: number): boolean {
  for (let lineAt = block.indexOf('\n') + 1; lineAt > 0 && lineAt < block.length; lineAt = block.indexOf('\n', lineAt) + 1) {
    let column = lineAt;
    while (block.charCodeAt(column) === 32) column++;
    const ch = block.charCodeAt(column);
    if (ch === 10 || ch === 13 || ch === 35 /* # */ || Number.isNaN(ch)) continue;
    if (ch === 9 /* tab */ || column - lineAt <= indent) return false;
  }
  return true;
}

/** An element's block in the new text, and what pieces.ts parses around it. */
interface Unit {
  /** The section's key line. */
  readonly header: string;
  readonly block: string;
  /** Where the block starts in the file. */
  readonly start: number;
  /** The next sibling's key line (or the next top-level key's), up to its colon, and where its key starts in the file; none at the end of the file. */
  readonly sentinel: string;
  readonly sentinelStart: number | undefined;
  /** The element is its section's last: the sentinel, if any, is a top-level key. */
  readonly last: boolean;
  /** The element's key, which the edit did not touch. */
  readonly key: Span;
}

/**
 * The block parsed on its own: its entry and the YAML errors and repeated keys in it; 'ran-on' when a
 * YAML error ran past its sentinel; undefined when it is not exactly that entry plus the sentinel key,
 * or defines an anchor (aliases elsewhere may use it). `alone` parses it without the sentinel, for
 * an error that ran on, and keeps the element's entry as pieces.ts does.
 */
function parseBlock(unit: Unit, anchors: readonly AnchorDefinition[], budget: TreeBudget, alone: boolean): Block | 'ran-on' | undefined {
  const base = unit.start - unit.header.length;
  const outerAnchor = (name: string): Node | undefined => anchorBefore(anchors, name, base);
  const defined: AnchorDefinition[] = [];
  const sentinelStart = alone ? undefined : unit.sentinelStart;
  const source = unit.header + unit.block + (alone ? '' : unit.sentinel);
  const slice = parseSlice(source, base, unitRange({ start: unit.start, end: unit.start + unit.block.length }, alone), sentinelStart, { budget, outerAnchor, anchors: defined });
  if (!slice || defined.length > 0) return undefined;
  const { root, findings } = slice;
  const [top, ...rest] = root?.entries ?? [];
  const entries = top?.value.kind === 'map' && top.value.tag === undefined && top.value.via === undefined && root?.tag === undefined ? top.value.entries : [];
  const [entry, sentinel] = entries;
  const hasError = findings.some((f) => f.code === 'yaml-syntax');
  // Read alone without an error, the block is valid YAML that only the sentinel broke (see pieces.ts).
  if (alone && !hasError) return undefined;
  if (unit.last) {
    // The sentinel is the next top-level key, or nothing at the end of the file.
    const [after, ...more] = rest;
    const ends = sentinelStart === undefined ? more.length === 0 && after === undefined : after?.keySpan.start === sentinelStart && more.length === 0;
    if (!ends || entry?.keySpan.start !== unit.key.start || entries.length !== 1 || entry.via !== undefined || hasError) return undefined;
    return { entry: entryOf(entry.key, entry.keySpan, entry.value, undefined), findings, ends: { section: top!.value.span.end, root: root!.span.end, document: slice.doc.range[2] + base } };
  }
  const fits = entry?.keySpan.start === unit.key.start && (alone || (rest.length === 0 && sentinel?.keySpan.start === sentinelStart));
  if (fits && (alone || entries.length === 2) && entry.via === undefined) return { entry: entryOf(entry.key, entry.keySpan, entry.value, undefined), findings };
  return !fits && !alone && hasError ? 'ran-on' : undefined;
}

interface Block {
  readonly entry: Entry;
  readonly findings: Finding[];
  /** For a section's last element: where the block ends its section, the root mapping and the document. */
  readonly ends?: { readonly section: number; readonly root: number; readonly document: number };
}

/** The node of the last anchor `name` defined before `offset`. */
function anchorBefore(anchors: readonly AnchorDefinition[], name: string, offset: number): Node | undefined {
  for (let i = anchors.length - 1; i >= 0; i--) if (anchors[i]!.name === name && anchors[i]!.start < offset) return anchors[i]!.node;
  return undefined;
}

/**
 * True when a line of the block would start a part of its own in pieces.ts (a plain key at column 0
 * or at the element's indentation), so that the block is no longer one element there.
 */
function startsAnother(block: string, indent: number): boolean {
  for (let lineAt = block.indexOf('\n') + 1; lineAt > 0 && lineAt < block.length; lineAt = block.indexOf('\n', lineAt) + 1) {
    let column = lineAt;
    while (block.charCodeAt(column) === 32) column++;
    if ((column === lineAt || column - lineAt === indent) && keyAt(block, lineAt)) return true;
  }
  return false;
}

/** True when pieces.ts cuts this section's elements: a plain key at column 0, its elements at their indentation. */
function isCutSection(text: string, top: Entry, section: MapNode): boolean {
  const first = section.entries[0];
  const line = lineStart(text, top.keySpan.start);
  return line === top.keySpan.start && keyAt(text, line)?.key === top.key && first !== undefined && keyAt(text, lineStart(text, first.keySpan.start))?.key === first.key;
}

function shiftSection(top: Entry, at: number, delta: number): Entry {
  const section = top.value as MapNode;
  const elements = section.entries.map((e) => shiftElement(e, at, delta));
  const value: MapNode = { ...section, span: shiftSpan(section.span, at, delta), entries: elements };
  return { ...top, keySpan: shiftSpan(top.keySpan, at, delta), value };
}

/** Shifts a top-level entry that is not a section and remembers that its content is the old entry's. */
function shiftTopLevel(entry: Entry, at: number, delta: number): Entry {
  const shifted = shiftEntry(entry, at, delta);
  identities.set(shifted.value, contentIdentity(entry.value));
  return shifted;
}

/**
 * Shifts an element and remembers that its content is the old element's. Its tree is copied when first
 * read (shift.ts): checks look up what they found in an unchanged element by its content identity.
 */
function shiftElement(element: Entry, at: number, delta: number): Entry {
  const value = shiftNodeLazily(element.value, at, delta);
  const shifted = entryOf(element.key, shiftSpan(element.keySpan, at, delta), value, element.via && shiftSpan(element.via, at, delta));
  identities.set(shifted.value, contentIdentity(element.value));
  keepExpansionCost(element.value, shifted.value);
  return shifted;
}
