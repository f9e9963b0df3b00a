/**
 * The Dependencies view: services as a layered left-to-right DAG of `depends_on`, dependents left of
 * their dependencies, each edge drawn on its own with its condition as a label. ELK's layered algorithm
 * (in the worker) where it finishes within the budget; otherwise columns by dependency rank.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdgeDto, NetworkGraphResult } from '../../../server/src/protocol';
import { packGrid } from './grid';
import { curve, dependencyRanks, indexGraph, nodeClasses, nodeContent, placeNode, type Box, type NodeContent, type Point, type Scene, type SceneEdge, type SceneNode, worst } from './scene';

const GAP_X = 96;
const GAP_Y = 20;

export interface DependenciesPlan {
  readonly graph: NetworkGraphResult;
  readonly content: ReadonlyMap<string, NodeContent>;
  readonly edges: readonly GraphEdgeDto[];
}

/** What an edge's label says: the condition unless it is the default, and `optional` for `required: false`. */
export function conditionLabel(edge: GraphEdgeDto): string | undefined {
  if (edge.kind !== 'dependsOn') return undefined;
  const parts = [edge.condition === 'service_started' ? '' : edge.condition.replace(/^service_/, ''), edge.required ? '' : 'optional'];
  const text = parts.filter(Boolean).join(', ');
  return text || undefined;
}

export function planDependencies(graph: NetworkGraphResult): DependenciesPlan {
  const index = indexGraph(graph);
  const content = new Map<string, NodeContent>();
  for (const node of graph.nodes) if (node.kind === 'service') content.set(node.id, nodeContent(index, node));
  const edges = graph.edges.filter((edge) => edge.kind === 'dependsOn' && content.has(edge.from) && content.has(edge.to) && edge.from !== edge.to);
  return { graph, content, edges };
}

export function dependenciesElk(plan: DependenciesPlan): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(GAP_Y),
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      // Measured on the corpus (20 and 34 services): ELK's own edge labels double its time, so the
      // condition labels sit at the middle of the route instead.
      'elk.edgeRouting': 'POLYLINE',
    },
    children: [...plan.content].map(([id, size]) => ({ id, width: size.width, height: size.height })),
    edges: plan.edges.map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
  };
}

/** ELK's positions and spline routes. */
export function dependenciesFromElk(plan: DependenciesPlan, laidOut: ElkNode): Scene {
  const positions = new Map((laidOut.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
  const routes = new Map<string, { points: Point[] }>();
  for (const edge of laidOut.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section) continue;
    routes.set(edge.id, { points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] });
  }
  return dependenciesScene(plan, positions, routes, 'full');
}

/** The quick layout: one column per rank, tall columns wrapped into a grid of their own. */
export function dependenciesFallback(plan: DependenciesPlan): Scene {
  const ranks = dependencyRanks(plan.graph);
  const columns: string[][] = [];
  for (const id of plan.content.keys()) (columns[ranks.get(id) ?? 0] ??= []).push(id);
  const positions = new Map<string, Point>();
  let x = 0;
  for (const column of columns) {
    if (!column) continue;
    const sizes = column.map((id) => plan.content.get(id)!);
    const grid = packGrid(sizes, { aspect: 0.25, gapX: GAP_Y, gapY: GAP_Y });
    column.forEach((id, i) => positions.set(id, { x: x + grid.placed[i]!.x, y: grid.placed[i]!.y }));
    x += grid.width + GAP_X;
  }
  return dependenciesScene(plan, positions, new Map(), 'fallback');
}

function dependenciesScene(plan: DependenciesPlan, positions: ReadonlyMap<string, Point>, routes: ReadonlyMap<string, { points: Point[] }>, quality: Scene['quality']): Scene {
  const boxes = new Map<string, Box>();
  const nodes: SceneNode[] = [];
  let width = 0;
  let height = 0;
  for (const item of plan.graph.nodes) {
    const text = plan.content.get(item.id);
    const at = positions.get(item.id);
    if (!text || !at) continue;
    const box = { x: at.x, y: at.y, width: text.width, height: text.height };
    boxes.set(item.id, box);
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
    nodes.push(placeNode(item.id, item.id, nodeClasses(item), text, box, false, item.findings));
  }
  const edges: SceneEdge[] = [];
  for (const item of plan.edges) {
    const from = boxes.get(item.from);
    const to = boxes.get(item.to);
    if (!from || !to) continue;
    const route = routes.get(item.id);
    const points = route && route.points.length >= 2 ? route.points : curve(from, to);
    const text = conditionLabel(item);
    const middle = route ? polylineMiddle(points) : bezierMiddle(points);
    const severity = worst(item.findings);
    edges.push({ id: item.id, item, points, ...(route ? {} : { curve: true }), ...(text ? { label: { text, ...middle } } : {}), ...(severity ? { severity } : {}) });
  }
  const dependents = new Set(plan.edges.map((edge) => edge.from));
  const focus = nodes.find((node) => dependents.has(node.id))?.id;
  return { view: 'dependencies', width, height, nodes, edges, quality, ...(focus ? { focus } : {}) };
}

function bezierMiddle(points: readonly Point[]): Point {
  if (points.length === 4) {
    const [a, b, c, d] = points as [Point, Point, Point, Point];
    return { x: (a.x + 3 * b.x + 3 * c.x + d.x) / 8, y: (a.y + 3 * b.y + 3 * c.y + d.y) / 8 };
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
}

/** The point halfway along a polyline. */
function polylineMiddle(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length >= left && length > 0) return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    left -= length;
  }
  return points[0]!;
}
