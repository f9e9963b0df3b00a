/**
 * A port entry explained in words: which host address and port lead to which container port, and who
 * can reach it. Semantics: https://docs.docker.com/engine/network/port-publishing/ (published ports
 * bypass host firewalls such as ufw: https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw;
 * loopback-only binding holds from Engine 28.0; the gateway network's default binding address and
 * `routed` gateway mode), and for stacks https://docs.docker.com/engine/swarm/ingress/ (Swarm picks
 * unpublished ingress ports from 30000–32767: swarmkit manager/allocator/portallocator.go).
 * COMPOSE-SEMANTICS.md sections 1.1–1.7, 6.3.
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import * as ipaddr from 'ipaddr.js';
import { formatPortRange, type PortSpec } from '../../parse/ports';
import type { ComposeMode } from '../../types';
import { code, markdown } from '../../docs/markdown';
import type { GatewayNetwork } from '../../analyses/networks/gateway';

const PORTS_URL = composeFileDoc('services', 'ports');
const SHOWN_PAIRS = 4;

/** `gateway` is the service's gateway network in Compose files, whose bridge options shape the binding. */
export function portHover(spec: PortSpec, mode: ComposeMode, gateway?: GatewayNetwork): string | undefined {
  if (spec.unknown || !spec.target) return undefined;
  const heading = `**Port** ${code(spec.node.kind === 'scalar' ? spec.node.raw : `${spec.published ? `${formatPortRange(spec.published)}:` : ''}${formatPortRange(spec.target)}`)}`;
  if (spec.problems.length) return markdown(heading, spec.problems.map((problem) => `⛔ ${problem.message}`), PORTS_URL);
  const routed = mode === 'compose' && !spec.hostIp && gateway?.gatewayMode4 === 'routed';
  const lines = routed ? [routedLine(spec, gateway!)] : [mapping(spec, mode, gateway), ...reach(spec, mode, gateway)];
  if (spec.node.kind === 'scalar' && spec.node.style === 'plain' && spec.node.raw.includes(':')) {
    lines.push(`Quote it (${code(`"${spec.node.raw}"`)}): YAML 1.1 tools read unquoted values like \`22:22\` as base-60 numbers.`);
  }
  return markdown(heading, lines, PORTS_URL);
}

/** `routed` gateway mode: no NAT and no host port; the port opens on the container's own address. */
function routedLine(spec: PortSpec, gateway: GatewayNetwork): string {
  return `Network ${code(gateway.name)} uses the \`routed\` gateway mode: no host port is used; ${formatPortRange(spec.target!)}/${spec.protocol} is opened on the container's own address for hosts with a route to it.`;
}

function mapping(spec: PortSpec, mode: ComposeMode, gateway: GatewayNetwork | undefined): string {
  const target = spec.target!;
  const container = `container ${formatPortRange(target)}/${spec.protocol}`;
  const written = mode === 'stack' ? undefined : (spec.hostIp?.address ?? gateway?.bindingIp);
  const address = written === undefined ? undefined : formatAddress(written);
  const host = (ports: string): string => (address ? `${address}:${ports}` : ports);
  const published = spec.published;
  if (!published) {
    if (mode === 'stack' && spec.mode !== 'host') return `Host: Swarm picks a free port from 30000–32767 when it creates the service, and opens it on every node → ${container}.`;
    if (target.end > target.start) return `Host: each container port gets its own free port Docker picks at start-up → ${container}.`;
    return `Host: a free port Docker picks at start-up → ${container}.`;
  }
  const hostLength = published.end - published.start;
  if (hostLength > 0 && target.end === target.start) return `Host: one free port in ${host(formatPortRange(published))} → ${container}.`;
  if (hostLength === 0) return `Host ${host(String(published.start))} → ${container}.`;
  const pairs = Array.from({ length: Math.min(hostLength + 1, SHOWN_PAIRS) }, (_, i) => `${published.start + i}→${target.start + i}`);
  const more = hostLength + 1 > SHOWN_PAIRS ? `, … (${hostLength + 1} ports)` : '';
  return `Host ${host(formatPortRange(published))} → ${container}, port by port: ${pairs.join(', ')}${more}.`;
}

const FIREWALL = 'Host firewalls such as ufw do not filter it (Docker\'s rules run first); bind to `127.0.0.1` to keep it local.';
const LOOPBACK = 'Reachable only from this machine (Docker Engine 28.0 and later; older engines also let hosts on the same LAN segment in).';

function reach(spec: PortSpec, mode: ComposeMode, gateway: GatewayNetwork | undefined): string[] {
  if (mode === 'stack') {
    return spec.mode === 'host'
      ? ['Host mode: bound only on the nodes running a task of this service, one task per node per port.']
      : ['Routing mesh (ingress): open on every swarm node and load-balanced to any task.'];
  }
  const notes: string[] = [];
  const address = spec.hostIp?.address ?? gateway?.bindingIp;
  const source = spec.hostIp || !gateway ? '' : ` (the default host address of network ${code(gateway.name)})`;
  if (address === undefined) {
    const unless = gateway?.external ? ` unless the external network ${code(gateway.name)} sets a default host address` : '';
    notes.push(`Bound on every host address (0.0.0.0 and ::)${unless}: reachable from other machines. ${FIREWALL}`);
  } else if (isLoopback(address)) notes.push(`${source ? `Bound on ${address}${source}. ` : ''}${LOOPBACK}`);
  else if (isUnspecified(address)) notes.push(`Bound on every ${address.includes(':') ? 'IPv6' : 'IPv4'} address of the host${source}: reachable from other machines. ${FIREWALL}`);
  else notes.push(`Reachable only through the host address ${address}${source}.`);
  if (spec.modeSpan) notes.push('`mode` only matters to `docker stack deploy`; `docker compose up` ignores it.');
  return notes;
}

function formatAddress(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function isLoopback(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

function isUnspecified(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unspecified';
}
