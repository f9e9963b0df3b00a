/**
 * The normalised binding model the port rules work on (COMPOSE-SEMANTICS 1.5): every port item of every
 * service expanded to host-side bindings with protocol, host address and host port interval.
 */
import * as ipaddr from 'ipaddr.js';
import { networkMode, replicaCount, serviceDependsOn, type NetworkMode } from '../../parse/compose';
import type { ComposeDocument, Element } from '../../parse/model';
import { parsePortItem, servicePorts, type PortSpec } from '../../parse/ports';
import { get, listItems, text, type Node } from '../../parse/tree';
import { perDocument } from '../../perDocument';
import type { Span } from '../../types';

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
  /** Profiles that start the service, its own or a dependent's; empty = it always starts. */
  readonly profiles: readonly string[];
  /** Undefined when it depends on a variable without a default. */
  readonly replicas: number | undefined;
  readonly networkMode: NetworkMode | undefined;
  /** Every `ports` item, parsed. */
  readonly ports: readonly PortSpec[];
}

export interface Binding {
  readonly service: PortService;
  /** `published`: a host port of a `ports` item; `host-network`: a port a `network_mode: host` service listens on. */
  readonly source: 'published' | 'host-network';
  readonly spec: PortSpec;
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
  /** Document order. */
  readonly rank: number;
}

/** Every service with its parsed ports, once per document version (the analysis, fixes and completion share it). */
export const portServices = perDocument((doc): readonly PortService[] => {
  const profiles = activationProfiles(doc);
  return [...doc.model.services.values()].map((element, index) => ({
    name: element.name,
    element,
    index,
    profiles: profiles.get(element.name) ?? [],
    replicas: replicaCount(element.node),
    networkMode: networkMode(element.node),
    ports: servicePorts(element.node),
  }));
});

/**
 * The profiles under which each service runs; empty = always. A service also runs when a service that
 * depends on it runs, so it inherits its dependents' profiles (https://docs.docker.com/compose/how-tos/profiles/).
 */
function activationProfiles(doc: ComposeDocument): Map<string, string[]> {
  const always = new Set<string>();
  const profiles = new Map<string, Set<string>>();
  for (const [name, element] of doc.model.services) {
    const own = listItems(get(element.node, 'profiles')).flatMap((item) => text(item) ?? []);
    if (own.length === 0) always.add(name);
    profiles.set(name, new Set(own));
  }
  const pending = [...doc.model.services.keys()];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const dependency of serviceDependsOn(doc.model.services.get(name)!.node)) {
      const target = profiles.get(dependency.name);
      if (!target || always.has(dependency.name)) continue;
      const before = target.size;
      if (always.has(name)) always.add(dependency.name);
      else for (const profile of profiles.get(name)!) target.add(profile);
      if (always.has(dependency.name) || target.size > before) pending.push(dependency.name);
    }
  }
  return new Map([...profiles].map(([name, set]) => [name, always.has(name) ? [] : [...set]]));
}

/**
 * Host-side bindings of every service. Stack files bind every address (Swarm ignores host IPs) and expand
 * host ranges port by port (docker/cli opts/swarmopts/port.go), so they have no pools.
 */
export const portBindings = perDocument((doc) => collectBindings(doc, portServices(doc)));

function collectBindings(doc: ComposeDocument, services: readonly PortService[]): Binding[] {
  const stack = doc.mode === 'stack';
  const bindings: Binding[] = [];
  const add = (binding: Omit<Binding, 'rank'>) => bindings.push({ ...binding, rank: bindings.length });
  for (const service of services) {
    const kind = stack ? undefined : service.networkMode?.kind;
    if (kind === 'service' || kind === 'container' || kind === 'none') continue;
    if (kind === 'host') {
      for (const spec of [...service.ports, ...exposed(service.element.node)]) {
        if (spec.unknown || !spec.target) continue;
        add({ service, source: 'host-network', spec, protocol: spec.protocol, address: ANY_ADDRESS, start: spec.target.start, end: spec.target.end, pool: false, mode: 'host', span: spec.target.span, ...via(spec) });
      }
      continue;
    }
    for (const spec of service.ports) {
      const published = spec.published;
      if (spec.unknown || !published || !spec.target || published.start === 0) continue;
      const address = stack ? ANY_ADDRESS : hostAddress(spec.hostIp?.address);
      const pool = !stack && published.end > published.start && spec.target.start === spec.target.end;
      const mode = stack && spec.mode === 'host' ? 'host' : 'ingress';
      add({ service, source: 'published', spec, protocol: spec.protocol, address, start: published.start, end: published.end, pool, mode, span: published.span, ...via(spec) });
    }
  }
  return bindings;
}

/** `expose` items read like container-only port specs ("8080", "8080-8085/udp"). */
function exposed(service: Node): PortSpec[] {
  return listItems(get(service, 'expose')).map(parsePortItem).filter((spec) => !spec.published && !spec.hostIp && spec.problems.length === 0);
}

function via(spec: PortSpec): { via?: Span } {
  return spec.node.via ? { via: spec.node.via } : {};
}

/** IPv4-mapped IPv6 addresses count as IPv4, as Docker's port allocator unmaps them. */
export function hostAddress(written: string | undefined): HostAddress {
  if (written === undefined || !ipaddr.isValid(written)) return ANY_ADDRESS;
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
