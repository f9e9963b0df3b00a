/**
 * A port entry explained in words: which host address and port lead to which container port, and who
 * can reach it. Semantics: https://docs.docker.com/engine/network/port-publishing/ and, for stacks,
 * https://docs.docker.com/engine/swarm/ingress/ (COMPOSE-SEMANTICS.md sections 1.1–1.7, 6.3).
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import * as ipaddr from 'ipaddr.js';
import { formatPortRange, type PortSpec } from '../../parse/ports';
import type { ComposeMode } from '../../types';
import { code, markdown } from '../../docs/markdown';

const PORTS_URL = composeFileDoc('services', 'ports');
const SHOWN_PAIRS = 4;

export function portHover(spec: PortSpec, mode: ComposeMode): string | undefined {
  if (spec.unknown || !spec.target) return undefined;
  const heading = `**Port** ${code(spec.node.kind === 'scalar' ? spec.node.raw : `${spec.published ? `${formatPortRange(spec.published)}:` : ''}${formatPortRange(spec.target)}`)}`;
  if (spec.problems.length) return markdown(heading, spec.problems.map((problem) => `⛔ ${problem.message}`), PORTS_URL);
  const lines = [mapping(spec, mode), ...reach(spec, mode)];
  if (spec.node.kind === 'scalar' && spec.node.style === 'plain' && spec.node.raw.includes(':')) {
    lines.push(`Quote it (${code(`"${spec.node.raw}"`)}): YAML 1.1 tools read unquoted values like \`22:22\` as base-60 numbers.`);
  }
  return markdown(heading, lines, PORTS_URL);
}

function mapping(spec: PortSpec, mode: ComposeMode): string {
  const target = spec.target!;
  const container = `container ${formatPortRange(target)}/${spec.protocol}`;
  const address = mode === 'stack' || !spec.hostIp ? undefined : formatAddress(spec.hostIp.address);
  const host = (ports: string): string => (address ? `${address}:${ports}` : ports);
  const published = spec.published;
  if (!published) return `Host: a free port Docker picks at start-up → ${container}.`;
  const hostLength = published.end - published.start;
  if (hostLength > 0 && target.end === target.start) return `Host: one free port in ${host(formatPortRange(published))} → ${container}.`;
  if (hostLength === 0) return `Host ${host(String(published.start))} → ${container}.`;
  const pairs = Array.from({ length: Math.min(hostLength + 1, SHOWN_PAIRS) }, (_, i) => `${published.start + i}→${target.start + i}`);
  const more = hostLength + 1 > SHOWN_PAIRS ? `, … (${hostLength + 1} ports)` : '';
  return `Host ${host(formatPortRange(published))} → ${container}, port by port: ${pairs.join(', ')}${more}.`;
}

function reach(spec: PortSpec, mode: ComposeMode): string[] {
  if (mode === 'stack') {
    return spec.mode === 'host'
      ? ['Host mode: bound only on the nodes running a task of this service, one task per node per port.']
      : ['Routing mesh (ingress): open on every swarm node and load-balanced to any task.'];
  }
  const notes: string[] = [];
  if (!spec.hostIp) notes.push('Bound on every host address (0.0.0.0 and ::): reachable from other machines unless a firewall blocks it.');
  else if (isLoopback(spec.hostIp.address)) notes.push('Reachable only from this machine.');
  else if (isUnspecified(spec.hostIp.address)) notes.push(`Bound on every ${spec.hostIp.address.includes(':') ? 'IPv6' : 'IPv4'} address of the host: reachable from other machines.`);
  else notes.push(`Reachable only through the host address ${spec.hostIp.address}.`);
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
