/** Trees for tests: the first document's root of a text, and a tree as plain values to compare. */
import { parseCompose } from '../../server/src/service/parse/model';
import type { Node } from '../../server/src/service/parse/tree';

export function root(text: string): Node | undefined {
  return parseCompose(text, 'compose').documents[0]?.root;
}

/** The tree as the model reads it: of duplicate keys only the one the map's index resolves to. */
export function toJS(node: Node | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toJS);
  return Object.fromEntries(node.entries.filter((entry, i) => node.index.get(entry.key) === i).map((entry) => [entry.key, toJS(entry.value)]));
}

/**
 * Any value with the trees in it made of plain objects, as the parser builds them: trees an edit moved
 * copy their children when first read (parse/shift.ts), behind getters that deep equality does not see.
 */
export function plainTrees(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainTrees);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, plainTrees(item)]));
  if (value === null || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) plain[key] = plainTrees(item);
  const node = value as Partial<Node>;
  if (node.kind === 'map') plain['entries'] = plainTrees(node.entries);
  if (node.kind === 'seq') plain['items'] = plainTrees(node.items);
  return plain;
}
