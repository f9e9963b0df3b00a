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
 * - the element is the last of its section (its end is the section's end);
 * - the old or new block defines an anchor (aliases elsewhere may use it);
 * - the new block alone has a YAML error or is not a single entry with the same key.
 * With `confineErrors` (large files, where a full parse takes seconds on every keystroke while an
 * error is open), the block may have YAML errors as long as it still ends with the next key: the
 * errors are reported in the block and the rest is kept, errors elsewhere included (see pieces.ts).
 */
import { isMap, isPair, isScalar, visit, type Node as YamlNode } from 'yaml';
import { aliasNodesUsed, parseSlice, type ParsedYaml, type YamlDocument } from './parse';
import { aliasBudget, entryOf, expansionCost, hasMergedEntries, keepExpansionCost, type AnchorDefinition, type Entry, type MapNode, type Node, type TreeBudget } from './tree';
import type { Finding, Span } from '../types';
import { isSection } from './sections';
import { shiftEntry, shiftNode, shiftSpan } from './shift';

export interface PreviousParse extends ParsedYaml {
  readonly text: string;
}

export function reparse(previous: PreviousParse, text: string, confineErrors = false): ParsedYaml | undefined {
  if (previous.text === text) return previous;
  const [document] = previous.documents;
  const root = document?.root;
  const sound = previous.syntaxFindings.length === 0 || (confineErrors && previous.confined === true);
  if (!document || !sound || previous.documents.length !== 1 || root?.kind !== 'map' || text.startsWith('%')) return undefined;
  const { start, oldEnd, newEnd } = changedRange(previous.text, text);
  const delta = newEnd - oldEnd;

  const topIndex = lastStartingBefore(root.entries, start);
  const top = root.entries[topIndex];
  const section = top?.value;
  if (!top || !isSection(top.key) || section?.kind !== 'map' || isMerged(root) || isMerged(section)) return undefined;
  const elementIndex = lastStartingBefore(section.entries, start);
  const element = section.entries[elementIndex];
  if (!element || start <= element.keySpan.end) return undefined;
  const blockStart = lineStart(previous.text, element.keySpan.start);
  // The last element's end is also its section's end (and perhaps the file's), which the edit may move.
  const next = section.entries[elementIndex + 1];
  if (!next) return undefined;
  const blockEnd = lineStart(previous.text, next.keySpan.start);
  if (oldEnd >= blockEnd || previous.anchors.some((a) => a.start >= blockStart && a.start < blockEnd)) return undefined;

  const block = text.slice(blockStart, blockEnd + delta);
  const indent = element.keySpan.start - blockStart;
  if (!/^ *$/.test(previous.text.slice(blockStart, element.keySpan.start)) || !staysInside(block, indent)) return undefined;
  // The next sibling's key follows the block, so that YAML ends the element where it would in the file.
  const sentinel = text.slice(blockEnd + delta, next.keySpan.end + delta) + ':';
  const sentinelStart = block.length + next.keySpan.start - blockEnd;
  // The file's alias budget, less what the rest of the file expands: a block that exceeds it makes the
  // full parse (which reports the limit where a fresh parse would) take over.
  const budget = aliasBudget(previous.aliasNodes - expansionCost(element.value));
  const parsed = parseBlock(block + sentinel, blockStart, { key: element.key, sentinelStart }, previous.anchors, budget);
  if (!parsed || (parsed.findings.length > 0 && !confineErrors)) return undefined;
  const { entry } = parsed;

  const shift = (span: Span): Span => shiftSpan(span, oldEnd, delta);
  const kept = keptFindings(previous.syntaxFindings, { start: blockStart, end: blockEnd }, element.keySpan, shift);
  if (!kept) return undefined;
  const elements = section.entries.map((e, i) => (i < elementIndex ? e : i === elementIndex ? entry : shiftElement(e, oldEnd, delta)));
  const newSection: MapNode = { ...section, span: shift(section.span), entries: elements };
  const entries = root.entries.map((e, i): Entry => {
    if (i < topIndex) return e;
    if (i === topIndex) return { ...e, value: newSection };
    return isSection(e.key) && e.value.kind === 'map' ? shiftSection(e, oldEnd, delta) : shiftEntry(e, oldEnd, delta);
  });
  const newRoot: MapNode = { ...root, span: shift(root.span), entries };
  const documents: YamlDocument[] = [{ root: newRoot, span: shift(document.span) }];
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
    if (inside && !(finding.code === 'duplicate-key' && start === elementKey.start)) continue;
    if (!inside && start < block.end && end > block.start) return undefined;
    kept.push({ ...finding, span: shift(finding.span) });
  }
  return kept;
}

/**
 * The identity of a node's content: the same token for an element that an edit only moved. A token
 * rather than the first node itself, so that old versions of the tree can be freed.
 */
export function contentIdentity(node: Node): object {
  let identity = identities.get(node);
  if (!identity) {
    identity = {};
    identities.set(node, identity);
  }
  return identity;
}

const identities = new WeakMap<Node, object>();

/**
 * The smallest old range [start, oldEnd) that became new range [start, newEnd). The common prefix and
 * suffix are first compared a chunk at a time (string equality runs in native code, about ten times faster
 * than a loop over characters in a file of megabytes), then character by character in the chunk that differs.
 */
function changedRange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = shorter - start;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const CHUNK = 4096;

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

/**
 * The block parsed on its own: its entry and the YAML errors and repeated keys in it, or undefined
 * when it is not exactly that entry plus the sentinel key.
 */
function parseBlock(block: string, base: number, expected: { key: string; sentinelStart: number }, anchors: readonly AnchorDefinition[], budget: TreeBudget): { entry: Entry; findings: Finding[] } | undefined {
  const outerAnchor = (name: string): Node | undefined => {
    for (let i = anchors.length - 1; i >= 0; i--) if (anchors[i]!.name === name && anchors[i]!.start < base) return anchors[i]!.node;
    return undefined;
  };
  const sentinelStart = base + expected.sentinelStart;
  const slice = parseSlice(block, base, { start: base, end: sentinelStart }, sentinelStart, { budget, outerAnchor });
  if (!slice) return undefined;
  const { doc, root, findings } = slice;
  if (!isMap(doc.contents) || doc.contents.items.length !== 2) return undefined;
  const [pair, sentinel] = doc.contents.items;
  if (!isPair(pair) || !isScalar(pair.key) || String(pair.key.value) !== expected.key) return undefined;
  if (!isPair(sentinel) || !isScalar(sentinel.key) || sentinel.key.range?.[0] !== expected.sentinelStart) return undefined;
  let definesAnchor = false;
  visit(doc.contents as YamlNode, {
    Node(_key, node) {
      if (!node.anchor) return undefined;
      definesAnchor = true;
      return visit.BREAK;
    },
  });
  if (definesAnchor) return undefined;
  const entry = root.entries[0];
  return entry && { entry: entryOf(entry.key, entry.keySpan, entry.value, undefined), findings };
}

function shiftSection(top: Entry, at: number, delta: number): Entry {
  const section = top.value as MapNode;
  const elements = section.entries.map((e) => shiftElement(e, at, delta));
  const value: MapNode = { ...section, span: shiftSpan(section.span, at, delta), entries: elements };
  return { ...top, keySpan: shiftSpan(top.keySpan, at, delta), value };
}

/** Shifts an element and remembers that its content is the old element's. */
function shiftElement(element: Entry, at: number, delta: number): Entry {
  const shifted = shiftEntry(element, at, delta);
  identities.set(shifted.value, contentIdentity(element.value));
  keepExpansionCost(element.value, shifted.value);
  return shifted;
}
