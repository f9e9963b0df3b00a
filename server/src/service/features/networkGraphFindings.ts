/**
 * Puts each finding on the graph items (nodes, edges, published ports) whose source span contains it,
 * choosing the innermost: a port conflict lands on the port, an unknown network on the attachment edge.
 * A sweep over spans sorted by start keeps this O((items + findings) log) on 5,000-service files.
 */
import type { Finding, GraphFinding, NetworkGraph, Span } from '../types';

interface Item {
  readonly key: object;
  readonly range: Span;
}

export function attachFindings(graph: NetworkGraph, findings: readonly Finding[]): NetworkGraph {
  const items: Item[] = [];
  for (const node of graph.nodes) {
    items.push({ key: node, range: node.range });
    if (node.kind === 'service') for (const port of node.ports) items.push({ key: port, range: port.range });
  }
  // An implicit attachment's range is the service's key, which belongs to the service.
  for (const edge of graph.edges) if (!(edge.kind === 'network' && edge.implicit)) items.push({ key: edge, range: edge.range });
  const found = innermostContaining(items, findings);
  const of = (key: object) => found.get(key) ?? [];
  return {
    nodes: graph.nodes.map((node) =>
      node.kind === 'service'
        ? { ...node, findings: of(node), ports: node.ports.map((port) => ({ ...port, findings: of(port) })) }
        : { ...node, findings: of(node) },
    ),
    edges: graph.edges.map((edge) => ({ ...edge, findings: of(edge) })),
  };
}

function innermostContaining(items: Item[], findings: readonly Finding[]): Map<object, GraphFinding[]> {
  const sorted = [...items].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const ordered = [...findings].sort((a, b) => a.span.start - b.span.start);
  const result = new Map<object, GraphFinding[]>();
  const open: Item[] = [];
  let next = 0;
  for (const finding of ordered) {
    const { start, end } = finding.span;
    for (; next < sorted.length && sorted[next]!.range.start <= start; next++) {
      while (open.length && open[open.length - 1]!.range.end < sorted[next]!.range.start) open.pop();
      open.push(sorted[next]!);
    }
    while (open.length && open[open.length - 1]!.range.end < start) open.pop();
    // Open items are (almost always) nested, innermost on top; equal spans (an undeclared network and the
    // attachment naming it) all get the finding.
    let innermost: Span | undefined;
    for (let i = open.length - 1; i >= 0; i--) {
      const { range, key } = open[i]!;
      if (range.end < end) continue;
      if (innermost && (range.start !== innermost.start || range.end !== innermost.end)) break;
      innermost = range;
      const list = result.get(key) ?? [];
      list.push({ code: finding.code, severity: finding.severity, message: finding.message, range: finding.span });
      result.set(key, list);
    }
  }
  return result;
}
