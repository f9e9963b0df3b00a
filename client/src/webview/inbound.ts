/**
 * Messages from the host, checked before use. postMessage delivers whatever was sent, and a message
 * that does not have the expected shape (another extension's, a version mismatch, a bug) must never throw
 * inside the webview: the message is dropped, and a graph keeps only the items that are well formed.
 */
import type { GraphEdgeDto, GraphFindingDto, GraphNodeDto, GraphPortDto, GraphRange, LspPosition, NetworkGraphResult } from '../../../server/src/protocol';
import type { ToWebview } from '../graph/messages';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const optionalString = (value: unknown) => value === undefined || isString(value);

function isPosition(value: unknown): value is LspPosition {
  return isObject(value) && isCount(value['line']) && isCount(value['character']);
}

/** A range in the shown document, or in another file of its project when `uri` is set. */
function isRange(value: unknown): value is GraphRange {
  return isObject(value) && isPosition(value['start']) && isPosition(value['end']) && optionalString(value['uri']);
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function findings(value: unknown): GraphFindingDto[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((f): f is GraphFindingDto => isObject(f) && isString(f['code']) && isString(f['message']) && SEVERITIES.has(f['severity'] as string) && isRange(f['range']));
}

function port(value: unknown): GraphPortDto | undefined {
  if (!isObject(value) || !isString(value['protocol']) || !isString(value['mode']) || !isRange(value['range'])) return undefined;
  if (![value['hostIp'], value['published'], value['target'], value['written']].every(optionalString)) return undefined;
  const list = findings(value['findings']);
  return list ? ({ ...value, findings: list } as unknown as GraphPortDto) : undefined;
}

const NODE_KINDS = new Set(['service', 'network', 'volume', 'secret', 'config']);
const EDGE_KINDS = new Set(['network', 'dependsOn', 'networkMode', 'volume', 'secret', 'config']);

function node(value: unknown): GraphNodeDto | undefined {
  if (!isObject(value) || !isString(value['id']) || !isString(value['name']) || !NODE_KINDS.has(value['kind'] as string) || !isRange(value['range'])) return undefined;
  const list = findings(value['findings']);
  if (!list) return undefined;
  if (value['kind'] === 'service') {
    if (!Array.isArray(value['ports']) || !isString(value['deployMode']) || !optionalString(value['image']) || !optionalString(value['networkMode'])) return undefined;
    if (value['replicas'] !== undefined && typeof value['replicas'] !== 'number') return undefined;
    return { ...value, findings: list, ports: value['ports'].flatMap((p) => port(p) ?? []) } as unknown as GraphNodeDto;
  }
  if (value['kind'] === 'network') {
    if (!isString(value['driver']) || !Array.isArray(value['subnets'])) return undefined;
    const subnets = value['subnets'].filter((s) => isObject(s) && isString(s['subnet']) && optionalString(s['gateway']) && optionalString(s['ipRange']));
    return { ...value, findings: list, subnets } as unknown as GraphNodeDto;
  }
  return { ...value, findings: list } as unknown as GraphNodeDto;
}

function edge(value: unknown, ids: ReadonlySet<string>): GraphEdgeDto | undefined {
  if (!isObject(value) || !isString(value['id']) || !EDGE_KINDS.has(value['kind'] as string) || !isRange(value['range'])) return undefined;
  if (!isString(value['from']) || !isString(value['to']) || !ids.has(value['from']) || !ids.has(value['to'])) return undefined;
  const list = findings(value['findings']);
  if (!list) return undefined;
  if (value['kind'] === 'network') {
    const aliases = Array.isArray(value['aliases']) ? value['aliases'].filter(isString) : [];
    if (!optionalString(value['ipv4Address']) || !optionalString(value['ipv6Address'])) return undefined;
    return { ...value, findings: list, aliases } as unknown as GraphEdgeDto;
  }
  if (value['kind'] === 'dependsOn' && (!isString(value['condition']) || typeof value['required'] !== 'boolean')) return undefined;
  if ((value['kind'] === 'volume' || value['kind'] === 'secret' || value['kind'] === 'config') && !optionalString(value['target'])) return undefined;
  return { ...value, findings: list } as unknown as GraphEdgeDto;
}

/** The graph's well-formed nodes (first of each id) and the edges between them; undefined if it is no graph at all. */
export function readGraph(value: unknown): NetworkGraphResult | undefined {
  if (!isObject(value) || !Array.isArray(value['nodes']) || !Array.isArray(value['edges'])) return undefined;
  const ids = new Set<string>();
  const nodes: GraphNodeDto[] = [];
  for (const candidate of value['nodes']) {
    const read = node(candidate);
    if (read && !ids.has(read.id)) {
      ids.add(read.id);
      nodes.push(read);
    }
  }
  const edgeIds = new Set<string>();
  const edges: GraphEdgeDto[] = [];
  for (const candidate of value['edges']) {
    const read = edge(candidate, ids);
    if (read && !edgeIds.has(read.id)) {
      edgeIds.add(read.id);
      edges.push(read);
    }
  }
  const syntaxErrors = isCount(value['syntaxErrors']) ? value['syntaxErrors'] : 0;
  return { nodes, edges, ...(syntaxErrors ? { syntaxErrors } : {}) };
}

/** The message if it is one the host sends, checked down to the graph's items; otherwise undefined. */
export function readMessage(data: unknown): ToWebview | undefined {
  if (!isObject(data)) return undefined;
  switch (data['kind']) {
    case 'setGraph': {
      const graph = readGraph(data['graph']);
      if (!graph || !isString(data['uri'])) return undefined;
      return { kind: 'setGraph', uri: data['uri'], graph, ...(isPosition(data['cursor']) ? { cursor: data['cursor'] } : {}) };
    }
    case 'cursor':
      return isPosition(data['position']) ? { kind: 'cursor', position: data['position'] } : undefined;
    case 'error':
      return isString(data['uri']) && isString(data['message']) ? { kind: 'error', uri: data['uri'], message: data['message'].slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}
