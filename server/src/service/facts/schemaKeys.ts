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
  keys(path: YamlPath): KeyInfo[];
}

export function createSchemaKeys(schema: object): SchemaKeys {
  const root = schema as JsonSchema & { $defs?: Record<string, JsonSchema>; definitions?: Record<string, JsonSchema> };
  // compose-go's schema (draft 2020-12) keeps its parts under `$defs`, Docker CLI's v3 schemas under `definitions`.
  const definitions = root.$defs ?? root.definitions;
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

  /** The raw schemas (before flattening) that describe the value at `path`. */
  const at = (path: YamlPath): JsonSchema[] => {
    let current: JsonSchema[] = [root];
    for (const segment of path) {
      current = current.flatMap(branches).flatMap((node) => {
        const next = child(node, segment);
        return next ? [next] : [];
      });
      if (current.length === 0) return [];
    }
    return current;
  };

  const describe = (key: string, nodes: readonly JsonSchema[]): KeyInfo => {
    const all = nodes.flatMap(branches);
    const types = new Set<string>();
    const values = new Set<string>();
    for (const node of all) {
      for (const type of typeof node.type === 'string' ? [node.type] : (node.type ?? [])) types.add(type);
      for (const value of node.enum ?? []) values.add(String(value));
    }
    const description = nodes.map((node) => node.description ?? deref(node).description).find((d) => d !== undefined);
    const defaultValue = all.find((node) => node.default !== undefined)?.default;
    return {
      key,
      ...(description !== undefined ? { description } : {}),
      types: [...types],
      enum: [...values],
      ...(defaultValue !== undefined ? { default: String(defaultValue) } : {}),
      deprecated: all.some((node) => node.deprecated === true),
    };
  };

  return {
    info(path) {
      const nodes = at(path);
      const last = path[path.length - 1];
      return nodes.length === 0 ? undefined : describe(String(last ?? ''), nodes);
    },
    keys(path) {
      const byKey = new Map<string, JsonSchema[]>();
      for (const node of at(path).flatMap(branches)) {
        for (const [key, value] of Object.entries(node.properties ?? {})) byKey.set(key, [...(byKey.get(key) ?? []), value]);
      }
      return [...byKey].map(([key, nodes]) => describe(key, nodes));
    },
  };
}
