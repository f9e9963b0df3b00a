/**
 * Pure layout math: the graph DTO becomes an ELK graph (box sizes estimated from text), and ELK's answer
 * becomes a scene of absolutely positioned boxes and polylines for render.ts. No DOM here, so mocha tests
 * it in Node.
 *
 * Networks are drawn as groups: a service attached to exactly one network sits inside that network's box
 * (so a 40-service network is one box, not 40 lines into a hub). Services on several networks, and
 * networks with no such member, stay at the top level and are joined by lines.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdgeDto, GraphFindingDto, GraphNodeDto, GraphPortDto, NetworkGraphResult } from '../../../server/src/protocol';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export type Severity = GraphFindingDto['severity'];

export interface PortChip extends Box {
  readonly label: string;
  readonly port: GraphPortDto;
  readonly severity?: Severity;
}

export interface SceneNode {
  readonly id: string;
  readonly item: GraphNodeDto;
  readonly box: Box;
  /** A network drawn as a box around its members. */
  readonly group: boolean;
  readonly title: string;
  readonly lines: readonly string[];
  readonly chips: readonly PortChip[];
  /** The node's own findings, its ports', and those of its network membership (drawn as containment). */
  readonly findings: readonly GraphFindingDto[];
  readonly severity?: Severity;
}

export interface SceneEdge {
  readonly id: string;
  readonly item: GraphEdgeDto;
  readonly points: readonly Point[];
  readonly severity?: Severity;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  /** Groups first, so members are drawn over them. */
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
}

/** Estimated glyph widths of the 13px bold title, 11px detail lines and 11px monospace chips; generous so text fits. */
const TITLE_CHAR_WIDTH = 8.2;
const LINE_CHAR_WIDTH = 7;
const CHIP_CHAR_WIDTH = 6.8;
export const LINE_HEIGHT = 16;
export const TITLE_HEIGHT = 20;
export const PADDING = 8;
const CHIP_HEIGHT = 18;
const CHIP_GAP = 4;
const MIN_WIDTH = 120;
const MAX_WIDTH = 280;
const MAX_TITLE_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING) / TITLE_CHAR_WIDTH);
const MAX_LINE_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING) / LINE_CHAR_WIDTH);
const MAX_CHIP_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING - 12) / CHIP_CHAR_WIDTH);

/** How the DTO is split into ELK's hierarchy, kept to turn ELK's answer into a scene. */
export interface LayoutPlan {
  readonly graph: NetworkGraphResult;
  /** Node id -> id of the group node containing it (absent: top level). */
  readonly parent: ReadonlyMap<string, string>;
  readonly groups: ReadonlySet<string>;
  /** Edges ELK routes itself (both ends in the same container); the others are drawn straight. */
  readonly routed: ReadonlySet<string>;
  readonly content: ReadonlyMap<string, NodeContent>;
}

interface NodeContent {
  readonly title: string;
  readonly lines: readonly string[];
  readonly chips: readonly Omit<PortChip, 'x' | 'y'>[];
  readonly width: number;
  readonly height: number;
}

export function planLayout(graph: NetworkGraphResult): { plan: LayoutPlan; elk: ElkNode } {
  const parent = homes(graph);
  const groups = new Set(parent.values());
  const attachments = new Map<string, GraphEdgeDto[]>();
  for (const edge of graph.edges) if (edge.kind === 'network') push(attachments, edge.from, edge);
  const content = new Map(graph.nodes.map((node) => [node.id, nodeContent(node, attachments.get(node.id) ?? [], groups.has(node.id))]));
  const elkNodes = new Map<string, ElkNode>();
  for (const node of graph.nodes) {
    const { width, height } = content.get(node.id)!;
    elkNodes.set(
      node.id,
      groups.has(node.id)
        ? {
            id: node.id,
            children: [],
            edges: [],
            layoutOptions: {
              ...GROUP_OPTIONS,
              'elk.padding': `[top=${height + PADDING},left=${PADDING * 2},bottom=${PADDING * 2},right=${PADDING * 2}]`,
              // Room for the header even when the members are narrower.
              'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
              'elk.nodeSize.minimum': `(${width}, ${height + PADDING})`,
            },
          }
        : { id: node.id, width, height },
    );
  }
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  for (const node of graph.nodes) {
    const container = parent.has(node.id) ? elkNodes.get(parent.get(node.id)!)! : root;
    container.children!.push(elkNodes.get(node.id)!);
  }
  const routed = new Set<string>();
  const topLevelPairs = new Set<string>();
  for (const edge of graph.edges) {
    const fromParent = parent.get(edge.from);
    const toParent = parent.get(edge.to);
    // Membership is drawn by containment, not by a line.
    if (isMembership(parent, edge)) continue;
    if (fromParent === toParent) {
      routed.add(edge.id);
      const container = fromParent ? elkNodes.get(fromParent)! : root;
      container.edges!.push(elkEdge(edge.id, edge.from, edge.to));
      continue;
    }
    // Across containers ELK only sees the top-level boxes involved, once per pair.
    const a = fromParent ?? edge.from;
    const b = toParent ?? edge.to;
    const pair = `${a}\u0000${b}`;
    if (a !== b && !topLevelPairs.has(pair)) {
      topLevelPairs.add(pair);
      root.edges!.push(elkEdge(`pair:${topLevelPairs.size}`, a, b));
    }
  }
  return { plan: { graph, parent, groups, routed, content }, elk: root };
}

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.componentComponent': '32',
  'elk.edgeRouting': 'ORTHOGONAL',
};
/**
 * Left to right with merged fan-in edges: in real files many services depend on the same few (a database,
 * a cache), which top-down makes one very wide row; measured on the corpus, RIGHT plus mergeEdges gives
 * the squarest boxes (appwrite 1478x1752 against 5238x928 top-down).
 */
const GROUP_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.mergeEdges': 'true',
  'elk.spacing.nodeNode': '16',
  'elk.layered.spacing.nodeNodeBetweenLayers': '32',
  'elk.spacing.componentComponent': '16',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Unconnected members are packed in rows rather than one long line.
  'elk.aspectRatio': '1.6',
};

function elkEdge(id: string, from: string, to: string): ElkExtendedEdge {
  return { id, sources: [from], targets: [to] };
}

/**
 * Which network box each node sits in: services attached to exactly one network; services sharing
 * another's stack (`network_mode: service:x`) follow it; volumes, secrets and configs whose users all sit
 * in the same box join them.
 */
export function homes(graph: NetworkGraphResult): Map<string, string> {
  const networksOf = new Map<string, string[]>();
  const usersOf = new Map<string, string[]>();
  const sharesStackOf = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'network') push(networksOf, edge.from, edge.to);
    else if (edge.kind === 'networkMode') sharesStackOf.set(edge.from, edge.to);
    else if (edge.kind !== 'dependsOn') push(usersOf, edge.to, edge.from);
  }
  const home = new Map<string, string>();
  for (const [service, networks] of networksOf) if (networks.length === 1) home.set(service, networks[0]!);
  for (const [service, target] of sharesStackOf) {
    const targetHome = home.get(target);
    if (targetHome && !networksOf.has(service)) home.set(service, targetHome);
  }
  for (const [resource, users] of usersOf) {
    const first = home.get(users[0]!);
    if (first && users.every((user) => home.get(user) === first)) home.set(resource, first);
  }
  return home;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The text of a node and its estimated size; `attachments` are its network edges. */
function nodeContent(node: GraphNodeDto, attachments: readonly GraphEdgeDto[], group: boolean): NodeContent {
  const lines: string[] = [];
  let chips: Omit<PortChip, 'x' | 'y'>[] = [];
  if (node.kind === 'service') {
    lines.push(node.image ?? (node.build ? 'build' : 'no image'));
    const meta = [node.deployMode === 'global' ? 'global' : node.replicas !== undefined && node.replicas !== 1 ? `×${node.replicas}` : '', node.networkMode ? `network_mode: ${node.networkMode}` : ''];
    if (meta.some(Boolean)) lines.push(meta.filter(Boolean).join('  '));
    for (const edge of attachments) {
      if (edge.kind !== 'network') continue;
      const addresses = [edge.ipv4Address, edge.ipv6Address].filter(Boolean);
      if (addresses.length) lines.push(`${nameOf(edge.to)}: ${addresses.join(', ')}`);
    }
    chips = node.ports.map((port) => {
      const label = truncate(portLabel(port), MAX_CHIP_CHARS);
      const severity = worst(port.findings);
      return { label, port, width: Math.ceil(label.length * CHIP_CHAR_WIDTH) + 12, height: CHIP_HEIGHT, ...(severity ? { severity } : {}) };
    });
  } else if (node.kind === 'network') {
    const flags = [node.driver, node.internal ? 'internal' : '', node.external ? 'external' : '', node.attachable ? 'attachable' : '', node.declared ? '' : node.name === 'default' ? 'implicit' : 'not declared'];
    lines.push(flags.filter(Boolean).join(' · '));
    for (const subnet of node.subnets) lines.push([subnet.subnet, subnet.gateway ? `gw ${subnet.gateway}` : ''].filter(Boolean).join('  '));
  } else {
    lines.push([node.kind, node.external ? 'external' : ''].filter(Boolean).join(' · '));
  }
  const title = truncate(node.name, MAX_TITLE_CHARS);
  const shown = lines.map((line) => truncate(line, MAX_LINE_CHARS));
  const textWidth = Math.max(title.length * TITLE_CHAR_WIDTH, ...shown.map((line) => line.length * LINE_CHAR_WIDTH)) + 2 * PADDING;
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, textWidth, ...chips.map((chip) => chip.width + 2 * PADDING)));
  const chipRows = packChips(chips, width - 2 * PADDING).rows;
  // A group's height here is its header; ELK sizes the box around the members.
  const height = PADDING + TITLE_HEIGHT + shown.length * LINE_HEIGHT + (group ? 0 : chipRows * (CHIP_HEIGHT + CHIP_GAP) + PADDING);
  return { title, lines: shown, chips, width, height };
}

export function portLabel(port: GraphPortDto): string {
  // Unknown until run time (a variable without a default): show it as written.
  if (port.target === undefined && port.written) return port.written;
  const host = port.published ? `${port.hostIp ? `${port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp}:` : ''}${port.published}` : '';
  const protocol = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  const mode = port.mode === 'host' ? ' host' : '';
  return `${host ? `${host}→` : ''}${port.target ?? '?'}${protocol}${mode}`;
}

/** Chips left to right, wrapping at `width`; offsets relative to the first chip. */
function packChips<T extends { width: number }>(chips: readonly T[], width: number): { rows: number; placed: (T & Point)[] } {
  const placed: (T & Point)[] = [];
  let x = 0;
  let row = 0;
  for (const chip of chips) {
    if (x > 0 && x + chip.width > width) {
      x = 0;
      row++;
    }
    placed.push({ ...chip, x, y: row * (CHIP_HEIGHT + CHIP_GAP) });
    x += chip.width + CHIP_GAP;
  }
  return { rows: chips.length ? row + 1 : 0, placed };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The name part of a graph item id (`service:web` → `web`). */
export function nameOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

const RANK: Record<Severity, number> = { error: 4, warning: 3, information: 2, hint: 1 };

function worst(findings: readonly GraphFindingDto[]): Severity | undefined {
  let result: Severity | undefined;
  for (const finding of findings) if (!result || RANK[finding.severity] > RANK[result]) result = finding.severity;
  return result;
}

/** Turns ELK's positioned graph into absolute boxes and edge polylines. */
export function toScene(plan: LayoutPlan, laidOut: ElkNode): Scene {
  const boxes = new Map<string, Box>();
  const offsets = new Map<string, Point>([['root', { x: 0, y: 0 }]]);
  const visit = (node: ElkNode, origin: Point) => {
    for (const child of node.children ?? []) {
      const box = { x: origin.x + (child.x ?? 0), y: origin.y + (child.y ?? 0), width: child.width ?? 0, height: child.height ?? 0 };
      boxes.set(child.id, box);
      offsets.set(child.id, box);
      visit(child, box);
    }
  };
  visit(laidOut, { x: 0, y: 0 });
  const routes = new Map<string, Point[]>();
  const collect = (node: ElkNode) => {
    const origin = offsets.get(node.id) ?? { x: 0, y: 0 };
    for (const edge of node.edges ?? []) {
      const section = edge.sections?.[0];
      if (section) routes.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: origin.x + p.x, y: origin.y + p.y })));
    }
    for (const child of node.children ?? []) collect(child);
  };
  collect(laidOut);

  const membership = new Map<string, GraphFindingDto[]>();
  for (const edge of plan.graph.edges) {
    if (isMembership(plan.parent, edge) && edge.findings.length) membership.set(edge.from, [...(membership.get(edge.from) ?? []), ...edge.findings]);
  }
  const nodes: SceneNode[] = [];
  for (const item of plan.graph.nodes) {
    const box = boxes.get(item.id);
    const content = plan.content.get(item.id);
    if (!box || !content) continue;
    const chipOrigin = { x: box.x + PADDING, y: box.y + PADDING + TITLE_HEIGHT + content.lines.length * LINE_HEIGHT };
    const chips = packChips(content.chips, box.width - 2 * PADDING).placed.map((chip) => ({ ...chip, x: chipOrigin.x + chip.x, y: chipOrigin.y + chip.y }));
    const findings = [...item.findings, ...(item.kind === 'service' ? item.ports.flatMap((port) => port.findings) : []), ...(membership.get(item.id) ?? [])];
    const severity = worst(findings);
    nodes.push({ id: item.id, item, box, group: plan.groups.has(item.id), title: content.title, lines: content.lines, chips, findings, ...(severity ? { severity } : {}) });
  }
  nodes.sort((a, b) => Number(b.group) - Number(a.group));

  const edges: SceneEdge[] = [];
  for (const item of plan.graph.edges) {
    if (isMembership(plan.parent, item)) continue;
    const from = boxes.get(item.from);
    const to = boxes.get(item.to);
    if (!from || !to) continue;
    const points = (plan.routed.has(item.id) ? routes.get(item.id) : undefined) ?? straight(from, to);
    const severity = worst(item.findings);
    edges.push({ id: item.id, item, points, ...(severity ? { severity } : {}) });
  }
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}

/** A service's attachment to the network box it sits in: shown by containment, not drawn. */
function isMembership(parent: ReadonlyMap<string, string>, edge: GraphEdgeDto): boolean {
  return edge.kind === 'network' && parent.get(edge.from) === edge.to;
}

/** A line between two boxes' centres, cut where it leaves each box. */
export function straight(from: Box, to: Box): Point[] {
  const a = centre(from);
  const b = centre(to);
  return [clip(from, a, b), clip(to, b, a)];
}

function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the ray from `inside` (the centre of `box`) towards `towards` crosses the border of `box`. */
function clip(box: Box, inside: Point, towards: Point): Point {
  const dx = towards.x - inside.x;
  const dy = towards.y - inside.y;
  if (dx === 0 && dy === 0) return inside;
  const scale = Math.min(dx ? box.width / 2 / Math.abs(dx) : Infinity, dy ? box.height / 2 / Math.abs(dy) : Infinity, 1);
  return { x: inside.x + dx * scale, y: inside.y + dy * scale };
}
