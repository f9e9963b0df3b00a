/**
 * Per-service port rules: network modes that discard or forbid publishing, Swarm's own ports, the Swarm
 * publish mode (ingress/host) and its interplay with replicas, dnsrr and start-first updates, and
 * services whose only networks are internal. (`expose` in stacks is the stack analysis' stack-deprecated-key.)
 */
import { deployMode, replicaCount, type NetworkMode } from '../../parse/compose';
import type { ComposeDocument, Element } from '../../parse/model';
import { at, get, text, type Entry } from '../../parse/tree';
import type { Finding, Severity, Span } from '../../types';
import type { PortSpec } from '../../parse/ports';
import { atKey } from '../place';
import { absolute } from '../serviceFacts';
import { describePorts, type LocalBinding, type PortService } from './bindings';
import { DOCS } from './docs';

/** Ports Swarm itself listens on (https://docs.docker.com/engine/swarm/swarm-tutorial/#open-protocols-and-ports-between-the-hosts). */
export const SWARM_PORTS: readonly { readonly port: number; readonly protocol: string; readonly use: string }[] = [
  { port: 2377, protocol: 'tcp', use: 'cluster management' },
  { port: 7946, protocol: 'tcp', use: 'node discovery' },
  { port: 7946, protocol: 'udp', use: 'node discovery' },
  { port: 4789, protocol: 'udp', use: 'overlay network traffic (VXLAN)' },
];

/** Findings about one service's publishing that depend on that service alone (its facts cache them). */
export function ownServiceFindings(element: Element, ports: readonly PortSpec[], mode: NetworkMode | undefined, stack: boolean, portsEntry: Entry | undefined): Finding[] {
  const findings: Finding[] = [];
  const name = element.name;
  if (!stack && portsEntry && ports.length > 0 && mode) {
    const related = [{ span: mode.node.span, message: `network_mode: ${text(mode.node) ?? ''}` }];
    if (mode.kind === 'host') {
      findings.push(atKey(portsEntry, { code: 'ports-with-host-network', severity: 'warning', message: `Service '${name}' uses network_mode: host, so Docker discards its published ports: the service listens on the host's ports directly.`, related, docUrl: DOCS.hostNetwork }));
    } else if (mode.kind === 'service' || mode.kind === 'container') {
      const owner = `${mode.kind} '${mode.target ?? ''}'`;
      findings.push(atKey(portsEntry, { code: 'ports-with-shared-netns', severity: 'error', message: `Service '${name}' shares the network namespace of ${owner}, so it cannot publish ports: publish them on ${owner}.`, related, docUrl: DOCS.networkMode }));
    }
  }
  if (stack) return [...findings, ...stackServiceFindings(element, ports)];
  for (const spec of ports) {
    if (spec.syntax === 'long' && spec.mode === 'host' && spec.modeSpan) {
      findings.push({ code: 'port-mode-ignored', severity: 'information', message: "docker compose ignores 'mode: host': every Compose port is a host binding already; the mode matters only to docker stack deploy.", span: spec.modeSpan, docUrl: DOCS.ports });
    }
  }
  return findings;
}

/** Services whose only networks are all declared `internal: true` (compose only: Swarm routes ingress ports through its own network). */
export function internalNetworkFindings(doc: ComposeDocument, services: readonly PortService[]): Finding[] {
  const findings: Finding[] = [];
  for (const service of services) {
    const publishing = service.facts.publishing;
    if (!publishing || !publishing.networks.every((name) => text(get(doc.model.networks.get(name)?.node, 'internal')) === 'true')) continue;
    const internal = publishing.networks;
    const key = publishing.portsKey;
    const portsKey = { keySpan: absolute(key.keySpan, service.start), ...(key.via ? { via: absolute(key.via, service.start) } : {}) };
    findings.push(atKey(portsKey, { code: 'ports-on-internal-network', severity: 'warning', message: `Service '${service.name}' publishes ports, but its only ${internal.length > 1 ? 'networks are' : 'network is'} internal (${internal.map((n) => `'${n}'`).join(', ')}): nothing outside can reach them.`, docUrl: DOCS.internal }));
  }
  return findings;
}

/** Bindings of a service that publish a port Swarm listens on; spans as the bindings have them (relative to the service, in its facts). */
export function swarmReserved(bindings: readonly LocalBinding[], severity: Severity): Finding[] {
  const findings: Finding[] = [];
  for (const b of bindings) {
    if (b.source !== 'published' || b.pool) continue;
    for (const reserved of SWARM_PORTS) {
      if (reserved.protocol !== b.protocol || reserved.port < b.start || reserved.port > b.end) continue;
      findings.push({ code: 'port-swarm-reserved', severity, message: `Host ${describePorts(reserved.port, reserved.port, b.protocol)} is Docker Swarm's port for ${reserved.use}: publishing it clashes with Swarm on swarm nodes.`, span: b.span, docUrl: DOCS.swarmPorts });
    }
  }
  return findings;
}

/** Swarm publish-mode rules (COMPOSE-SEMANTICS 1.7, 3.1). */
function stackServiceFindings(service: Element, ports: readonly PortSpec[]): Finding[] {
  const findings: Finding[] = [];
  const node = service.node;
  const endpointMode = at(node, 'deploy', 'endpoint_mode');
  const order = at(node, 'deploy', 'update_config', 'order');
  const replicated = deployMode(node) === 'replicated';
  const oneTaskPerNode = text(at(node, 'deploy', 'placement', 'max_replicas_per_node')) === '1';
  const hostPorts: { span: Span; ports: string }[] = [];
  const ingress: PortSpec[] = [];
  for (const spec of ports) {
    if (spec.unknown) continue;
    if (spec.mode !== 'host') ingress.push(spec);
    const published = spec.published;
    if (spec.mode !== 'host' || !published || published.start === 0) continue;
    const ports = describePorts(published.start, published.end, spec.protocol);
    hostPorts.push({ span: published.span, ports });
    const replicas = replicaCount(node);
    if (replicated && replicas !== undefined && replicas > 1 && !oneTaskPerNode) {
      findings.push({ code: 'host-mode-port-replicas', severity: 'warning', message: `Service '${service.name}' runs ${replicas} replicas with host-mode ${ports}: a node can run only one of them, so tasks beyond the number of nodes stay pending. Use deploy.mode: global or placement.max_replicas_per_node: 1.`, span: published.span, docUrl: DOCS.ingress });
    }
  }
  // Swarm refuses any ingress-mode port with dnsrr, published or not (swarmkit controlapi validateEndpointSpec).
  if (endpointMode && text(endpointMode) === 'dnsrr' && ingress.length > 0) {
    const related = ingress.map((spec) => ({ span: spec.node.span, message: 'Published in ingress mode' }));
    findings.push({ code: 'dnsrr-ingress-ports', severity: 'error', message: `Swarm refuses endpoint_mode: dnsrr for service '${service.name}' because it publishes ${ingress.length === 1 ? 'a port' : `${ingress.length} ports`} in ingress mode: publish with the long syntax and mode: host, or use endpoint_mode: vip.`, span: endpointMode.span, related, docUrl: DOCS.ingress });
  }
  const first = hostPorts[0];
  if (order && text(order) === 'start-first' && first) {
    findings.push({ code: 'start-first-host-port', severity: 'warning', message: `update_config.order: start-first starts the new task while the old one still holds host-mode ${first.ports} on its node, so the new task cannot bind it: use stop-first.`, span: order.span, related: hostPorts.map((p) => ({ span: p.span, message: `Host-mode ${p.ports}` })), docUrl: DOCS.updateConfig });
  }
  return findings;
}
