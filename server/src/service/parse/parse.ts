/** Text -> resolved YAML trees plus syntax findings. Never throws, whatever the input. */
import { COMPOSE_FILE_DOCS } from '../facts/composeFileDocs';
import { parseAllDocuments, type YAMLError } from 'yaml';
import type { Finding, Span } from '../types';
import { readSimpleYaml, type ParsedDocument } from './simpleYaml';
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
const YAML_SPEC = 'https://yaml.org/spec/1.2.2/';
const TOO_DEEP = 'Nesting is too deep to read here (thousands of levels); Compose files nest a few levels.';

/**
 * Larger texts are not parsed: they would take many seconds and hundreds of MB. The largest real
 * Compose files are a few hundred kB; a generated 5,000-service file is 5 MB.
 */
export const MAX_TEXT_LENGTH = 10_000_000;

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
  const syntaxFindings: Finding[] = [];
  const documents: YamlDocument[] = [];
  const budget = aliasBudget();
  const anchors: AnchorDefinition[] = [];
  for (const doc of read) {
    for (const error of doc.errors) syntaxFindings.push(yamlErrorFinding(error, { start: 0, end: text.length }, 0));
    const root = buildTree(doc, text, { budget, anchors, onDuplicateKey: (key, span) => syntaxFindings.push(duplicateKeyFinding(key, span)), onBadMerge: (span) => syntaxFindings.push(badMergeFinding(span)) });
    const range = doc.range;
    documents.push({ root, span: { start: range[0], end: range[2] } });
  }
  if (budget.exhaustedAt) syntaxFindings.push(aliasLimitFinding(budget.exhaustedAt));
  if (budget.tooDeepAt) syntaxFindings.push({ code: 'yaml-syntax', severity: 'error', message: TOO_DEEP, span: { start: budget.tooDeepAt.start, end: budget.tooDeepAt.start }, docUrl: YAML_SPEC });
  return { documents, syntaxFindings, anchors, aliasNodes: aliasNodesUsed(budget) };
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

/**
 * A slice of the file parsed on its own (a piece, or one re-parsed element): `source` holds it at
 * `base`, followed by a sentinel key at `sentinelStart` (a file offset) so that YAML ends the slice's
 * last value where it ends in the file. Its YAML errors are placed inside `range`, and keys written
 * twice are reported, but for the sentinel: it is reported where the file holds it. Undefined unless
 * the source is one document whose root is a mapping, within the alias budget.
 */
export function parseSlice(
  source: string,
  base: number,
  range: Span,
  sentinelStart: number | undefined,
  tree: Omit<TreeContext, 'base' | 'onDuplicateKey' | 'onBadMerge'>,
): { readonly doc: ParsedDocument; readonly root: MapNode; readonly findings: Finding[] } | undefined {
  const docs = readDocuments(source);
  const doc = docs?.length === 1 ? docs[0]! : undefined;
  if (!doc) return undefined;
  const findings = doc.errors.map((error) => yamlErrorFinding(error, range, base));
  const onDuplicateKey = (key: string, span: Span): void => {
    if (span.start !== sentinelStart) findings.push(duplicateKeyFinding(key, span));
  };
  const root = buildTree(doc, source, { ...tree, base, onDuplicateKey, onBadMerge: (span) => findings.push(badMergeFinding(span)) });
  return tree.budget.exhaustedAt || tree.budget.tooDeepAt || root?.kind !== 'map' ? undefined : { doc, root, findings };
}

/**
 * The text's YAML documents: read by the fast reader when it takes the text, by `yaml` otherwise;
 * undefined when `yaml` runs out of stack (its parser recurses once per level of nesting, and an
 * unclosed `{` before 2,000 services nests every later line one level deeper).
 */
function readDocuments(written: string): readonly ParsedDocument[] | undefined {
  const text = lineFeedsForLoneCRs(written);
  const simple = readSimpleYaml(text);
  if (simple) return [simple];
  try {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    return Array.isArray(docs) ? docs : [];
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
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
