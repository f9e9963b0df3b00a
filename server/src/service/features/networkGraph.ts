/**
 * The `compose/networkGraph` DTO: services, networks, volumes, secrets and configs as nodes; network
 * attachments, depends_on, `network_mode: service:x` and mounts as edges, each with the span it was
 * written at and the findings inside that span. Broken files give the part of the graph that can be read.
 */
import { defaultDriver } from '../facts/networkDrivers';
import { SECTION_OF } from '../analyses/references/referenceIndex';
import type { ComposeDocument, Element } from '../parse/model';
import { networkMode, replicaCount, deployMode, serviceDependsOn, serviceMounts, serviceNetworks } from '../parse/compose';
import { formatPortRange, servicePorts } from '../parse/ports';
import { asScalar, get, listItems, text, type Node } from '../parse/tree';
import type { Finding, GraphEdge, GraphFinding, GraphNode, GraphPort, NetworkGraph, NetworkGraphNode, ResourceGraphNode, ServiceGraphNode, Span } from '../types';
import { attachFindings } from './networkGraphFindings';

type ResourceKind = ResourceGraphNode['kind'];

/** The same graph with every range (items, ports, findings) mapped: to LSP ranges, or to a project's files. */
export function mapGraphRanges<A, B>(graph: NetworkGraph<A>, map: (range: A) => B): NetworkGraph<B> {
  const findings = (list: readonly GraphFinding<A>[]) => list.map((finding) => ({ ...finding, range: map(finding.range) }));
  return {
    nodes: graph.nodes.map((node): GraphNode<B> =>
      node.kind === 'service'
        ? { ...node, range: map(node.range), findings: findings(node.findings), ports: node.ports.map((port) => ({ ...port, range: map(port.range), findings: findings(port.findings) })) }
        : { ...node, range: map(node.range), findings: findings(node.findings) },
    ),
    edges: graph.edges.map((edge): GraphEdge<B> => ({ ...edge, range: map(edge.range), findings: findings(edge.findings) })),
    ...(graph.syntaxErrors ? { syntaxErrors: graph.syntaxErrors } : {}),
  };
}

export function networkGraph(doc: ComposeDocument, findings: readonly Finding[]): NetworkGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  for (const element of doc.model.networks.values()) nodes.set(`network:${element.name}`, networkNode(doc, element.name, element));
  for (const kind of ['volume', 'secret', 'config'] as const) {
    for (const element of doc.model[SECTION_OF[kind]].values()) nodes.set(`${kind}:${element.name}`, resourceNode(kind, element.name, element, elementSpan(element)));
  }
  /** The node an edge points at; a name the file does not declare still gets a node, marked undeclared. */
  const target = (kind: ResourceKind | 'network', name: string, span: Span): string => {
    const id = `${kind}:${name}`;
    if (!nodes.has(id)) nodes.set(id, kind === 'network' ? networkNode(doc, name, undefined, span) : resourceNode(kind, name, undefined, span));
    return id;
  };
  // Ids stay stable across edits elsewhere in the file, so the webview keeps its selection.
  const edgeIds = new Set<string>();
  const edgeId = (kind: string, from: string, to: string) => {
    const base = `${kind}:${from}->${to}`;
    let id = base;
    for (let n = 2; edgeIds.has(id); n++) id = `${base}#${n}`;
    edgeIds.add(id);
    return id;
  };

  for (const element of doc.model.services.values()) {
    const from = `service:${element.name}`;
    nodes.set(from, serviceNode(element));
    const service = element.node;
    const mode = networkMode(service);
    const attachments = serviceNetworks(service);
    for (const attachment of attachments) {
      const to = target('network', attachment.name, attachment.span);
      const ipv4Address = text(attachment.ipv4Address);
      const ipv6Address = text(attachment.ipv6Address);
      edges.push({
        kind: 'network',
        id: edgeId('network', from, to),
        from,
        to,
        range: attachmentSpan(attachment.span, attachment.config),
        findings: [],
        ...(ipv4Address ? { ipv4Address } : {}),
        ...(ipv6Address ? { ipv6Address } : {}),
        aliases: attachment.aliases.flatMap((alias) => text(alias) ?? []),
      });
    }
    // Without `networks:` and `network_mode`, Compose attaches the service to the project's `default` network.
    // https://docs.docker.com/compose/how-tos/networking/
    // The implicit node and edges point at the `services` key and the service's key: nothing else is written.
    if (attachments.length === 0 && !mode && !get(service, 'networks')) {
      const to = target('network', 'default', servicesKey(doc) ?? element.keySpan);
      edges.push({ kind: 'network', id: edgeId('network', from, to), from, to, range: element.keySpan, findings: [], aliases: [], implicit: true });
    }
    if (mode?.kind === 'service' && mode.target) {
      const to = `service:${mode.target}`;
      edges.push({ kind: 'networkMode', id: edgeId('networkMode', from, to), from, to, range: mode.node.span, findings: [] });
    }
    for (const dependency of serviceDependsOn(service)) {
      const to = `service:${dependency.name}`;
      edges.push({ kind: 'dependsOn', id: edgeId('dependsOn', from, to), from, to, range: attachmentSpan(dependency.span, dependency.conditionNode), findings: [], condition: dependency.condition, required: dependency.required });
    }
    for (const mount of serviceMounts(service)) {
      const to = target(mount.kind, mount.name, mount.span);
      edges.push({ kind: mount.kind, id: edgeId(mount.kind, from, to), from, to, range: mount.span, findings: [], ...(mount.target ? { target: mount.target } : {}), readOnly: mount.readOnly });
    }
  }
  // Edges to services the file does not define are dropped: the references analysis reports them.
  const syntaxErrors = doc.syntaxFindings.filter((finding) => finding.severity === 'error').length;
  const graph = attachFindings({ nodes: [...nodes.values()], edges: edges.filter((edge) => nodes.has(edge.to)) }, findings);
  return syntaxErrors ? { ...graph, syntaxErrors } : graph;
}

function servicesKey(doc: ComposeDocument): Span | undefined {
  return doc.model.topLevel.find((entry) => entry.key === 'services')?.keySpan;
}

/** From the key to the end of the value, so findings anywhere in the block land on the element. */
function elementSpan(element: Element): Span {
  return { start: element.keySpan.start, end: Math.max(element.keySpan.end, element.node.span.end) };
}

function attachmentSpan(span: Span, value: Node | undefined): Span {
  return value && value.span.end > span.end ? { start: span.start, end: value.span.end } : span;
}

function serviceNode(element: Element): ServiceGraphNode {
  const service = element.node;
  const imageNode = asScalar(get(service, 'image'));
  const image = text(imageNode) ?? (typeof imageNode?.value === 'string' ? imageNode.value : undefined);
  const mode = networkMode(service);
  const replicas = replicaCount(service);
  const ports = servicePorts(service).map((port): GraphPort => ({
    ...(port.hostIp ? { hostIp: port.hostIp.address } : {}),
    ...(port.published ? { published: formatPortRange(port.published) } : {}),
    ...(port.target ? { target: formatPortRange(port.target) } : {}),
    ...(port.unknown && port.node.kind === 'scalar' ? { written: String(port.node.value) } : {}),
    protocol: port.protocol,
    mode: port.mode,
    range: port.node.span,
    findings: [],
  }));
  return {
    kind: 'service',
    id: `service:${element.name}`,
    name: element.name,
    range: elementSpan(element),
    findings: [],
    ...(image ? { image } : {}),
    ...(!image && get(service, 'build') ? { build: true } : {}),
    ports,
    ...(replicas !== undefined ? { replicas } : {}),
    deployMode: deployMode(service),
    ...(mode ? { networkMode: text(mode.node) ?? '' } : {}),
  };
}

function networkNode(doc: ComposeDocument, name: string, element: Element | undefined, usedAt?: Span): NetworkGraphNode {
  const node = element?.node;
  const subnets = listItems(get(get(node, 'ipam'), 'config')).flatMap((config) => {
    const subnet = text(get(config, 'subnet'));
    if (!subnet) return [];
    const gateway = text(get(config, 'gateway'));
    const ipRange = text(get(config, 'ip_range'));
    return [{ subnet, ...(gateway ? { gateway } : {}), ...(ipRange ? { ipRange } : {}) }];
  });
  return {
    kind: 'network',
    id: `network:${name}`,
    name,
    range: element ? elementSpan(element) : (usedAt ?? { start: 0, end: 0 }),
    findings: [],
    driver: text(get(node, 'driver')) ?? defaultDriver(doc.mode),
    subnets,
    internal: text(get(node, 'internal')) === 'true',
    external: isExternal(node),
    attachable: text(get(node, 'attachable')) === 'true',
    declared: element !== undefined,
  };
}

function resourceNode(kind: ResourceKind, name: string, element: Element | undefined, span: Span): ResourceGraphNode {
  return { kind, id: `${kind}:${name}`, name, range: span, findings: [], external: isExternal(element?.node), declared: element !== undefined };
}

/** `external: true`, or the legacy `external: {name: …}` form. */
function isExternal(node: Node | undefined): boolean {
  const external = get(node, 'external');
  return external?.kind === 'map' || text(external) === 'true';
}
