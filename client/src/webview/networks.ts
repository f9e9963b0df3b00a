/**
 * The Networks view. A service on exactly one network sits inside that network's box, packed in a grid
 * ordered by dependency rank (dependents left, dependencies right) so a 30-service network is a block, not
 * a column. Volumes, secrets and configs are badges on the services that mount them, so no mount line
 * crosses other boxes; only unused ones are nodes. Services on several networks stay outside and are
 * joined to them by lines; the top level is laid out by ELK (in the worker) with edges chained
 * network → service → network, which puts such a service between its networks, or by shelves when
 * ELK is too slow. `depends_on` edges are drawn one by one as curves.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdgeDto, NetworkGraphResult } from '../../../server/src/protocol';
import { packGrid, packShelves, type Sized } from './grid';
import { curve, dependencyRanks, indexGraph, layerShows, nameOf, nodeClasses, nodeContent, PADDING, placeNode, sized, straight, type Box, type GraphIndex, type Layers, type NodeContent, type Point, type Scene, type SceneEdge, type SceneNode, worst } from './scene';

const MEMBER_GRID = { aspect: 1.6, gapX: 28, gapY: 16 };
const TOP_GAP = 48;

export interface NetworksPlan {
  readonly index: GraphIndex;
  readonly layers: Layers;
  readonly content: ReadonlyMap<string, NodeContent>;
  /** Service id -> the network box it sits in. */
  readonly home: ReadonlyMap<string, string>;
  /** Network id -> its members' offsets inside the box, and the box's size. */
  readonly groups: ReadonlyMap<string, { readonly members: readonly (Sized & Point & { id: string })[] } & Sized>;
  /** Service id -> the block of services sharing its set of networks (two or more such services). */
  readonly block: ReadonlyMap<string, string>;
  /** Block id -> the networks its services are all attached to. */
  readonly blockNetworks: ReadonlyMap<string, readonly string[]>;
  /** What the top level arranges: network boxes, blocks, services outside boxes, unused resources. */
  readonly top: readonly ({ readonly id: string } & Sized)[];
  /** Hints for the top-level layout: each outside service between its networks. */
  readonly links: readonly { readonly id: string; readonly from: string; readonly to: string }[];
}

export function planNetworks(graph: NetworkGraphResult, layers: Layers): NetworksPlan {
  const index = indexGraph(graph);
  const home = homes(graph);
  const networks = new Map<string, string[]>();
  for (const [service, network] of home) {
    const list = networks.get(network);
    if (list) list.push(service);
    else networks.set(network, [service]);
  }
  const content = new Map<string, NodeContent>();
  const top: ({ id: string } & Sized)[] = [];
  const ranks = dependencyRanks(graph);
  const groups = new Map<string, { members: (Sized & Point & { id: string })[] } & Sized>();
  for (const node of graph.nodes) {
    if (node.kind === 'service') content.set(node.id, nodeContent(index, node, { badges: layers }));
    else if (node.kind === 'network') content.set(node.id, nodeContent(index, node, { group: networks.has(node.id) }));
    else if (!index.users.has(node.id) && layerShows(layers, node.kind)) content.set(node.id, nodeContent(index, node));
  }
  for (const node of graph.nodes) {
    if (node.kind !== 'network') continue;
    const header = content.get(node.id)!;
    const members = networks.get(node.id);
    if (!members) {
      top.push({ id: node.id, width: header.width, height: header.height });
      continue;
    }
    const group = packMembers(members, header, content, ranks);
    groups.set(node.id, group);
    top.push({ id: node.id, width: group.width, height: group.height });
  }
  // Services on the same several networks form one block: a grid between those networks instead of a
  // column of single boxes, and one node for ELK instead of many (500 services: 112 top-level nodes -> 30).
  const sharing = new Map<string, string[]>();
  for (const [service, edges] of index.attachments) {
    if (home.has(service) || edges.length < 2) continue;
    const key = [...new Set(edges.map((edge) => edge.to))].sort().join('\u0000');
    const list = sharing.get(key);
    if (list) list.push(service);
    else sharing.set(key, [service]);
  }
  const block = new Map<string, string>();
  const blockNetworks = new Map<string, string[]>();
  for (const [key, members] of sharing) {
    if (members.length < 2) continue;
    const networksOfBlock = key.split('\u0000');
    const id = `block:${key}`;
    blockNetworks.set(id, networksOfBlock);
    const header = sized(`on ${networksOfBlock.map(nameOf).join(' + ')}`, [`${members.length} services`], [], true);
    content.set(id, header);
    for (const member of members) block.set(member, id);
    groups.set(id, packMembers(members, header, content, ranks));
    top.push({ id, width: groups.get(id)!.width, height: groups.get(id)!.height });
  }
  // Largest boxes first: the shelves start with them and ELK keeps model order where it can.
  top.sort((a, b) => b.width * b.height - a.width * a.height);
  for (const node of graph.nodes) {
    if (home.has(node.id) || block.has(node.id) || node.kind === 'network') continue;
    const size = content.get(node.id);
    if (size) top.push({ id: node.id, width: size.width, height: size.height });
  }
  const order = new Map(top.map((item, i) => [item.id, i]));
  const links: { id: string; from: string; to: string }[] = [];
  const between = (item: string, networksOfItem: readonly string[]) => {
    const targets = networksOfItem.filter((to) => order.has(to)).sort((a, b) => order.get(a)! - order.get(b)!);
    targets.forEach((to, i) => links.push(i === 0 ? { id: `link:${links.length}`, from: to, to: item } : { id: `link:${links.length}`, from: item, to }));
  };
  for (const [service, edges] of index.attachments) if (!home.has(service) && !block.has(service)) between(service, edges.map((edge) => edge.to));
  for (const [id, networksOfBlock] of blockNetworks) between(id, networksOfBlock);
  for (const edge of graph.edges) {
    if (edge.kind !== 'networkMode' || home.has(edge.from)) continue;
    const to = home.get(edge.to) ?? edge.to;
    if (order.has(to) && order.has(edge.from)) links.push({ id: `link:${links.length}`, from: to, to: edge.from });
  }
  return { index, layers, content, home, block, blockNetworks, groups, top, links };
}

/** A box's members in a grid under its header, ordered by dependency rank then name. */
function packMembers(members: string[], header: NodeContent, content: ReadonlyMap<string, NodeContent>, ranks: ReadonlyMap<string, number>): { members: (Sized & Point & { id: string })[] } & Sized {
  members.sort((a, b) => ranks.get(a)! - ranks.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const sizes = members.map((id) => content.get(id)!);
  const grid = packGrid(sizes, MEMBER_GRID);
  const left = 2 * PADDING;
  const topOffset = header.height + PADDING;
  const width = Math.max(header.width, grid.width + 2 * left);
  const height = topOffset + grid.height + 2 * PADDING;
  return { width, height, members: members.map((id, i) => ({ id, width: sizes[i]!.width, height: sizes[i]!.height, x: left + grid.placed[i]!.x, y: topOffset + grid.placed[i]!.y })) };
}

/**
 * Which network box each service sits in: services attached to exactly one network, and services sharing
 * another's stack (`network_mode: service:x`) with no networks of their own follow x.
 */
export function homes(graph: NetworkGraphResult): Map<string, string> {
  const networksOf = new Map<string, string[]>();
  const sharesStackOf = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'network') {
      const list = networksOf.get(edge.from);
      if (list) list.push(edge.to);
      else networksOf.set(edge.from, [edge.to]);
    } else if (edge.kind === 'networkMode') sharesStackOf.set(edge.from, edge.to);
  }
  const home = new Map<string, string>();
  for (const [service, networks] of networksOf) if (networks.length === 1) home.set(service, networks[0]!);
  for (const [service, target] of sharesStackOf) {
    const targetHome = home.get(target);
    if (targetHome && !networksOf.has(service)) home.set(service, targetHome);
  }
  return home;
}

/** The top level as a flat ELK graph of fixed-size boxes. */
export function networksElk(plan: NetworksPlan): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.spacing.componentComponent': String(TOP_GAP),
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: plan.top.map((item) => ({ id: item.id, width: item.width, height: item.height })),
    edges: plan.links.map((link): ElkExtendedEdge => ({ id: link.id, sources: [link.from], targets: [link.to] })),
  };
}

export function elkPositions(laidOut: ElkNode): Map<string, Point> {
  return new Map((laidOut.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}

/** The quick top level: shelves, largest boxes first. */
export function shelfPositions(plan: NetworksPlan): Map<string, Point> {
  const { placed } = packShelves(plan.top, { aspect: 1.6, gapX: TOP_GAP, gapY: TOP_GAP });
  return new Map(plan.top.map((item, i) => [item.id, placed[i]!]));
}

export function networksScene(plan: NetworksPlan, positions: ReadonlyMap<string, Point>, quality: Scene['quality']): Scene {
  const { index, content, home, block, blockNetworks, groups, layers } = plan;
  const boxes = new Map<string, Box>();
  for (const item of plan.top) {
    const at = positions.get(item.id) ?? { x: 0, y: 0 };
    boxes.set(item.id, { x: at.x, y: at.y, width: item.width, height: item.height });
    for (const member of groups.get(item.id)?.members ?? []) boxes.set(member.id, { x: at.x + member.x, y: at.y + member.y, width: member.width, height: member.height });
  }
  // Findings of an attachment drawn as containment belong to the service.
  const membership = new Map<string, GraphEdgeDto['findings'][number][]>();
  for (const edge of index.graph.edges) {
    if (edge.kind === 'network' && (home.get(edge.from) === edge.to || block.has(edge.from)) && edge.findings.length) {
      const list = membership.get(edge.from) ?? [];
      for (const finding of edge.findings) list.push(finding);
      membership.set(edge.from, list);
    }
  }
  const nodes: SceneNode[] = [];
  for (const item of index.graph.nodes) {
    const box = boxes.get(item.id);
    const text = content.get(item.id);
    if (!box || !text) continue;
    const findings = [...item.findings, ...(membership.get(item.id) ?? [])];
    nodes.push(placeNode(item.id, item.id, [...nodeClasses(item), ...(groups.has(item.id) ? ['group'] : [])], text, box, groups.has(item.id), findings));
  }
  for (const id of blockNetworks.keys()) {
    const box = boxes.get(id);
    if (box) nodes.push(placeNode(id, '', ['block', 'group'], content.get(id)!, box, true, []));
  }
  nodes.sort((a, b) => Number(b.group) - Number(a.group));
  const edges: SceneEdge[] = [];
  // A block is joined to each of its networks by one line (styled as its first member's attachment).
  for (const [id, networksOfBlock] of blockNetworks) {
    const from = boxes.get(id);
    for (const network of networksOfBlock) {
      const to = boxes.get(network);
      const member = groups.get(id)?.members[0]?.id;
      const first = member ? index.attachments.get(member)?.find((edge) => edge.to === network) : undefined;
      if (from && to && first) edges.push({ id: `${id}->${network}`, item: first, points: straight(from, to) });
    }
  }
  for (const item of index.graph.edges) {
    if (!layerShows(layers, item.kind) || item.kind === 'volume' || item.kind === 'secret' || item.kind === 'config') continue;
    if (item.kind === 'network' && (home.get(item.from) === item.to || block.has(item.from))) continue;
    const from = boxes.get(item.from);
    const to = boxes.get(item.to);
    if (!from || !to) continue;
    const curved = item.kind === 'dependsOn' || item.kind === 'networkMode';
    const severity = worst(item.findings);
    edges.push({ id: item.id, item, points: curved ? curve(from, to) : straight(from, to), ...(curved ? { curve: true } : {}), ...(severity ? { severity } : {}) });
  }
  let width = 0;
  let height = 0;
  for (const box of boxes.values()) {
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
  }
  let focus: string | undefined;
  let most = 0;
  for (const [id, group] of groups) {
    if (group.members.length > most) {
      most = group.members.length;
      focus = id;
    }
  }
  return { view: 'networks', width, height, nodes, edges, quality, ...(focus ? { focus } : {}) };
}
