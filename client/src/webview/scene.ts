/**
 * What every view's layout produces and render.ts draws: absolutely positioned boxes with text, chips and
 * badges, and edges as polylines or curves. Also the text of a node and its estimated size, shared by the
 * layouts. No DOM here, so mocha tests it in Node, and the layout worker runs it.
 */
import type { GraphEdgeDto, GraphFindingDto, GraphNodeDto, GraphPortDto, LspRange, NetworkGraphResult } from '../../../server/src/protocol';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export type Severity = GraphFindingDto['severity'];
export type ViewName = 'networks' | 'dependencies' | 'ports';

/** Which optional layers the Networks view draws. */
export interface Layers {
  readonly volumes: boolean;
  readonly secrets: boolean;
  readonly dependencies: boolean;
}
export const ALL_LAYERS: Layers = { volumes: true, secrets: true, dependencies: true };

/** A port or a mounted volume, secret or config, drawn inside its service's box. */
export interface Chip extends Box {
  readonly label: string;
  readonly kind: 'port' | 'volume' | 'secret' | 'config';
  /** The graph item the card describes: the service for a port, the resource for a mount. */
  readonly ref: string;
  readonly range: LspRange;
  readonly findings: readonly GraphFindingDto[];
  readonly severity?: Severity;
}

export interface SceneNode {
  /** Unique in the scene; the graph item's id where the node stands for one. */
  readonly id: string;
  /** The graph item shown in the card and revealed on click. */
  readonly ref: string;
  /** CSS classes beyond `node` (kind, flags). */
  readonly classes: readonly string[];
  readonly box: Box;
  /** Drawn as a frame around other nodes. */
  readonly group: boolean;
  readonly title: string;
  readonly lines: readonly string[];
  readonly chips: readonly Chip[];
  readonly findings: readonly GraphFindingDto[];
  readonly severity?: Severity;
  /** What a click reveals, when not the range of `ref` (a port row). */
  readonly range?: LspRange;
}

export interface SceneEdge {
  readonly id: string;
  readonly item: GraphEdgeDto;
  readonly points: readonly Point[];
  /** Points are a cubic Bézier (start, two controls, end) rather than a polyline. */
  readonly curve?: boolean;
  readonly label?: { readonly text: string } & Point;
  readonly severity?: Severity;
}

export interface Scene {
  readonly view: ViewName;
  readonly width: number;
  readonly height: number;
  /** Groups first, so members are drawn over them. */
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  /** The node to open on when the whole scene cannot be shown at a readable scale. */
  readonly focus?: string;
  /** `fallback` when the layout budget ran out and the quick layout was drawn instead. */
  readonly quality: 'full' | 'fallback';
}

/** Estimated glyph widths of the 13px bold title, 11px detail lines and 11px monospace chips; generous so text fits. */
const TITLE_CHAR_WIDTH = 8.2;
const LINE_CHAR_WIDTH = 7;
const CHIP_CHAR_WIDTH = 6.8;
export const LINE_HEIGHT = 16;
export const TITLE_HEIGHT = 20;
export const PADDING = 8;
/** The smallest font size drawn (detail lines and chips): a scale below 11 / this makes text unreadable. */
export const SMALLEST_FONT = 11;
export const CHIP_HEIGHT = 18;
const CHIP_GAP = 4;
const MIN_WIDTH = 120;
const MAX_WIDTH = 280;
const MAX_TITLE_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING) / TITLE_CHAR_WIDTH);
const MAX_LINE_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING) / LINE_CHAR_WIDTH);
const MAX_CHIP_CHARS = Math.floor((MAX_WIDTH - 2 * PADDING - 12) / CHIP_CHAR_WIDTH);

export interface NodeContent {
  readonly title: string;
  readonly lines: readonly string[];
  readonly chips: readonly Omit<Chip, 'x' | 'y'>[];
  readonly width: number;
  /** For a group, the height of its header. */
  readonly height: number;
}

/** Edges grouped by kind and end, built once per graph. */
export interface GraphIndex {
  readonly graph: NetworkGraphResult;
  readonly nodes: ReadonlyMap<string, GraphNodeDto>;
  /** Service id -> its network attachments. */
  readonly attachments: ReadonlyMap<string, GraphEdgeDto[]>;
  /** Service id -> its volume, secret and config mounts. */
  readonly mounts: ReadonlyMap<string, GraphEdgeDto[]>;
  /** Resource id -> how many services use it. */
  readonly users: ReadonlyMap<string, number>;
}

export function indexGraph(graph: NetworkGraphResult): GraphIndex {
  const attachments = new Map<string, GraphEdgeDto[]>();
  const mounts = new Map<string, GraphEdgeDto[]>();
  const users = new Map<string, number>();
  for (const edge of graph.edges) {
    if (edge.kind === 'network') push(attachments, edge.from, edge);
    else if (edge.kind === 'volume' || edge.kind === 'secret' || edge.kind === 'config') {
      push(mounts, edge.from, edge);
      users.set(edge.to, (users.get(edge.to) ?? 0) + 1);
    }
  }
  return { graph, nodes: new Map(graph.nodes.map((node) => [node.id, node])), attachments, mounts, users };
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function layerShows(layers: Layers, kind: GraphEdgeDto['kind']): boolean {
  if (kind === 'volume') return layers.volumes;
  if (kind === 'secret' || kind === 'config') return layers.secrets;
  if (kind === 'dependsOn') return layers.dependencies;
  return true;
}

/**
 * The text of a node and its estimated size. A service lists its image, replicas, addresses, its ports as
 * chips and, as badges, the volumes, secrets and configs it mounts (`badges`), so no mount needs a line.
 */
export function nodeContent(index: GraphIndex, node: GraphNodeDto, options: { group?: boolean; badges?: Layers } = {}): NodeContent {
  const lines: string[] = [];
  const chips: Omit<Chip, 'x' | 'y'>[] = [];
  if (node.kind === 'service') {
    lines.push(node.image ?? (node.build ? 'build' : 'no image'));
    const meta = [node.deployMode === 'global' ? 'global' : node.replicas !== undefined && node.replicas !== 1 ? `×${node.replicas}` : '', node.networkMode ? `network_mode: ${node.networkMode}` : ''];
    if (meta.some(Boolean)) lines.push(meta.filter(Boolean).join('  '));
    for (const edge of index.attachments.get(node.id) ?? []) {
      if (edge.kind !== 'network') continue;
      const addresses = [edge.ipv4Address, edge.ipv6Address].filter(Boolean);
      if (addresses.length) lines.push(`${nameOf(edge.to)}: ${addresses.join(', ')}`);
    }
    for (const port of node.ports) chips.push(chip(portLabel(port), 'port', node.id, port.range, port.findings));
    if (options.badges) {
      for (const mount of index.mounts.get(node.id) ?? []) {
        if (mount.kind !== 'volume' && mount.kind !== 'secret' && mount.kind !== 'config') continue;
        if (!layerShows(options.badges, mount.kind)) continue;
        const resource = index.nodes.get(mount.to);
        const shared = (index.users.get(mount.to) ?? 0) > 1 ? ' ⇄' : '';
        const prefix = mount.kind === 'volume' ? '▤ ' : mount.kind === 'secret' ? '⚿ ' : '⚙ ';
        chips.push(chip(`${prefix}${nameOf(mount.to)}${shared}`, mount.kind, mount.to, mount.range, [...mount.findings, ...(resource?.findings ?? [])]));
      }
    }
  } else if (node.kind === 'network') {
    const flags = [node.driver, node.internal ? 'internal' : '', node.external ? 'external' : '', node.attachable ? 'attachable' : '', node.declared ? '' : node.name === 'default' ? 'implicit' : 'not declared'];
    lines.push(flags.filter(Boolean).join(' · '));
    for (const subnet of node.subnets) lines.push([subnet.subnet, subnet.gateway ? `gw ${subnet.gateway}` : ''].filter(Boolean).join('  '));
  } else {
    lines.push([node.kind, node.external ? 'external' : '', node.declared ? '' : 'not declared', index.users.has(node.id) ? '' : 'unused'].filter(Boolean).join(' · '));
  }
  return sized(node.name, lines, chips, options.group ?? false);
}

function chip(text: string, kind: Chip['kind'], ref: string, range: LspRange, findings: readonly GraphFindingDto[]): Omit<Chip, 'x' | 'y'> {
  const severity = worst(findings);
  // A severity icon as well as colour, so the state reads without colour vision.
  const label = truncate(`${severity === 'error' ? '✖ ' : severity === 'warning' ? '⚠ ' : ''}${text}`, MAX_CHIP_CHARS);
  return { label, kind, ref, range, findings, width: Math.ceil(label.length * CHIP_CHAR_WIDTH) + 12, height: CHIP_HEIGHT, ...(severity ? { severity } : {}) };
}

/** Truncates the text to the box's limits and estimates its size. */
export function sized(name: string, rawLines: readonly string[], chips: readonly Omit<Chip, 'x' | 'y'>[], group: boolean): NodeContent {
  const title = truncate(name, MAX_TITLE_CHARS);
  const lines = rawLines.map((line) => truncate(line, MAX_LINE_CHARS));
  let textWidth = title.length * TITLE_CHAR_WIDTH;
  for (const line of lines) textWidth = Math.max(textWidth, line.length * LINE_CHAR_WIDTH);
  let width = Math.max(MIN_WIDTH, textWidth + 2 * PADDING);
  for (const c of chips) width = Math.max(width, c.width + 2 * PADDING);
  width = Math.min(MAX_WIDTH, width);
  const chipRows = packChips(chips, width - 2 * PADDING).rows;
  const height = PADDING + TITLE_HEIGHT + lines.length * LINE_HEIGHT + (group ? 0 : chipRows * (CHIP_HEIGHT + CHIP_GAP) + PADDING);
  return { title, lines, chips, width, height };
}

/** A positioned node from its content: chips wrapped under the text lines. */
export function placeNode(id: string, ref: string, classes: readonly string[], content: NodeContent, box: Box, group: boolean, findings: readonly GraphFindingDto[]): SceneNode {
  const origin = { x: box.x + PADDING, y: box.y + PADDING + TITLE_HEIGHT + content.lines.length * LINE_HEIGHT };
  const chips = packChips(content.chips, box.width - 2 * PADDING).placed.map((c) => ({ ...c, x: origin.x + c.x, y: origin.y + c.y }));
  const all = [...findings];
  for (const c of chips) if (c.kind === 'port') for (const finding of c.findings) all.push(finding);
  const severity = worst(all);
  return { id, ref, classes, box, group, title: content.title, lines: content.lines, chips, findings: all, ...(severity ? { severity } : {}) };
}

/** CSS classes of a graph node: its kind and its external / undeclared flags. */
export function nodeClasses(node: GraphNodeDto): string[] {
  const classes: string[] = [node.kind];
  if (node.kind !== 'service' && node.external) classes.push('external');
  if (node.kind !== 'service' && !node.declared) classes.push('undeclared');
  return classes;
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
  for (const c of chips) {
    if (x > 0 && x + c.width > width) {
      x = 0;
      row++;
    }
    placed.push({ ...c, x, y: row * (CHIP_HEIGHT + CHIP_GAP) });
    x += c.width + CHIP_GAP;
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

export function worst(findings: readonly GraphFindingDto[]): Severity | undefined {
  let result: Severity | undefined;
  for (const finding of findings) if (!result || RANK[finding.severity] > RANK[result]) result = finding.severity;
  return result;
}

/** A line between two boxes' centres, cut where it leaves each box. */
export function straight(from: Box, to: Box): Point[] {
  const a = centre(from);
  const b = centre(to);
  return [clip(from, a, b), clip(to, b, a)];
}

/**
 * A Bézier from the side of `from` facing `to` into the facing side of `to`: each edge keeps its own path
 * (no merged bus), and its ends show which box it leaves and enters.
 */
export function curve(from: Box, to: Box): Point[] {
  const a = centre(from);
  const b = centre(to);
  const horizontal = Math.abs(b.x - a.x) - (from.width + to.width) / 2 > Math.abs(b.y - a.y) - (from.height + to.height) / 2;
  if (horizontal) {
    const sign = b.x >= a.x ? 1 : -1;
    const start = { x: a.x + (sign * from.width) / 2, y: a.y };
    const end = { x: b.x - (sign * to.width) / 2, y: b.y };
    const bend = Math.max(24, Math.abs(end.x - start.x) / 2);
    return [start, { x: start.x + sign * bend, y: start.y }, { x: end.x - sign * bend, y: end.y }, end];
  }
  const sign = b.y >= a.y ? 1 : -1;
  const start = { x: a.x, y: a.y + (sign * from.height) / 2 };
  const end = { x: b.x, y: b.y - (sign * to.height) / 2 };
  const bend = Math.max(24, Math.abs(end.y - start.y) / 2);
  return [start, { x: start.x, y: start.y + sign * bend }, { x: end.x, y: end.y - sign * bend }, end];
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

/**
 * Dependency rank of each service: 0 for services nothing depends on, and every dependency at least one
 * rank right of its dependents, so `depends_on` reads left to right. Kahn's algorithm, O(V + E); services
 * on a cycle (Compose refuses those) get one more than their ranked dependents.
 */
export function dependencyRanks(graph: NetworkGraphResult): Map<string, number> {
  const outgoing = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const node of graph.nodes) if (node.kind === 'service') indegree.set(node.id, 0);
  for (const edge of graph.edges) {
    if (edge.kind !== 'dependsOn' || !indegree.has(edge.from) || !indegree.has(edge.to) || edge.from === edge.to) continue;
    push(outgoing, edge.from, edge.to);
    indegree.set(edge.to, indegree.get(edge.to)! + 1);
  }
  const rank = new Map<string, number>();
  const queue: string[] = [];
  for (const [id, degree] of indegree) if (degree === 0) queue.push(id);
  for (const id of queue) rank.set(id, 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of outgoing.get(id) ?? []) {
      rank.set(next, Math.max(rank.get(next) ?? 0, rank.get(id)! + 1));
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  for (const id of indegree.keys()) if (!rank.has(id)) rank.set(id, 0);
  return rank;
}
