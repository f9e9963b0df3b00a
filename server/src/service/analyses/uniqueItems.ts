/**
 * `uniqueItems` checked in O(n) by a canonical key per item, instead of by ajv.
 *
 * ajv compares every pair of items when the items are not plain scalars (`ports`, whose items are a
 * `oneOf` of numbers, strings and mappings): `ports: [1..60000]` took 36–69 s. The schemas are compiled
 * without `uniqueItems` (see `forAjv`) and this module finds the same duplicates: it reports the pair
 * ajv's generated code would (ajv lib/vocabularies/validation/uniqueItems.ts: `loopN` for scalar item
 * types scans from the end and names the earlier item `i`, `loopN2` names the later one), with ajv's
 * error shape, so every message and position stays as it was.
 */
import type { ErrorObject } from 'ajv';

interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly uniqueItems?: boolean;
  readonly items?: SchemaNode | readonly SchemaNode[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly patternProperties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
}

/** Where below a value unique lists sit: only the parts of the schema that lead to a `uniqueItems`. */
interface UniqueTree {
  /** The item types ajv's fast scalar scan uses, or undefined for its pairwise deep comparison. */
  unique?: { readonly scalarTypes: readonly string[] | undefined };
  readonly properties: Map<string, UniqueTree>;
  readonly patterns: Array<[RegExp, UniqueTree]>;
  additional?: UniqueTree;
  items?: UniqueTree;
}

/** Compose schemas nest about ten levels; the bound only guards against a `$ref` cycle. */
const MAX_DEPTH = 24;

export type UniqueItemsCheck = (json: unknown) => ErrorObject[];

/** The check for instances of `schema` (`pointer` selects a part, e.g. `#/$defs/service`). */
export function uniqueItemsCheck(root: object, pointer = '#'): UniqueItemsCheck {
  let tree: UniqueTree | null | undefined;
  return (json) => {
    // Built on first use: start-up does not pay for a walk of the schema.
    if (tree === undefined) tree = buildTree([resolve(root, pointer)], root, 0) ?? null;
    const errors: ErrorObject[] = [];
    if (tree) check(tree, json, '', errors);
    return errors;
  };
}

function resolve(root: object, ref: string): SchemaNode {
  let node: unknown = root;
  for (const segment of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return (node ?? {}) as SchemaNode;
}

/** A schema and every alternative it allows, `$ref`s resolved. */
function branches(node: SchemaNode, root: object, depth: number): SchemaNode[] {
  if (depth > MAX_DEPTH) return [];
  const resolved = node.$ref ? resolve(root, node.$ref) : node;
  const alternatives = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  return [resolved, ...alternatives.flatMap((alternative) => branches(alternative, root, depth + 1))];
}

function buildTree(schemas: readonly SchemaNode[], root: object, depth: number): UniqueTree | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const all = schemas.flatMap((schema) => branches(schema, root, depth));
  const tree: UniqueTree = { properties: new Map(), patterns: [] };
  const byProperty = new Map<string, SchemaNode[]>();
  const byPattern = new Map<string, SchemaNode[]>();
  const additional: SchemaNode[] = [];
  const items: SchemaNode[] = [];
  for (const node of all) {
    if (node.uniqueItems === true) tree.unique = { scalarTypes: scalarTypes(node.items) };
    for (const [key, child] of Object.entries(node.properties ?? {})) byProperty.set(key, [...(byProperty.get(key) ?? []), child]);
    for (const [pattern, child] of Object.entries(node.patternProperties ?? {})) byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), child]);
    if (typeof node.additionalProperties === 'object') additional.push(node.additionalProperties);
    if (node.items && !Array.isArray(node.items)) items.push(node.items as SchemaNode);
  }
  for (const [key, children] of byProperty) {
    const child = buildTree(children, root, depth + 1);
    if (child) tree.properties.set(key, child);
  }
  for (const [pattern, children] of byPattern) {
    const child = buildTree(children, root, depth + 1);
    if (child) tree.patterns.push([new RegExp(pattern, 'u'), child]);
  }
  const additionalTree = additional.length > 0 ? buildTree(additional, root, depth + 1) : undefined;
  if (additionalTree) tree.additional = additionalTree;
  const itemsTree = items.length > 0 ? buildTree(items, root, depth + 1) : undefined;
  if (itemsTree) tree.items = itemsTree;
  const empty = !tree.unique && tree.properties.size === 0 && tree.patterns.length === 0 && !tree.additional && !tree.items;
  return empty ? undefined : tree;
}

/** ajv's `canOptimize`: the items schema names only scalar types (a `$ref` names none). */
function scalarTypes(items: SchemaNode['items']): readonly string[] | undefined {
  if (!items || Array.isArray(items)) return undefined;
  const type = (items as SchemaNode).type;
  const types = typeof type === 'string' ? [type] : [...(type ?? [])];
  return types.length > 0 && !types.some((t) => t === 'object' || t === 'array') ? types : undefined;
}

function check(tree: UniqueTree, value: unknown, path: string, errors: ErrorObject[]): void {
  if (Array.isArray(value)) {
    if (tree.unique) {
      const pair = tree.unique.scalarTypes ? scalarDuplicate(value, tree.unique.scalarTypes) : deepDuplicate(value);
      if (pair) errors.push(uniqueError(path, pair));
    }
    if (tree.items) for (let i = 0; i < value.length; i++) check(tree.items, value[i], `${path}/${i}`, errors);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const named = tree.properties.get(key);
    let matched = named !== undefined;
    if (named) check(named, child, childPath, errors);
    for (const [pattern, subtree] of tree.patterns) {
      if (!pattern.test(key)) continue;
      matched = true;
      check(subtree, child, childPath, errors);
    }
    if (!matched && tree.additional) check(tree.additional, child, childPath, errors);
  }
}

interface Pair {
  readonly i: number;
  readonly j: number;
}

/**
 * ajv's `loopN`: from the end, items of other types skipped; the first item seen again names `i` (the
 * earlier index) and `j` (the nearest later equal item).
 */
function scalarDuplicate(items: readonly unknown[], types: readonly string[]): Pair | undefined {
  const seen = new Map<unknown, number>();
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!types.some((type) => hasType(item, type))) continue;
    const j = seen.get(item);
    if (j !== undefined) return { i, j };
    seen.set(item, i);
  }
  return undefined;
}

/** ajv's `loopN2`: the last item equal to an earlier one names `i`, the nearest earlier equal item `j`. */
function deepDuplicate(items: readonly unknown[]): Pair | undefined {
  const last = new Map<string, number>();
  let found: Pair | undefined;
  for (let i = 0; i < items.length; i++) {
    const key = canonical(items[i]);
    const j = last.get(key);
    if (j !== undefined) found = { i, j };
    last.set(key, i);
  }
  return found;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/** A string equal for exactly the values fast-deep-equal calls equal (key order ignored, types kept). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function uniqueError(instancePath: string, { i, j }: Pair): ErrorObject {
  return {
    instancePath,
    schemaPath: '#/uniqueItems',
    keyword: 'uniqueItems',
    params: { i, j },
    message: `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
  };
}
