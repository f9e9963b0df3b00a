/** The Mermaid export: the graph as `flowchart` text, for docs and READMEs. */
import type { NetworkGraphResult } from '../../../server/src/protocol';

/**
 * `flowchart LR` with networks as subgraph-free hubs. Node ids are generated (`n0`, `n1`…), never names,
 * and every label goes through `mermaidLabel`, so a name can neither end its label nor start a statement.
 */
export function toMermaid(graph: NetworkGraphResult): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const label = (...lines: (string | undefined)[]) => `"${lines.filter((line) => line !== undefined && line !== '').map((line) => mermaidLabel(line!)).join('<br>')}"`;
  const shape: Record<string, [string, string]> = { service: ['[', ']'], network: ['([', '])'], volume: ['[(', ')]'], secret: ['[/', '/]'], config: ['[/', '/]'] };
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = shape[node.kind] ?? ['[', ']'];
    const detail = node.kind === 'service' ? node.image : node.kind === 'network' ? node.driver : node.kind;
    lines.push(`  ${ids.get(node.id)!}${open}${label(node.name, detail)}${close}`);
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

/**
 * Text safe inside a quoted Mermaid label. Directives (`%%{init: …}%%`, which can carry theme CSS with
 * external `url(…)`s) are removed outright; line breaks and other control characters become spaces; every
 * character outside a small plain set becomes Mermaid's decimal entity (`#34;`), so quotes, brackets, pipes,
 * `%`, `#`, `<` and `>` can neither close the label nor be read as syntax or markup.
 * https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export function mermaidLabel(text: string): string {
  const withoutDirectives = text.replace(/%%\{[\s\S]*?\}%%/g, '');
  // eslint-disable-next-line no-control-regex
  const flat = withoutDirectives.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  let out = '';
  for (const char of flat) out += /^[\p{L}\p{N} _.,:/@+=-]$/u.test(char) ? char : `#${char.codePointAt(0)};`;
  return out;
}
