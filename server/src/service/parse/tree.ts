/**
 * A compact, resolved view of a YAML document: aliases and merge keys (`<<: *x`) are expanded, and every
 * node keeps the span where it is written plus, when it arrived through an alias or a merge key, the span
 * where it is used (`via`). Analyses read this tree only; the `yaml` package's own objects are dropped
 * after parsing to keep memory small on large files.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';
import type { ParsedDocument } from './simpleYaml';
import { parseInterpolation, type Interpolation } from './interpolation';
import { append } from '../append';

/**
 * Every node of a kind has the same properties in the same order (absent ones undefined), made by
 * the factories below: V8 then gives them one shape, and copying the tree after an edit is faster.
 */
interface NodeBase {
  /** Where the value is written. */
  readonly span: Span;
  /** Where the value is used, when that differs from where it is written (alias or merge key). */
  readonly via: Span | undefined;
  /** A custom tag such as Compose's `!reset` or `!override`. */
  readonly tag: string | undefined;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly Entry[];
  /**
   * Position in `entries` of the entry each key resolves to (YAML duplicates are reported separately).
   * Positions rather than entries, so that a copy of the map with moved entries shares it.
   */
  readonly index: ReadonlyMap<string, number>;
}

export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Node;
  /** Span of the `<<` key (or the alias after it) that brought this entry in. */
  readonly via: Span | undefined;
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly Node[];
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  /** The YAML 1.2 core-schema value; null for an empty value. */
  readonly value: string | number | boolean | null;
  /** The source text of the scalar (without quotes for quoted styles it is the raw text still). */
  readonly raw: string;
  readonly style: ScalarStyle;
  /** Set when a string value contains `$` interpolation. */
  readonly interpolation: Interpolation | undefined;
}

export type Node = MapNode | SeqNode | ScalarNode;

export function mapNode(span: Span, via: Span | undefined, tag: string | undefined, entries: readonly Entry[], index: ReadonlyMap<string, number>): MapNode {
  return { kind: 'map', span, via, tag, entries, index };
}

export function seqNode(span: Span, via: Span | undefined, tag: string | undefined, items: readonly Node[]): SeqNode {
  return { kind: 'seq', span, via, tag, items };
}

export function scalarNode(span: Span, via: Span | undefined, tag: string | undefined, value: ScalarNode['value'], raw: string, style: ScalarStyle, interpolation: Interpolation | undefined): ScalarNode {
  return { kind: 'scalar', span, via, tag, value, raw, style, interpolation };
}

export function entryOf(key: string, keySpan: Span, value: Node, via: Span | undefined): Entry {
  return { key, keySpan, value, via };
}

export interface TreeBudget {
  /**
   * Nodes that alias expansion may still create; expansion beyond it is cut off (YAML "billion
   * laughs"). Nodes written in the text do not count: the text's length bounds them.
   */
  remaining: number;
  exhaustedAt?: Span;
  /** Where nesting first went deeper than MAX_TREE_DEPTH (what lies below is left out). */
  tooDeepAt?: Span;
}

/**
 * Levels of nesting the tree keeps. The builder recurses once per level, and an unclosed `{` early in
 * a large file makes `yaml` nest every later line one level deeper: unbounded, that overflowed the
 * stack and broke "parsing never throws". Compose files nest about ten levels.
 */
export const MAX_TREE_DEPTH = 1000;

/**
 * Nodes that alias expansion may create in one file, whatever its length (issue 19 item 8: a budget
 * proportional to the length let a bomb after a 9.5 MB comment exhaust a 4 GB heap). Real files stay
 * below: the benchmark's 20,000 services expand to about 160,000 nodes. Reaching the limit costs a
 * few seconds, which a file whose aliases swallowed everything after them (an unclosed `{` above an
 * anchor) pays on every keystroke.
 */
export const MAX_ALIAS_NODES = 500_000;

/** A fresh budget for one file; `used` nodes already expanded elsewhere in it are taken off. */
export function aliasBudget(used = 0): TreeBudget {
  return { remaining: MAX_ALIAS_NODES - used };
}

/** Nodes expanded from aliases under a node written in the text (0 when none), as built by TreeBuilder. */
export function expansionCost(node: Node): number {
  return costs.get(node) ?? 0;
}

/** Gives `copy` (the same content at a shifted place) the expansion cost of `node`. */
export function keepExpansionCost(node: Node, copy: Node): void {
  const cost = costs.get(node);
  if (cost !== undefined) costs.set(copy, cost);
}

/** Expansion cost per written node that holds aliases; nodes without any have no entry. */
const costs = new WeakMap<Node, number>();

/** Where the builder reports keys written twice in one mapping (found here in linear time). */
type DuplicateKeySink = (key: string, span: Span) => void;

/** An anchored node as written (`&name`), resolved without any `via`, for aliases parsed later on their own. */
export interface AnchorDefinition {
  readonly name: string;
  readonly start: number;
  readonly node: Node;
}

export interface TreeContext {
  readonly budget: TreeBudget;
  readonly onDuplicateKey: DuplicateKeySink;
  /** Where the builder reports a `<<` whose value is not a mapping (or a list of mappings). */
  readonly onBadMerge?: (span: Span) => void;
  /** Where the parsed text starts in the whole document: added to every span. */
  readonly base?: number;
  /** Resolves an alias whose anchor lies outside the parsed text (when one block is re-parsed alone). */
  readonly outerAnchor?: (name: string) => Node | undefined;
  /** Receives every anchor definition, in document order. */
  readonly anchors?: AnchorDefinition[];
}

/** Converts one `yaml` document into the resolved tree. Never throws on well-formed `yaml` ASTs. */
export function buildTree(doc: ParsedDocument, text: string, context: TreeContext): Node | undefined {
  const builder = new TreeBuilder(text, context);
  return doc.contents ? builder.node(doc.contents as YamlNode, undefined) : undefined;
}

class TreeBuilder {
  private readonly expanding = new Set<YamlNode>();
  /**
   * Anchors seen so far in document order. `yaml`'s own `Alias.resolve` walks the whole document for
   * every alias, which makes files with an alias per service quadratic.
   */
  private readonly anchors = new Map<string, YamlNode>();
  private readonly budget: TreeBudget;
  private readonly base: number;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly context: TreeContext,
  ) {
    this.budget = context.budget;
    this.base = context.base ?? 0;
  }

  node(node: YamlNode, via: Span | undefined): Node {
    if (via !== undefined) return this.build(node, via);
    const before = this.budget.remaining;
    const built = this.build(node, via);
    if (before > this.budget.remaining) costs.set(built, before - this.budget.remaining);
    return built;
  }

  /**
   * Builds a node; one made by expanding an alias (`via` set) costs one node of the budget. An alias
   * itself costs nothing, so expanding it here costs what `withVia` costs for the same anchor in an
   * incremental re-parse.
   */
  private build(node: YamlNode, via: Span | undefined): Node {
    const span = this.spanOf(node);
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) {
        const outer = this.context.outerAnchor?.(node.source);
        return outer ? withVia(outer, via ?? span, this.budget) : emptyScalar(span, via);
      }
      if (this.expanding.has(target)) return emptyScalar(span, via);
      this.expanding.add(target);
      try {
        return this.node(target, via ?? span);
      } finally {
        this.expanding.delete(target);
      }
    }
    if (via !== undefined && this.budget.remaining-- <= 0) {
      this.budget.exhaustedAt ??= via;
      return emptyScalar(span, via);
    }
    // Only anchors written here count; re-walking an alias target must not re-register older anchors.
    if (node.anchor && this.expanding.size === 0) this.anchors.set(node.anchor, node);
    const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? node.tag : undefined;
    if (isScalar(node)) return this.anchored(node, span, via, this.scalar(node, span, via, tag));
    if (this.depth >= MAX_TREE_DEPTH) {
      this.budget.tooDeepAt ??= span;
      return emptyScalar(span, via);
    }
    this.depth++;
    const built = isMap(node) ? this.map(node.items, span, via, tag)
      : isSeq(node) ? seqNode(span, via, tag, node.items.map((item) => this.node(item as YamlNode, via)))
      : emptyScalar(span, via);
    this.depth--;
    return this.anchored(node, span, via, built);
  }

  /** Registers `built` as the definition of the anchor written on `node`, if any. */
  private anchored(node: YamlNode, span: Span, via: Span | undefined, built: Node): Node {
    if (node.anchor && !via && this.expanding.size === 0) this.context.anchors?.push({ name: node.anchor, start: span.start, node: built });
    return built;
  }

  private spanOf(node: YamlNode): Span {
    const range = node.range;
    return range ? { start: range[0] + this.base, end: range[1] + this.base } : { start: this.base, end: this.base };
  }

  private slice(span: Span): string {
    return this.text.slice(span.start - this.base, span.end - this.base);
  }

  private map(pairs: readonly unknown[], span: Span, via: Span | undefined, tag: string | undefined): MapNode {
    const own: Entry[] = [];
    const merged: Entry[][] = [];
    for (const pair of pairs) {
      if (!isPair(pair) || pair.key === null || pair.key === undefined) continue;
      const keyNode = pair.key as YamlNode;
      const keySpan = this.spanOf(keyNode);
      const key = isScalar(keyNode) ? String(keyNode.value) : this.slice(keySpan);
      const valueNode = (pair.value ?? null) as YamlNode | null;
      if (key === '<<' && isScalar(keyNode) && keyNode.type === Scalar.PLAIN && valueNode) {
        append(merged, this.mergeSources(valueNode, via ?? keySpan));
        continue;
      }
      const value = valueNode ? this.node(valueNode, via) : emptyScalar({ start: keySpan.end + 1, end: keySpan.end + 1 }, via);
      own.push(entryOf(key, keySpan, value, via));
    }
    // Explicit keys win over merged ones; among merged maps the first listed wins (YAML merge key spec).
    const index = new Map<string, number>();
    const entries: Entry[] = [];
    for (const entry of own) {
      if (index.has(entry.key) && this.expanding.size === 0) this.context.onDuplicateKey(entry.key, entry.keySpan);
      index.set(entry.key, entries.push(entry) - 1);
    }
    for (const source of merged) {
      for (const entry of source) {
        if (!index.has(entry.key)) index.set(entry.key, entries.push(entry) - 1);
      }
    }
    return mapNode(span, via, tag, entries, index);
  }

  /** The entries a `<<` value contributes: an alias to a map, an inline map, or a list of those. */
  private mergeSources(value: YamlNode, via: Span): Entry[][] {
    const sources = isSeq(value) ? (value.items as YamlNode[]) : [value];
    const result: Entry[][] = [];
    for (const source of sources) {
      const resolved = this.node(source, isAlias(source) ? via : undefined);
      if (resolved.kind !== 'map') {
        // go-yaml v3 (used by compose-go and docker/cli) refuses the whole file here.
        if (this.expanding.size === 0) this.context.onBadMerge?.(this.spanOf(source));
        continue;
      }
      result.push(resolved.entries.map((entry) => entryOf(entry.key, entry.keySpan, entry.value, entry.via ?? via)));
    }
    return result;
  }

  private scalar(node: Scalar, span: Span, via: Span | undefined, tag: string | undefined): ScalarNode {
    const raw = this.slice(span);
    const style: ScalarStyle =
      node.type === Scalar.QUOTE_SINGLE ? 'single'
      : node.type === Scalar.QUOTE_DOUBLE ? 'double'
      : node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? 'block'
      : 'plain';
    const value = toScalarValue(node.value);
    const interpolation = typeof value === 'string' ? parseInterpolation(value) : undefined;
    return scalarNode(span, via, tag, value, raw, style, interpolation);
  }
}

function toScalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * An anchored tree as seen through an alias used at `via`: what TreeBuilder builds when it expands the
 * alias in place (every node and entry inside carries the outermost use site).
 */
function withVia(node: Node, via: Span, budget: TreeBudget): Node {
  if (budget.remaining-- <= 0) {
    budget.exhaustedAt ??= via;
    return emptyScalar(node.span, via);
  }
  switch (node.kind) {
    case 'scalar':
      return scalarNode(node.span, via, node.tag, node.value, node.raw, node.style, node.interpolation);
    case 'seq':
      return seqNode(node.span, via, node.tag, node.items.map((item) => withVia(item, via, budget)));
    case 'map': {
      const entries = node.entries.map((e) => entryOf(e.key, e.keySpan, withVia(e.value, via, budget), via));
      return mapNode(node.span, via, node.tag, entries, node.index);
    }
  }
}

/** True when a `<<` merge key brought entries into the map (they follow its own entries). */
export function hasMergedEntries(map: MapNode): boolean {
  return map.entries.some((e) => e.via !== undefined);
}

/** The index of a map's entries by key; for a key written twice the later entry wins, as in `TreeBuilder`. */
export function indexOf(entries: readonly Entry[]): Map<string, number> {
  return new Map(entries.map((e, i) => [e.key, i]));
}

function emptyScalar(span: Span, via: Span | undefined): ScalarNode {
  return scalarNode({ start: span.start, end: span.start }, via, undefined, null, '', 'plain', undefined);
}

// ---- Navigation helpers used by the model, analyses and features ----

export function asMap(node: Node | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: Node | undefined): SeqNode | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asScalar(node: Node | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The value at `key` of a map node. */
export function get(node: Node | undefined, key: string): Node | undefined {
  return entry(node, key)?.value;
}

export function entry(node: Node | undefined, key: string): Entry | undefined {
  if (node?.kind !== 'map') return undefined;
  const position = node.index.get(key);
  return position === undefined ? undefined : node.entries[position];
}

/** The value at a path of map keys and sequence indexes. */
export function at(node: Node | undefined, ...path: readonly (string | number)[]): Node | undefined {
  let current = node;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? asSeq(current)?.items[segment] : get(current, segment);
  }
  return current;
}

/**
 * The textual value of a scalar as Compose would see it after interpolation: numbers and booleans as
 * their string, interpolated strings with defaults applied; undefined when unknowable or not a scalar.
 */
export function text(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  if (node.interpolation) return node.interpolation.resolved;
  return String(node.value);
}

/** True for a scalar whose value depends on environment variables not known here (so it must not be judged). */
export function isInterpolated(node: Node | undefined): boolean {
  if (node?.kind !== 'scalar' || node.interpolation === undefined || node.interpolation.variables.length === 0) return false;
  // A value resolved from a project's environment is known and judged like any other.
  return node.interpolation.environment === undefined || node.interpolation.resolved === undefined;
}

/** A number written as a YAML number or a numeric string, after interpolation defaults. */
export function numberValue(node: Node | undefined): number | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'number') return node.value;
  const value = text(node);
  return value !== undefined && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
}

/** The items of a sequence, or the entries' values of a map, as a list (Compose allows both for many keys). */
export function listItems(node: Node | undefined): readonly Node[] {
  if (node?.kind === 'seq') return node.items;
  return [];
}
