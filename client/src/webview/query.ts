/** Questions the webview asks of the graph it was sent: what matches a filter, what is under the cursor. */
import type { GraphNodeDto, GraphRange, LspPosition, LspRange, NetworkGraphResult } from '../../../server/src/protocol';
import { append } from './append';
import { portLabel } from './scene';

/** Case-insensitive match on a node's name, image, ports and network details. */
export function matches(node: GraphNodeDto, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [node.name, node.kind];
  if (node.kind === 'service') append(haystack, [node.image ?? '', ...node.ports.map(portLabel)]);
  if (node.kind === 'network') append(haystack, [node.driver, ...node.subnets.flatMap((s) => [s.subnet, s.gateway ?? ''])]);
  return haystack.some((value) => value.toLowerCase().includes(needle));
}

function before(a: LspPosition, b: LspPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Only ranges in the shown document hold the editor's cursor (a project's other files have a `uri`). */
function contains(range: GraphRange, position: LspPosition): boolean {
  return range.uri === undefined && !before(position, range.start) && !before(range.end, position);
}

function size(range: LspRange): number {
  return (range.end.line - range.start.line) * 1e6 + range.end.character - range.start.character;
}

/**
 * The node or edge whose source holds the cursor, the innermost when several do (an attachment inside a
 * service). Implicit attachments point at the service's key, which belongs to the service.
 */
export function itemAt(graph: NetworkGraphResult, position: LspPosition): string | undefined {
  let best: { id: string; size: number } | undefined;
  for (const item of [...graph.nodes, ...graph.edges.filter((edge) => !(edge.kind === 'network' && edge.implicit))]) {
    if (!contains(item.range, position)) continue;
    const itemSize = size(item.range);
    if (!best || itemSize < best.size) best = { id: item.id, size: itemSize };
  }
  return best?.id;
}
