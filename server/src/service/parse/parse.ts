/** Text -> resolved YAML trees plus syntax findings. Never throws, whatever the input. */
import { COMPOSE_FILE_DOCS } from '../facts/composeFileDocs';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type YAMLError } from 'yaml';
import type { Finding, Span } from '../types';
import { readSimpleYaml, type ParsedDocument } from './simpleYaml';
import { append } from '../append';
import { aliasBudget, buildTree, MAX_ALIAS_NODES, type AnchorDefinition, type MapNode, type Node, type TreeBudget, type TreeContext } from './tree';

export interface YamlDocument {
  /** The document's root value; undefined for an empty document. */
  readonly root: Node | undefined;
  readonly span: Span;
}

export interface ParsedYaml {
  readonly documents: readonly YamlDocument[];
  /** YAML syntax errors, duplicate keys and alias-expansion limits, as findings. */
  readonly syntaxFindings: readonly Finding[];
  /** Every anchor definition, in document order. */
  readonly anchors: readonly AnchorDefinition[];
  /** Nodes alias expansion created in the whole file (counted against MAX_ALIAS_NODES). */
  readonly aliasNodes: number;
  /**
   * True when every YAML error is known to stay inside the piece or element it was found in (both
   * were parsed on their own between two keys YAML cannot run past), so the rest of the tree is
   * sound and one element may be re-parsed alone. A whole-text parse with errors cannot tell.
   */
  readonly confined?: boolean;
}

export const YAML_OPTIONS = {
  prettyErrors: false,
  // Duplicate keys are found by the tree builder: `yaml`'s own check is quadratic in the map size.
  uniqueKeys: false,
  strict: false,
  intAsBigInt: false,
} as const;
export const YAML_SPEC = 'https://yaml.org/spec/1.2.2/';
const TOO_DEEP = 'Nesting is too deep to read here (thousands of levels); Compose files nest a few levels.';

/**
 * Larger texts are not parsed: they would take many seconds and well over a GB. The largest real
 * Compose files are a few hundred kB; a generated 20,000-service file (the benchmark's largest) is 19.5
 * million characters and opens in under 10 s.
 */
export const MAX_TEXT_LENGTH = 32_000_000;

export function parseYaml(text: string): ParsedYaml {
  if (text.length > MAX_TEXT_LENGTH) {
    const message = `The file has ${(text.length / 1e6).toFixed(1)} million characters; files over ${MAX_TEXT_LENGTH / 1e6} million are not checked.`;
    return { documents: [], anchors: [], aliasNodes: 0, syntaxFindings: [{ code: 'yaml-too-large', severity: 'error', message, span: { start: 0, end: 0 } }] };
  }
  const read = readDocuments(text);
  if (!read) {
    const finding: Finding = { code: 'yaml-syntax', severity: 'error', message: TOO_DEEP, span: { start: 0, end: 0 }, docUrl: YAML_SPEC };
    return { documents: [], anchors: [], aliasNodes: 0, syntaxFindings: [finding] };
  }
  const openers = runawayFlowOpeners(read, text);
  if (openers.length > 0) return withoutOpeners(text, openers);
  return buildDocuments(text, read);
}

/** The trees and syntax findings of documents `yaml` (or the fast reader) read from `text`. */
function buildDocuments(text: string, read: readonly ParsedDocument[]): ParsedYaml {
  const syntaxFindings: Finding[] = [];
  const documents: YamlDocument[] = [];
  const budget = aliasBudget();
  const anchors: AnchorDefinition[] = [];
  for (const doc of read) {
    for (const error of atOpeningQuotes(doc)) syntaxFindings.push(yamlErrorFinding(error, { start: 0, end: text.length }, 0));
    const root = buildTree(doc, text, { budget, anchors, onDuplicateKey: (key, span) => syntaxFindings.push(duplicateKeyFinding(key, span)), onBadMerge: (span) => syntaxFindings.push(badMergeFinding(span)) });
    const range = doc.range;
    documents.push({ root, span: { start: range[0], end: range[2] } });
  }
  if (budget.exhaustedAt) syntaxFindings.push(aliasLimitFinding(budget.exhaustedAt));
  if (budget.tooDeepAt) syntaxFindings.push({ code: 'yaml-syntax', severity: 'error', message: TOO_DEEP, span: { start: budget.tooDeepAt.start, end: budget.tooDeepAt.start }, docUrl: YAML_SPEC });
  return { documents, syntaxFindings, anchors, aliasNodes: aliasNodesUsed(budget) };
}

/**
 * Where flow collections open that `yaml` found never closed and that swallowed what they cannot hold:
 * a `{` or `[` typed above block content. `yaml` then reads every later line into it, one level deeper
 * each, with an error per line, and anchors inside it swallow the rest of the collection, so that
 * their aliases take the whole alias budget. go-yaml stops at the first error instead (parserc.go
 * yaml_parser_parse_flow_mapping_key, "did not find expected ',' or '}'"). `yaml` reports such a
 * collection where its content ends (compose/resolve-flow-collection.js, "... must end with a }"); one
 * that holds no other error (`ports: [80, 81` above the next key) is left as `yaml` read it.
 */
function runawayFlowOpeners(docs: readonly ParsedDocument[], text: string): number[] {
  const ends = new Set<number>();
  const inner: number[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      if (/end with a [}\]]$/.test(error.message)) ends.add(error.pos[0]);
      else inner.push(error.pos[0]);
    }
  }
  if (ends.size === 0 || inner.length === 0) return [];
  inner.sort((a, b) => a - b);
  const openers: number[] = [];
  // Iterative: the runaway collection nests as deep as the file is long.
  const pending: unknown[] = docs.map((doc) => doc.contents);
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) pending.push(node.key, node.value);
    if (!isMap(node) && !isSeq(node)) continue;
    const range = node.range;
    if (node.flow && range && ends.has(range[1]) && (text[range[0]] === '{' || text[range[0]] === '[') && holdsOne(inner, range[0], range[1])) openers.push(range[0]);
    for (const item of node.items) pending.push(item);
  }
  return openers.sort((a, b) => a - b);
}

/** True when the sorted `offsets` hold one strictly between `start` and `end`. */
function holdsOne(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! <= start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low]! < end;
}

/**
 * The text parsed with its runaway openers read as blanks (same offsets): one finding at each opener,
 * and the rest of the file checked as if it were not there, in the time and memory of a plain parse.
 */
function withoutOpeners(text: string, openers: readonly number[]): ParsedYaml {
  const blanked = blank(text, openers, 1);
  const read = readDocuments(blanked);
  const parsed: ParsedYaml = read ? buildDocuments(blanked, read) : { documents: [], anchors: [], aliasNodes: 0, syntaxFindings: [] };
  return withUnclosedFindings(parsed, text, openers);
}

/** `text` with `width` blanks at each offset: the same offsets, so every span of its parse holds for `text`. */
function blank(text: string, offsets: readonly number[], width: number): string {
  const parts: string[] = [];
  let from = 0;
  for (const at of offsets) {
    parts.push(text.slice(from, at), ' '.repeat(width));
    from = at + width;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** A parse of `text` with its runaway `openers` blanked, with one finding at each of them. */
function withUnclosedFindings(parsed: ParsedYaml, text: string, openers: readonly number[]): ParsedYaml {
  return { ...parsed, syntaxFindings: [...unclosedFindings(text, openers, 0), ...parsed.syntaxFindings] };
}

/** One finding at each runaway opener of `text`, a text parsed at `base`. */
function unclosedFindings(text: string, openers: readonly number[], base: number): Finding[] {
  return openers.map((at): Finding => {
    const message = `This '${text[at]}' is never closed, so YAML reads everything after it into it and Compose refuses the file; the rest is checked here as if it were not there.`;
    return { code: 'yaml-syntax', severity: 'error', message, span: { start: at + base, end: at + base + 1 }, docUrl: YAML_SPEC };
  });
}

/**
 * The document's errors, with a quote that never closes reported at the quote: `yaml` reports it at
 * the end of the text (compose/resolve-flow-scalar.js, "Missing closing \"quote"), which is the end
 * of the file, or of the element that pieces.ts read alone, far from where the person typed it.
 */
function atOpeningQuotes(doc: ParsedDocument): ParsedDocument['errors'] {
  if (!doc.errors.some(isUnclosedQuote)) return doc.errors;
  const quoted = quotedScalarRanges(doc);
  return doc.errors.map((error) => {
    const opening = isUnclosedQuote(error) ? openingQuoteOf(quoted, error.pos[0]) : undefined;
    return opening === undefined ? error : { message: UNCLOSED_QUOTE, pos: [opening, opening + 1] };
  });
}

const UNCLOSED_QUOTE = 'This quote is never closed, so YAML reads what follows it into one string, and Compose refuses the file.';

function isUnclosedQuote(error: { readonly message: string }): boolean {
  return error.message.startsWith('Missing closing');
}

/** The start and end of every quoted scalar of the document, by start. */
function quotedScalarRanges(doc: ParsedDocument): [number, number][] {
  const ranges: [number, number][] = [];
  // Iterative: documents nest as deep as the file allows.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) pending.push(node.key, node.value);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) pending.push(item);
    else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) ranges.push([node.range[0], node.range[1]]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * The start of the quoted scalar that an unclosed-quote error at `at` ends: the last to open before
 * it, found by bisection in `quoted` sorted by start (scalars do not overlap).
 */
function openingQuoteOf(quoted: readonly [number, number][], at: number): number | undefined {
  let low = 0;
  let high = quoted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (quoted[mid]![0] < at) low = mid + 1;
    else high = mid;
  }
  const last = quoted[low - 1];
  return last && last[1] >= at ? last[0] : undefined;
}

/** Nodes a budget from aliasBudget() has handed out. */
export function aliasNodesUsed(budget: TreeBudget): number {
  return MAX_ALIAS_NODES - Math.max(0, budget.remaining);
}

/** go-yaml v3 decode.go: "map merge requires map or sequence of maps as the value". */
function badMergeFinding(span: Span): Finding {
  return { code: 'yaml-merge-invalid', severity: 'error', message: 'A merge key (<<) takes a mapping, an alias of one, or a list of those; Compose and docker stack deploy refuse anything else ("map merge requires map or sequence of maps as the value").', span, docUrl: 'https://yaml.org/type/merge.html' };
}

function aliasLimitFinding(span: Span): Finding {
  const message = `Aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en')} nodes (a "billion laughs" structure); expansion stopped here.`;
  return { code: 'yaml-alias-limit', severity: 'error', message, span, docUrl: YAML_SPEC };
}

/** A slice of the file parsed on its own; `root` is undefined when its root is not a mapping. */
export interface Slice {
  readonly doc: ParsedDocument;
  readonly root: MapNode | undefined;
  readonly findings: Finding[];
}

/**
 * Rounds of reading brackets never closed as blanks in one slice: each round finds those that the
 * previous one left open inside them. A slice with more is left to its caller's fallback.
 */
const MAX_RUNAWAY_ROUNDS = 8;

/**
 * A slice of the file parsed on its own (a piece, an element, or one re-parsed element): `source`
 * holds it at `base`, followed by a sentinel key at `sentinelStart` (a file offset, if any) so that
 * YAML ends the slice's last value where it ends in the file. Its YAML errors are placed inside
 * `range`, and keys written twice are reported, but for the sentinel: it is reported where the file
 * holds it. A `{` or `[` never closed is read as a blank and reported at its place, as the whole
 * parse does (see parseYaml). Undefined unless the source is one document within the alias budget,
 * or with `simpleOnly`, when the fast reader does not take it (it declines any YAML error), so that
 * a caller can try smaller slices before paying for `yaml` on a large one.
 */
export function parseSlice(
  source: string,
  base: number,
  range: Span,
  sentinelStart: number | undefined,
  tree: Omit<TreeContext, 'base' | 'onDuplicateKey' | 'onBadMerge'>,
  simpleOnly = false,
): Slice | undefined {
  let text = source;
  const openers: number[] = [];
  let markers: number[] = [];
  for (let round = 0; ; round++) {
    const docs = readDocuments(text, simpleOnly);
    if (docs && docs.length > 1 && round === 0) {
      markers = strayDocumentMarkers(docs, text);
      if (markers.length === 0) return undefined;
      text = blank(text, markers, 3);
      continue;
    }
    const doc = docs?.length === 1 ? docs[0]! : undefined;
    if (!doc) return undefined;
    const found = runawayFlowOpeners([doc], text);
    if (found.length === 0) return buildSlice(doc, text, { base, range, sentinelStart, tree }, [...markerFindings(source, markers, base), ...unclosedFindings(source, openers, base)]);
    if (round === MAX_RUNAWAY_ROUNDS) return undefined;
    append(openers, found);
    text = blank(text, found, 1);
  }
}

/**
 * The document markers (`---`, `...`) at column 0 inside a slice that YAML read as several
 * documents, when one of them holds an error: typed inside a service, a marker makes the lines below
 * it a second document that YAML cannot read either (they are indented, or hold what was being
 * typed), and a whole parse of a large file would report every later line. Read as blanks, the marker
 * costs one finding and the lines below it stay in their service. Without an error around it, the
 * marker is none of that: the caller parses the whole text, as YAML reads it.
 */
function strayDocumentMarkers(docs: readonly ParsedDocument[], text: string): number[] {
  if (!docs.some((doc) => doc.errors.length > 0)) return [];
  const markers: number[] = [];
  for (const match of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)) if (match.index > 0) markers.push(match.index);
  return markers;
}

/** One finding at each stray document marker of `text`, a text parsed at `base`. */
function markerFindings(text: string, markers: readonly number[], base: number): Finding[] {
  return markers.map((at): Finding => {
    const marker = text.slice(at, at + 3);
    const does = marker === '---' ? 'starts a new YAML document' : 'ends the YAML document';
    const message = `'${marker}' at column 0 ${does} in the middle of this mapping, so YAML reads the lines below it apart from it and Compose refuses the file; the rest is checked here as if it were not there.`;
    return { code: 'yaml-syntax', severity: 'error', message, span: { start: at + base, end: at + base + 3 }, docUrl: YAML_SPEC };
  });
}

function buildSlice(
  doc: ParsedDocument,
  source: string,
  at: { base: number; range: Span; sentinelStart: number | undefined; tree: Omit<TreeContext, 'base' | 'onDuplicateKey' | 'onBadMerge'> },
  findings: Finding[],
): Slice | undefined {
  const { base, range, sentinelStart, tree } = at;
  for (const error of atOpeningQuotes(doc)) findings.push(yamlErrorFinding(error, range, base));
  const onDuplicateKey = (key: string, span: Span): void => {
    if (span.start !== sentinelStart) findings.push(duplicateKeyFinding(key, span));
  };
  const root = buildTree(doc, source, { ...tree, base, onDuplicateKey, onBadMerge: (span) => findings.push(badMergeFinding(span)) });
  if (tree.budget.exhaustedAt || tree.budget.tooDeepAt) return undefined;
  return { doc, root: root?.kind === 'map' ? root : undefined, findings };
}

/**
 * The text's YAML documents: read by the fast reader when it takes the text, by `yaml` otherwise;
 * undefined when only the fast reader may read it and it declines, or when `yaml` runs out of stack
 * (its parser recurses once per level of nesting, and an unclosed `{` before 2,000 services nests
 * every later line one level deeper).
 */
function readDocuments(written: string, simpleOnly = false): readonly ParsedDocument[] | undefined {
  const text = lineFeedsForLoneCRs(written);
  const simple = readSimpleYaml(text);
  if (simple) return [simple];
  if (simpleOnly) return undefined;
  // `yaml` reports each error as an Error, whose stack trace is never read: in a broken file of
  // tens of thousands of errors, capturing the traces took a third of the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    return Array.isArray(docs) ? docs : [];
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * A carriage return not followed by a line feed ends a line in YAML 1.2 ([28] b-break), in go-yaml
 * (yamlprivateh.go is_break) and in LSP positions, as in the line index; the `yaml` package reads it as
 * a space, which put a whole file on one line. A line feed in its place has the same offset, so every
 * span holds; scalars get the line feed go-yaml turns every line break into.
 */
function lineFeedsForLoneCRs(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

export function duplicateKeyFinding(key: string, span: Span): Finding {
  return {
    code: 'duplicate-key',
    severity: 'error',
    message: `Duplicate key '${key}': Compose rejects a mapping that defines the same key twice.`,
    span,
    docUrl: COMPOSE_FILE_DOCS,
  };
}

/** A YAML error of a text parsed at `base`, placed inside `range` (the part of the file that text holds). */
export function yamlErrorFinding(error: Pick<YAMLError, 'pos' | 'message'>, range: Span, base: number): Finding {
  const start = Math.max(range.start, Math.min(error.pos[0] + base, range.end));
  const end = Math.max(start, Math.min(error.pos[1] + base, range.end));
  // The yaml package reports running out of stack on absurdly deep nesting as an ordinary error.
  const message = /call stack/i.test(error.message) ? TOO_DEEP : firstLine(error.message);
  return { code: 'yaml-syntax', severity: 'error', message, span: { start, end }, docUrl: YAML_SPEC };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends " at line N, column M"; editors show positions themselves.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
