/**
 * The Ports view: every published port, grouped by the host address it binds (all addresses, 127.0.0.1,
 * …), sorted by port, each row naming the service and container port. Rows with a finding (a conflict,
 * a reserved port) carry its severity; ports published twice on an address are marked as clashing.
 */
import type { GraphNodeDto, GraphPortDto, NetworkGraphResult } from '../../../server/src/protocol';
import { packGrid } from './grid';
import { PADDING, sized, placeNode, portLabel, type NodeContent, type Scene, type SceneNode } from './scene';

const ALL = 'all addresses';

type ServiceGraphNodeDto = Extract<GraphNodeDto, { kind: 'service' }>;

interface Row {
  readonly service: ServiceGraphNodeDto;
  readonly port: GraphPortDto;
  readonly index: number;
}

/** The address group a port belongs to, as shown. */
export function hostGroup(port: GraphPortDto): string {
  if (port.target === undefined && port.written) return 'set at run time';
  if (!port.published) return 'ephemeral host ports';
  if (!port.hostIp || port.hostIp === '0.0.0.0' || port.hostIp === '::') return ALL;
  return port.hostIp;
}

function firstPort(port: GraphPortDto): number {
  return Number.parseInt(port.published ?? port.target ?? '', 10) || 0;
}

export function portsScene(graph: NetworkGraphResult): Scene {
  const groups = new Map<string, Row[]>();
  for (const node of graph.nodes) {
    if (node.kind !== 'service') continue;
    node.ports.forEach((port, index) => {
      const key = hostGroup(port);
      const list = groups.get(key);
      if (list) list.push({ service: node, port, index });
      else groups.set(key, [{ service: node, port, index }]);
    });
  }
  const order = [...groups.keys()].sort((a, b) => (a === ALL ? -1 : b === ALL ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const nodes: SceneNode[] = [];
  let x = 0;
  let height = 0;
  for (const key of order) {
    const rows = groups.get(key)!.sort((a, b) => firstPort(a.port) - firstPort(b.port) || (a.port.protocol < b.port.protocol ? -1 : 1));
    // The same published port and protocol twice on one address: a clash even where no finding says so.
    const seen = new Map<string, number>();
    for (const row of rows) if (row.port.published) seen.set(`${row.port.published}/${row.port.protocol}`, (seen.get(`${row.port.published}/${row.port.protocol}`) ?? 0) + 1);
    const clashes = rows.map((row) => Boolean(row.port.published) && (seen.get(`${row.port.published}/${row.port.protocol}`) ?? 0) > 1);
    const contents: NodeContent[] = rows.map((row, i) => {
      const clash = clashes[i];
      const title = row.port.published ? `${row.port.published}/${row.port.protocol}` : portLabel(row.port);
      const detail = `${row.service.name} : ${row.port.target ?? '?'}${row.port.mode === 'host' ? '  host mode' : ''}${clash ? '  ✖ published twice' : ''}`;
      return sized(title, [detail], [], false);
    });
    const header = sized(key, [`${rows.length} port${rows.length === 1 ? '' : 's'}`], [], true);
    const grid = packGrid(contents, { aspect: 0.8, gapX: 16, gapY: 8 });
    const left = 2 * PADDING;
    const top = header.height + PADDING;
    const width = Math.max(header.width, grid.width + 2 * left);
    const boxHeight = top + grid.height + 2 * PADDING;
    nodes.push(placeNode(`address:${key}`, '', ['address', 'group'], header, { x, y: 0, width, height: boxHeight }, true, []));
    rows.forEach((row, i) => {
      const content = contents[i]!;
      const clash = clashes[i]!;
      const node = placeNode(`port:${row.service.id}#${row.index}`, row.service.id, ['port-row', ...(clash ? ['clash'] : [])], content, { x: x + left + grid.placed[i]!.x, y: top + grid.placed[i]!.y, width: content.width, height: content.height }, false, row.port.findings);
      nodes.push({ ...node, range: row.port.range, ...(clash && !node.severity ? { severity: 'error' as const } : {}) });
    });
    x += width + 48;
    height = Math.max(height, boxHeight);
  }
  return { view: 'ports', width: Math.max(0, x - 48), height, nodes, edges: [], quality: 'full' };
}
