/**
 * The details card: the full story of the hovered or selected item (full name, image, ports, networks
 * with addresses, mounts, dependencies) and each of its findings with its message and a "Go to" button.
 * Built from text nodes only, like the SVG.
 */
import type { GraphEdgeDto, GraphFindingDto, GraphNodeDto, GraphRange, NetworkGraphResult } from '../../../server/src/protocol';
import { append } from './append';
import { conditionLabel } from './dependencies';
import { nameOf, portLabel } from './scene';

export interface CardIndex {
  readonly graph: NetworkGraphResult;
  readonly nodes: ReadonlyMap<string, GraphNodeDto>;
  readonly edges: ReadonlyMap<string, GraphEdgeDto>;
  /** Node id -> edges from it. */
  readonly from: ReadonlyMap<string, GraphEdgeDto[]>;
  /** Node id -> edges to it. */
  readonly to: ReadonlyMap<string, GraphEdgeDto[]>;
}

export function cardIndex(graph: NetworkGraphResult): CardIndex {
  const from = new Map<string, GraphEdgeDto[]>();
  const to = new Map<string, GraphEdgeDto[]>();
  for (const edge of graph.edges) {
    (from.get(edge.from) ?? from.set(edge.from, []).get(edge.from)!).push(edge);
    (to.get(edge.to) ?? to.set(edge.to, []).get(edge.to)!).push(edge);
  }
  return { graph, nodes: new Map(graph.nodes.map((n) => [n.id, n])), edges: new Map(graph.edges.map((e) => [e.id, e])), from, to };
}

function add<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  parent.appendChild(created);
  return created;
}

function section(card: HTMLElement, heading: string, rows: readonly string[]): void {
  if (!rows.length) return;
  add(card, 'h3', heading);
  const list = add(card, 'ul');
  for (const row of rows.slice(0, 50)) add(list, 'li', row);
  if (rows.length > 50) add(list, 'li', `… ${rows.length - 50} more`);
}

/** Fills `card` for item `id`; `reveal` shows a range in the editor. False when there is nothing to show. */
export function fillCard(card: HTMLElement, index: CardIndex, id: string, reveal: (range: GraphRange) => void): boolean {
  card.replaceChildren();
  const node = index.nodes.get(id);
  const edge = node ? undefined : index.edges.get(id);
  if (!node && !edge) return false;
  const header = add(card, 'div', undefined, 'card-header');
  add(header, 'strong', node ? node.name : edgeSentence(edge!), 'card-title');
  add(header, 'span', node ? node.kind : edge!.kind === 'dependsOn' ? 'depends_on' : edge!.kind, 'card-kind');
  const findings: GraphFindingDto[] = [...(node ?? edge!).findings];
  if (node?.kind === 'service') {
    section(card, 'Image', [node.image ?? (node.build ? 'built from source' : 'none')]);
    const meta = [node.deployMode === 'global' ? 'global' : node.replicas !== undefined ? `replicas: ${node.replicas}` : '', node.networkMode ? `network_mode: ${node.networkMode}` : ''].filter(Boolean);
    section(card, 'Deploy', meta);
    section(card, 'Ports', node.ports.map(portLabel));
    for (const port of node.ports) append(findings, port.findings);
    const out = index.from.get(id) ?? [];
    section(card, 'Networks', out.filter((e) => e.kind === 'network').map((e) => e.kind === 'network' ? [nameOf(e.to), e.ipv4Address, e.ipv6Address, e.aliases.length ? `aliases ${e.aliases.join(', ')}` : ''].filter(Boolean).join('  ') : ''));
    section(card, 'Mounts', out.filter((e) => e.kind === 'volume' || e.kind === 'secret' || e.kind === 'config').map((e) => e.kind === 'volume' || e.kind === 'secret' || e.kind === 'config' ? `${e.kind} ${nameOf(e.to)}${e.target ? ` → ${e.target}` : ''}${e.readOnly ? ' (read-only)' : ''}` : ''));
    section(card, 'Depends on', out.filter((e) => e.kind === 'dependsOn').map((e) => `${nameOf(e.to)}${conditionLabel(e) ? ` (${conditionLabel(e)})` : ''}`));
    section(card, 'Needed by', (index.to.get(id) ?? []).filter((e) => e.kind === 'dependsOn').map((e) => nameOf(e.from)));
    for (const e of out) if (e.kind === 'network') append(findings, e.findings);
  } else if (node?.kind === 'network') {
    section(card, 'Driver', [[node.driver, node.internal ? 'internal' : '', node.external ? 'external' : '', node.attachable ? 'attachable' : '', node.declared ? '' : 'not declared'].filter(Boolean).join(' · ')]);
    section(card, 'Subnets', node.subnets.map((s) => [s.subnet, s.gateway ? `gateway ${s.gateway}` : '', s.ipRange ? `range ${s.ipRange}` : ''].filter(Boolean).join('  ')));
    section(card, 'Services', (index.to.get(id) ?? []).filter((e) => e.kind === 'network').map((e) => nameOf(e.from)));
  } else if (node) {
    section(card, 'Declared', [[node.external ? 'external' : '', node.declared ? 'declared' : 'not declared'].filter(Boolean).join(' · ')]);
    const users = index.to.get(id) ?? [];
    section(card, 'Used by', users.map((e) => `${nameOf(e.from)}${'target' in e && e.target ? ` at ${e.target}` : ''}`));
    for (const e of users) append(findings, e.findings);
  } else if (edge?.kind === 'network') {
    section(card, 'Addresses', [edge.ipv4Address, edge.ipv6Address, ...edge.aliases.map((a) => `alias ${a}`)].filter((v): v is string => Boolean(v)));
  }
  const range = (node ?? edge!).range;
  const go = add(card, 'button', 'Go to definition', 'card-go');
  go.type = 'button';
  go.addEventListener('click', () => reveal(range));
  if (findings.length) {
    add(card, 'h3', `Problems (${findings.length})`);
    const list = add(card, 'ul', undefined, 'findings');
    for (const finding of findings.slice(0, 50)) {
      const row = add(list, 'li', undefined, `finding ${finding.severity}`);
      add(row, 'span', finding.severity === 'error' ? '✖' : finding.severity === 'warning' ? '⚠' : 'ℹ', 'finding-icon');
      add(row, 'span', finding.message, 'finding-message');
      add(row, 'code', finding.code, 'finding-code');
      const button = add(row, 'button', 'Go to', 'finding-go');
      button.type = 'button';
      button.addEventListener('click', () => reveal(finding.range));
    }
  }
  return true;
}

function edgeSentence(edge: GraphEdgeDto): string {
  const verb = { network: 'is attached to', dependsOn: 'depends on', networkMode: 'shares the network stack of', volume: 'mounts', secret: 'uses secret', config: 'uses config' }[edge.kind];
  const condition = conditionLabel(edge);
  return `${nameOf(edge.from)} ${verb} ${nameOf(edge.to)}${condition ? ` (${condition})` : ''}`;
}
