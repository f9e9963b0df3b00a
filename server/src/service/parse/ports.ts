/**
 * Port specs, short (`"127.0.0.1:8080-8081:80-81/udp"`, `80`) and long (`{target, published, host_ip,
 * protocol, mode}`), parsed the way Docker's go-connections `nat.ParsePortSpec` splits them.
 * Sources: https://docs.docker.com/reference/compose-file/services/#ports, docker/go-connections nat/nat.go.
 */
import * as ipaddr from 'ipaddr.js';
import type { Span } from '../types';
import { at, get, isInterpolated, listItems, text, type Node, type ScalarNode } from './tree';

export interface PortRange {
  readonly start: number;
  readonly end: number;
  readonly span: Span;
}

/** A port range as Compose writes it: `8080`, or `8080-8090`. */
export function formatPortRange(range: { readonly start: number; readonly end: number }): string {
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}

/** Problems a port spec can have; the ports analysis turns them into findings. */
export type PortProblemCode = 'port-invalid' | 'port-out-of-range' | 'port-range-reversed' | 'port-range-mismatch' | 'port-container-zero';

export interface PortProblem {
  readonly code: PortProblemCode;
  readonly message: string;
  readonly span: Span;
}

export interface PortSpec {
  /** The list item. */
  readonly node: Node;
  readonly syntax: 'short' | 'long';
  /** Host address without brackets; undefined = every address (0.0.0.0 and ::). */
  readonly hostIp?: { readonly address: string; readonly span: Span };
  /** Host port or range; undefined = ephemeral (the engine picks one). */
  readonly published?: PortRange;
  readonly target?: PortRange;
  /** Lower-case; `tcp` when not written. */
  readonly protocol: string;
  readonly protocolSpan?: Span;
  /** `ingress` (default) or `host`: Swarm publish mode (long syntax only). */
  readonly mode: string;
  readonly modeSpan?: Span;
  /** True when part of the spec depends on an environment variable without a default. */
  readonly unknown: boolean;
  readonly problems: readonly PortProblem[];
}

const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

/** Every `ports` item of a service. */
export function servicePorts(service: Node): PortSpec[] {
  return listItems(get(service, 'ports')).map(parsePortItem);
}

export function parsePortItem(node: Node): PortSpec {
  if (node.kind === 'map') return parseLong(node);
  if (node.kind === 'scalar') return parseShort(node);
  return { node, syntax: 'short', protocol: 'tcp', mode: 'ingress', unknown: false, problems: [{ code: 'port-invalid', message: 'A port must be a number, a string like "8080:80", or a mapping with target.', span: node.span }] };
}

function parseShort(node: ScalarNode): PortSpec {
  const value = text(node);
  if (value === undefined || isUnterminated(node)) return { node, syntax: 'short', protocol: 'tcp', mode: 'ingress', unknown: isInterpolated(node) || node.value === null, problems: [] };
  const exact = !node.interpolation;
  const sub = (from: number, to: number): Span => subSpan(node, exact, from, to);
  const problems: PortProblem[] = [];
  let body = value;
  let protocol = 'tcp';
  let protocolSpan: Span | undefined;
  const slash = value.lastIndexOf('/');
  if (slash >= 0) {
    body = value.slice(0, slash);
    protocol = value.slice(slash + 1).toLowerCase();
    protocolSpan = sub(slash + 1, value.length);
    if (!isProtocol(protocol)) problems.push(unknownProtocol(value.slice(slash + 1), protocolSpan));
  }
  const parts = body.split(':');
  const containerText = parts[parts.length - 1]!;
  const containerStart = body.length - containerText.length;
  const hostText = parts.length >= 2 ? parts[parts.length - 2]! : undefined;
  const hostStart = hostText === undefined ? 0 : containerStart - 1 - hostText.length;
  const ipText = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : undefined;

  let hostIp: PortSpec['hostIp'];
  if (ipText !== undefined && ipText !== '') {
    const span = sub(0, ipText.length);
    hostIp = hostAddress(ipText, span);
    if (!hostIp) problems.push(notAnAddress(ipText, 'a host address', span));
  }
  const target = parseRange(containerText, sub(containerStart, containerStart + containerText.length), problems, 'container');
  const published = hostText ? parseRange(hostText, sub(hostStart, hostStart + hostText.length), problems, 'host') : undefined;
  checkRanges(published, target, problems);
  return {
    node,
    syntax: 'short',
    ...(hostIp ? { hostIp } : {}),
    ...(published ? { published } : {}),
    ...(target ? { target } : {}),
    protocol,
    ...(protocolSpan ? { protocolSpan } : {}),
    mode: 'ingress',
    unknown: false,
    problems,
  };
}

function parseLong(node: Node): PortSpec {
  const problems: PortProblem[] = [];
  const fields = ['target', 'published', 'host_ip', 'protocol', 'mode'].map((key) => at(node, key));
  const [targetNode, publishedNode, hostIpNode, protocolNode, modeNode] = fields;
  const unknown = fields.some((field) => isInterpolated(field) && text(field) === undefined);
  const target = rangeOf(targetNode, problems, 'container');
  const published = rangeOf(publishedNode, problems, 'host');
  let hostIp: PortSpec['hostIp'];
  const address = text(hostIpNode);
  if (address !== undefined && hostIpNode) {
    hostIp = hostAddress(address, hostIpNode.span);
    if (!hostIp && !isInterpolated(hostIpNode)) problems.push(notAnAddress(address, 'host_ip', hostIpNode.span));
  }
  const protocol = (text(protocolNode) ?? 'tcp').toLowerCase();
  if (protocolNode && !isProtocol(protocol) && !isInterpolated(protocolNode)) problems.push(unknownProtocol(text(protocolNode) ?? '', protocolNode.span));
  checkRanges(published, target, problems);
  return {
    node,
    syntax: 'long',
    ...(hostIp ? { hostIp } : {}),
    ...(published ? { published } : {}),
    ...(target ? { target } : {}),
    protocol,
    ...(protocolNode ? { protocolSpan: protocolNode.span } : {}),
    mode: text(modeNode) ?? 'ingress',
    ...(modeNode ? { modeSpan: modeNode.span } : {}),
    unknown,
    problems,
  };
}

function rangeOf(node: Node | undefined, problems: PortProblem[], side: 'host' | 'container'): PortRange | undefined {
  const value = text(node);
  if (value === undefined || !node || value === '') return undefined;
  return parseRange(value, node.span, problems, side);
}

function parseRange(value: string, span: Span, problems: PortProblem[], side: 'host' | 'container'): PortRange | undefined {
  if (value === '') return undefined;
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!match) {
    problems.push({ code: 'port-invalid', message: `'${value}' is not a ${side} port: use a number or a range like 8000-8010.`, span });
    return undefined;
  }
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const port of [start, end]) {
    if (port > 65535) {
      problems.push({ code: 'port-out-of-range', message: `Port ${port} is out of range: ports are 1 to 65535.`, span });
      return undefined;
    }
  }
  if (end < start) {
    problems.push({ code: 'port-range-reversed', message: `Port range ${value} ends before it starts: write ${end}-${start}.`, span });
    return undefined;
  }
  if (side === 'container' && start === 0) {
    problems.push({ code: 'port-container-zero', message: 'Container port 0 is not a port a process can listen on.', span });
  }
  return { start, end, span };
}

/** Equal-length ranges map pairwise; a host range with a single container port is a pool (Docker picks one). */
function checkRanges(published: PortRange | undefined, target: PortRange | undefined, problems: PortProblem[]): void {
  if (!published || !target) return;
  const hostLength = published.end - published.start;
  const containerLength = target.end - target.start;
  if (hostLength !== containerLength && containerLength !== 0) {
    problems.push({
      code: 'port-range-mismatch',
      message: `Host range ${published.start}-${published.end} has ${hostLength + 1} ports but container range ${target.start}-${target.end} has ${containerLength + 1}: make them equal, or use one container port.`,
      span: { start: published.span.start, end: target.span.end },
    });
  }
}

function isProtocol(protocol: string): boolean {
  return (PROTOCOLS as readonly string[]).includes(protocol);
}

function unknownProtocol(written: string, span: Span): PortProblem {
  return { code: 'port-invalid', message: `Unknown protocol '${written}': use tcp, udp or sctp.`, span };
}

/** A host address as written, an IPv6 one in brackets or not; undefined when it is not an address. */
function hostAddress(written: string, span: Span): PortSpec['hostIp'] {
  const address = written.startsWith('[') && written.endsWith(']') ? written.slice(1, -1) : written;
  return isIpAddress(address) ? { address, span } : undefined;
}

function notAnAddress(written: string, field: string, span: Span): PortProblem {
  return { code: 'port-invalid', message: `'${written}' is not an IP address; ${field} must be an IPv4 or IPv6 address.`, span };
}

function isIpAddress(address: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(address) || (ipaddr.IPv6.isValid(address) && address.includes(':'));
}

/** A quoted scalar still being typed swallows the following lines; judging it would only add noise to the syntax error. */
function isUnterminated(node: ScalarNode): boolean {
  const quote = node.style === 'double' ? '"' : node.style === 'single' ? "'" : undefined;
  return quote !== undefined && (node.raw.length < 2 || !node.raw.endsWith(quote));
}

/** Offsets inside a scalar's value mapped to the source, when the value is written verbatim. */
function subSpan(node: ScalarNode, exact: boolean, from: number, to: number): Span {
  const value = String(node.value);
  if (exact && node.style === 'plain' && node.raw === value) return { start: node.span.start + from, end: node.span.start + to };
  if (exact && (node.style === 'single' || node.style === 'double') && node.raw.length === value.length + 2) {
    return { start: node.span.start + 1 + from, end: node.span.start + 1 + to };
  }
  return node.span;
}
