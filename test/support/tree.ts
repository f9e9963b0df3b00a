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
