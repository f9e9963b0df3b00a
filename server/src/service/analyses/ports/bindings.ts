/**
 * The normalised binding model the port rules work on (COMPOSE-SEMANTICS 1.5): every port item of every
 * service expanded to host-side bindings with protocol, host address and host port interval. Each
 * service's part is extracted once per service content (facts.ts); document.ts joins them per version.
 */
import * as ipaddr from 'ipaddr.js';
import type { NetworkModeKind } from '../../parse/compose';
import type { Element } from '../../parse/model';
import { parsePortItem, type PortSpec } from '../../parse/ports';
import { get, listItems, type Node } from '../../parse/tree';
import type { Finding, Span } from '../../types';
import type { Frame } from '../serviceFacts';

/** A host address a port is bound on. `ip` undefined = the family's unspecified address. */
export interface HostAddress {
  /** `any` = no host IP written: Docker binds both 0.0.0.0 and ::. */
  readonly family: 'any' | 'ipv4' | 'ipv6';
  readonly ip?: string;
}

const ANY_ADDRESS: HostAddress = { family: 'any' };

export interface PortService {
  readonly name: string;
  readonly element: Element;
  /** Document order, used as the conflict group. */
  readonly index: number;
  /** Where the service's key is: the facts' spans are relative to it. */
  readonly start: number;
  readonly facts: PortFacts;
  /** Profiles that start the service, its own or a dependent's; empty = it always starts. */
  readonly profiles: readonly string[];
  /** Undefined when it depends on a variable without a default. */
  readonly replicas: number | undefined;
  readonly networkMode: NetworkModeKind | undefined;
}

/** A binding as one service's facts hold it: spans relative to the service's key. */
export interface LocalBinding {
  /** `published`: a host port of a `ports` item; `host-network`: a port a `network_mode: host` service listens on. */
  readonly source: 'published' | 'host-network';
  readonly protocol: string;
  readonly address: HostAddress;
  readonly start: number;
  readonly end: number;
  /** A host range for a single container port: Docker picks one free port of it (compose only). */
  readonly pool: boolean;
  /** Swarm publish mode. */
  readonly mode: 'ingress' | 'host';
  /** Where the host port is written (the container port for host-network bindings). */
  readonly span: Span;
  /** Where the item is used, when it came through an alias or merge key. */
  readonly via?: Span;
  /** The host address as written. */
  readonly hostIp?: string;
  /** The item's value when the item is a scalar (equal items are the schema's to report). */
  readonly scalar?: { readonly value: unknown };
}

/** What the ports analysis needs from one service (extracted by facts.ts), spans relative to the service's key. */
export interface PortFacts {
  readonly replicas: number | undefined;
  readonly networkMode: NetworkModeKind | undefined;
  /** The service's own `profiles`. */
  readonly profiles: readonly string[];
  /** Names of the services it depends on. */
  readonly dependsOn: readonly string[];
  readonly bindings: readonly LocalBinding[];
  /** Pairs of its bindings (indexes) that publish the same host port; none while Compose scales it to 0. */
  readonly duplicates: readonly (readonly [number, number])[];
  /** Syntax findings by port item (where the item starts): an item aliased by several services is judged once. */
  readonly syntax: readonly { readonly item: number; readonly findings: readonly Finding[] }[];
  /** Findings about the service's publishing that depend on nothing else. */
  readonly findings: readonly Finding[];
  /** Set when the service publishes ports without a network_mode: the networks it joins, which must not all be internal. */
  readonly publishing?: { readonly networks: readonly string[]; readonly portsKey: { readonly keySpan: Span; readonly via?: Span } };
}

export interface Binding extends LocalBinding {
  readonly service: PortService;
  /** Document order. */
  readonly rank: number;
}

/**
 * One service's host-side bindings. Stack files bind every address (Swarm ignores host IPs) and expand
 * host ranges port by port (docker/cli opts/swarmopts/port.go), so they have no pools. An item that
 * fails to parse binds nothing: Compose refuses it, and its one syntax finding says why (no conflict
 * or replica findings follow from a guess at what it meant).
 */
export function localBindings(service: Node, ports: readonly PortSpec[], stack: boolean, networkMode: NetworkModeKind | undefined, frame: Frame): LocalBinding[] {
  const bindings: LocalBinding[] = [];
  const kind = stack ? undefined : networkMode;
  if (kind === 'service' || kind === 'container' || kind === 'none') return bindings;
  if (kind === 'host') {
    for (const spec of [...ports, ...exposed(service)]) {
      if (spec.unknown || !spec.target || spec.problems.length > 0) continue;
      bindings.push(local(spec, frame, { source: 'host-network', protocol: spec.protocol, address: ANY_ADDRESS, start: spec.target.start, end: spec.target.end, pool: false, mode: 'host', span: spec.target.span }));
    }
    return bindings;
  }
  for (const spec of ports) {
    const published = spec.published;
    if (spec.unknown || !published || !spec.target || published.start === 0 || spec.problems.length > 0) continue;
    const address = stack ? ANY_ADDRESS : hostAddress(spec.hostIp?.address);
    const pool = !stack && published.end > published.start && spec.target.start === spec.target.end;
    const mode = stack && spec.mode === 'host' ? 'host' : 'ingress';
    bindings.push(local(spec, frame, { source: 'published', protocol: spec.protocol, address, start: published.start, end: published.end, pool, mode, span: published.span }));
  }
  return bindings;
}

function local(spec: PortSpec, frame: Frame, binding: Omit<LocalBinding, 'via' | 'hostIp' | 'scalar'>): LocalBinding {
  const node = spec.node;
  return {
    ...binding,
    span: frame.span(binding.span),
    ...(node.via ? { via: frame.span(node.via) } : {}),
    ...(spec.hostIp ? { hostIp: spec.hostIp.address } : {}),
    ...(node.kind === 'scalar' ? { scalar: { value: node.value } } : {}),
  };
}

/** `expose` items read like container-only port specs ("8080", "8080-8085/udp"). */
function exposed(service: Node): PortSpec[] {
  return listItems(get(service, 'expose')).map(parsePortItem).filter((spec) => !spec.published && !spec.hostIp && spec.problems.length === 0);
}

/** IPv4-mapped IPv6 addresses count as IPv4, as Docker's port allocator unmaps them. */
export function hostAddress(written: string | undefined): HostAddress {
  if (written === undefined) return ANY_ADDRESS;
  // A file writes few distinct host addresses, each on many bindings: ipaddr.js parses each once.
  let address = readAddresses.get(written);
  if (!address) {
    if (readAddresses.size >= MAX_READ_ADDRESSES) readAddresses.clear();
    readAddresses.set(written, (address = readHostAddress(written)));
  }
  return address;
}

const readAddresses = new Map<string, HostAddress>();
const MAX_READ_ADDRESSES = 1024;

function readHostAddress(written: string): HostAddress {
  if (!ipaddr.isValid(written)) return ANY_ADDRESS;
  let address = ipaddr.parse(written);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  const unspecified = address.range() === 'unspecified';
  return address.kind() === 'ipv4' ? (unspecified ? { family: 'ipv4' } : { family: 'ipv4', ip: address.toString() }) : unspecified ? { family: 'ipv6' } : { family: 'ipv6', ip: address.toString() };
}
/** Whether two addresses share a (family, address) slot in the engine's port bookkeeping (COMPOSE-SEMANTICS 1.6). */
export function addressesOverlap(a: HostAddress, b: HostAddress): boolean {
  if (a.family === 'any' || b.family === 'any') return true;
  if (a.family !== b.family) return false;
  return a.ip === undefined || b.ip === undefined || a.ip === b.ip;
}

/** Bucket keys for the address dimension: see `partners` in overlap.ts. */
export function addressKeys(address: HostAddress): { members: string[]; queries: string[] } {
  const families = address.family === 'any' ? ['ipv4', 'ipv6'] : [address.family];
  if (address.ip === undefined) return { members: families.flatMap((f) => [`${f}*`, `${f}#`]), queries: families.map((f) => `${f}#`) };
  return { members: families.flatMap((f) => [`${f}=${address.ip}`, `${f}#`]), queries: families.flatMap((f) => [`${f}*`, `${f}=${address.ip}`]) };
}

export function describeAddress(address: HostAddress): string {
  if (address.family === 'any') return 'all addresses';
  return address.ip ?? (address.family === 'ipv4' ? '0.0.0.0' : '::');
}

export function describePorts(start: number, end: number, protocol: string): string {
  return start === end ? `port ${start}/${protocol}` : `ports ${start}-${end}/${protocol}`;
}
