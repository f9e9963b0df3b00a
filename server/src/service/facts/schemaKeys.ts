/**
 * Key documentation derived from the vendored Compose Specification schema (schemas/compose-spec.json):
 * which keys are valid at a path, their description, types and allowed values. Hover and completion read
 * it, so every key the schema knows is documented without copying text per key. The schema object is
 * passed in by the entry points; this module never reads files.
 */

import type { YamlPath } from '../parse/path';

interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly deprecated?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
}

export interface KeyInfo {
  readonly key: string;
  readonly description?: string;
  /** JSON types the value may have: 'object', 'array', 'string', 'boolean', 'integer', 'number', 'null'. */
  readonly types: readonly string[];
  /** Allowed values when the schema lists them. */
  readonly enum: readonly string[];
  readonly default?: string;
  readonly deprecated: boolean;
}

export interface SchemaKeys {
  /** The documentation of the value at `path` (its last segment is the key); undefined when the schema has no such key. */
  info(path: YamlPath): KeyInfo | undefined;
  /** The named keys a mapping at `path` may contain (extension `x-` keys and name patterns excluded). */
  keys(path: YamlPath): readonly KeyInfo[];
  /**
   * The same string for two paths exactly when the schema describes them alike (the same `info` but for
   * the key, the same `keys`), and unlike the strings of any other SchemaKeys: what memos of text derived
   * from the schema are keyed by.
   */
  shape(path: YamlPath): string;
}

/**
 * The schemas that describe the value at some path. Paths that reach the same schemas share one level
 * (every service name leads to the same service schema), and a level keeps what is derived from it:
 * completion asks for the documentation of every key of a mapping on each request, and walking the
 * schema from its root for each key cost most of a request's time (issue 18).
 */
interface Level {
  /** The level's `shape`. */
  readonly id: string;
  /** The raw schemas (before flattening). */
  readonly nodes: readonly JsonSchema[];
  /** `nodes` and their alternatives, flattened; computed on first use, like the fields below. */
  branches?: JsonSchema[];
  /** The level of list items (every index leads there). */
  items?: Level;
  /** The level of each key a `properties` entry names. */
  named?: Map<string, Level>;
  /**
   * Other keys (matched by name patterns) have no end, so only the last one is kept: one completion asks
   * about every key below the same service or network.
   */
  lastPatterned?: { readonly segment: string; readonly level: Level };
  /** `info` without the key, which differs between the paths sharing the level. */
  described?: Omit<KeyInfo, 'key'>;
  keys?: readonly KeyInfo[];
}

/** How many SchemaKeys were made, so that each one's shapes differ from the others'. */
let made = 0;

export function createSchemaKeys(schema: object): SchemaKeys {
  const instance = made++;
  const schemaRoot = schema as JsonSchema & { $defs?: Record<string, JsonSchema>; definitions?: Record<string, JsonSchema> };
  // compose-go's schema (draft 2020-12) keeps its parts under `$defs`, Docker CLI's v3 schemas under `definitions`.
  const definitions = schemaRoot.$defs ?? schemaRoot.definitions;
  const patterns = new Map<string, RegExp>();
  const matches = (pattern: string, key: string): boolean => {
    let regex = patterns.get(pattern);
    if (!regex) {
      regex = new RegExp(pattern, 'u');
      patterns.set(pattern, regex);
    }
    return regex.test(key);
  };

  const deref = (node: JsonSchema): JsonSchema => {
    let current = node;
    for (let depth = 0; current.$ref && depth < 10; depth++) {
      const name = current.$ref.replace(/^#\/(?:\$defs|definitions)\//, '');
      const target = definitions?.[name];
      if (!target) break;
      // A description next to a `$ref` describes this use; keep it over the definition's own.
      current = current.description ? { ...target, description: current.description } : target;
    }
    return current;
  };

  /** A schema and the alternatives it allows, flattened (oneOf/anyOf/allOf branches, `$ref`s resolved). */
  const branches = (node: JsonSchema): JsonSchema[] => {
    const resolved = deref(node);
    const alternatives = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
    return [resolved, ...alternatives.flatMap(branches)];
  };

  const child = (node: JsonSchema, segment: string | number): JsonSchema | undefined => {
    if (typeof segment === 'number') return node.items;
    const property = node.properties?.[segment];
    if (property) return property;
    if (segment.startsWith('x-')) return undefined;
    for (const [pattern, value] of Object.entries(node.patternProperties ?? {})) {
      if (pattern !== '^x-' && matches(pattern, segment)) return value;
    }
    return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  };

  // Levels are found by the identity of their schemas, so their number is bounded by the schema, not the files.
  const ids = new Map<JsonSchema, number>();
  const levels = new Map<string, Level>();
  const idOf = (node: JsonSchema): number => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };
  const level = (nodes: readonly JsonSchema[]): Level => {
    const id = `${instance}:${nodes.map(idOf).join(',')}`;
    let found = levels.get(id);
    if (!found) levels.set(id, (found = { id, nodes }));
    return found;
  };
  const branchesOf = (current: Level): JsonSchema[] => (current.branches ??= current.nodes.flatMap(branches));
  const children = (current: Level, segment: string | number): Level => level(branchesOf(current).flatMap((node) => child(node, segment) ?? []));
  const step = (current: Level, segment: string | number): Level => {
    if (typeof segment === 'number') return (current.items ??= children(current, segment));
    if (branchesOf(current).some((node) => node.properties?.[segment])) {
      current.named ??= new Map();
      let found = current.named.get(segment);
      if (!found) current.named.set(segment, (found = children(current, segment)));
      return found;
    }
    if (current.lastPatterned?.segment !== segment) current.lastPatterned = { segment, level: children(current, segment) };
    return current.lastPatterned.level;
  };
  const root = level([schemaRoot]);
  const at = (path: YamlPath): Level => {
    let current = root;
    for (const segment of path) {
      if (current.nodes.length === 0) break;
      current = step(current, segment);
    }
    return current;
  };

  const describe = (nodes: readonly JsonSchema[], all: readonly JsonSchema[]): Omit<KeyInfo, 'key'> => {
    const types = new Set<string>();
    const values = new Set<string>();
    for (const node of all) {
      for (const type of typeof node.type === 'string' ? [node.type] : (node.type ?? [])) types.add(type);
      for (const value of node.enum ?? []) values.add(String(value));
    }
    const description = nodes.map((node) => node.description ?? deref(node).description).find((d) => d !== undefined);
    const defaultValue = all.find((node) => node.default !== undefined)?.default;
    return {
      ...(description !== undefined ? { description } : {}),
      types: [...types],
      enum: [...values],
      ...(defaultValue !== undefined ? { default: String(defaultValue) } : {}),
      deprecated: all.some((node) => node.deprecated === true),
    };
  };

  return {
    info(path) {
      const found = at(path);
      if (found.nodes.length === 0) return undefined;
      return { key: String(path[path.length - 1] ?? ''), ...(found.described ??= describe(found.nodes, branchesOf(found))) };
    },
    keys(path) {
      const found = at(path);
      if (found.keys) return found.keys;
      const byKey = new Map<string, JsonSchema[]>();
      for (const node of branchesOf(found)) {
        for (const [key, value] of Object.entries(node.properties ?? {})) byKey.set(key, [...(byKey.get(key) ?? []), value]);
      }
      return (found.keys = [...byKey].map(([key, nodes]) => ({ key, ...describe(nodes, nodes.flatMap(branches)) })));
    },
    shape: (path) => at(path).id,
  };
}
