/**
 * The other form of a value that Compose accepts in two forms, for merging one form onto the other:
 * compose-go `override/merge.go` turns both sides into a list (`convertIntoSequence`: `KEY: v` becomes
 * `KEY=v`) or into a mapping (`convertIntoMapping`: list item `db` becomes key `db`). Nodes made here
 * point at the text they stand for, in the file it is in; only values that cannot be shown otherwise
 * are made at all (see `assignment`).
 */
import { append } from '../append';
import { entryOf, indexOf, mapNode, scalarNode, text, type Entry, type MapNode, type Node, type ScalarNode } from '../parse/tree';

/**
 * A list value as items: a list as it is, a lone scalar as one item (`dns: 8.8.8.8`), a mapping as
 * `KEY=value` items (a list value gives one item per element, as compose-go does for `extra_hosts`).
 */
export function asItems(node: Node): readonly Node[] {
  if (node.kind === 'seq') return node.items;
  if (node.kind === 'scalar') return node.value === null ? [] : [node];
  const items: Node[] = [];
  for (const entry of node.entries) {
    if (entry.value.kind === 'seq') {
      append(items, entry.value.items.flatMap((item) => assignment(entry, item) ?? []));
      continue;
    }
    const item = assignment(entry, entry.value);
    if (item) items.push(item);
  }
  return items;
}

/**
 * A list of names as a mapping whose values are empty (compose-go `convertIntoMapping` for `networks`,
 * `depends_on` and `models`; Compose reads an empty value as the defaults). The key is the list item,
 * and so is the span of the empty value.
 */
export function asMapping(node: Node): MapNode | undefined {
  if (node.kind === 'map') return node;
  if (node.kind !== 'seq') return undefined;
  const entries: Entry[] = [];
  for (const item of node.items) {
    const name = text(item);
    if (name !== undefined) entries.push(entryOf(name, item.span, scalarNode(item.span, item.via, undefined, null, '', 'plain', undefined), item.via));
  }
  return mapNode(node.span, node.via, node.tag, entries, indexOf(entries));
}

/**
 * `KEY: value` as the list item `KEY=value` (`KEY` for an empty value), spanning the entry as written.
 * Mappings inside such a value mean nothing to Compose and are left out (the file's schema check
 * reports them). Interpolated values keep their variables, moved past the `KEY=` prefix.
 */
function assignment(entry: Entry, value: Node): ScalarNode | undefined {
  if (value.kind !== 'scalar') return undefined;
  const prefix = value.value === null ? entry.key : `${entry.key}=`;
  const written = value.value === null ? prefix : `${prefix}${String(value.value)}`;
  const afterKey = value.via === undefined && value.span.start >= entry.keySpan.end;
  const span = value === entry.value && afterKey ? { start: entry.keySpan.start, end: value.span.end } : value.span;
  const interpolation = value.interpolation && {
    ...value.interpolation,
    variables: value.interpolation.variables.map((variable) => ({ ...variable, start: variable.start + prefix.length, end: variable.end + prefix.length })),
    resolved: value.interpolation.resolved === undefined ? undefined : prefix + value.interpolation.resolved,
  };
  return scalarNode(span, value.via ?? entry.via, undefined, written, written, 'plain', interpolation);
}
