/** The Mermaid export: the graph as `flowchart` text, for docs and READMEs. */
import type { NetworkGraphResult } from '../../../server/src/protocol';

/** `flowchart LR` with networks as subgraph-free hubs; labels quoted with Mermaid's entity escapes. */
export function toMermaid(graph: NetworkGraphResult): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const escape = (text: string) => text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  const label = (...lines: string[]) => `"${lines.map(escape).join('<br>')}"`;
  const shape: Record<string, [string, string]> = { service: ['[', ']'], network: ['([', '])'], volume: ['[(', ')]'], secret: ['[/', '/]'], config: ['[/', '/]'] };
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = shape[node.kind]!;
    const detail = node.kind === 'service' ? node.image : node.kind === 'network' ? node.driver : node.kind;
    lines.push(`  ${ids.get(node.id)!}${open}${label(node.name, ...(detail ? [detail] : []))}${close}`);
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const arrow = edge.kind === 'dependsOn' ? '-->' : edge.kind === 'networkMode' ? '-.->' : '---';
    const text = edge.kind === 'network' ? edge.ipv4Address : edge.kind === 'dependsOn' && edge.condition !== 'service_started' ? edge.condition : undefined;
    lines.push(`  ${from} ${arrow}${text ? `|${label(text)}|` : ''} ${to}`);
  }
  return lines.join('\n') + '\n';
}
