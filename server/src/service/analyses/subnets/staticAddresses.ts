/**
 * Static container addresses (`services.*.networks.<net>.ipv4_address` / `ipv6_address`): the address
 * must lie in a subnet of the network (engines before 29.0.4 also insisted the subnet be configured,
 * moby 84a251d039 / 6280a80f32, daemon/container_operations.go), never a reserved or taken address, an
 * IPv6 address needs `enable_ipv6`, and every replica would ask for the same one.
 * https://docs.docker.com/reference/compose-file/services/#ipv4_address-ipv6_address
 *
 * Stack files are not checked here: `docker stack deploy` drops these keys silently, which the
 * stack-mode analysis reports.
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import { replicaCount, serviceNetworks } from '../../parse/compose';
import type { ComposeDocument, Element } from '../../parse/model';
import { text, type Node } from '../../parse/tree';
import type { ComposeMode, Finding, Span } from '../../types';
import { atKey, lineOf } from '../place';
import { spanKey } from '../analysis';
import { absolute, absoluteFinding, perServiceFacts, type Frame } from '../serviceFacts';
import { contentIdentity, type ContentIdentity } from '../../parse/incremental';
import { contains, familyName, formatCidr, parseAddress, reservedAddresses, unmap, type Address, type Cidr, type Family } from './cidr';
import { ipamNetworks, type IpamConfig, type IpamNetwork } from './ipamModel';
import { pushTo } from '../../multimap';
import { perDocument } from '../../perDocument';

const STATIC_URL = composeFileDoc('services', 'ipv4_address-ipv6_address');

/** One static address written under a service's network attachment. */
export interface StaticAddress {
  readonly service: Element;
  readonly networkName: string;
  /** The declared network; undefined for the implicit `default` network. */
  readonly network?: IpamNetwork;
  readonly key: 'ipv4_address' | 'ipv6_address';
  readonly node: Node;
  readonly text: string;
  readonly address?: Address;
}

/** The static addresses of managed networks, by network name and by where each is written. */
export interface StaticAddressIndex {
  readonly byNetwork: ReadonlyMap<string, readonly StaticAddress[]>;
  readonly at: ReadonlyMap<string, StaticAddress>;
}

/**
 * Static addresses on networks this file manages (undeclared and external networks are left out), for
 * quick fixes: found once per document version, because fixes are asked for finding by finding (the
 * CLI asks for each of up to 1,000, and a walk over every service per finding made that quadratic).
 */
export const staticAddresses = perDocument((doc: ComposeDocument): StaticAddressIndex => {
  const networks = ipamNetworks(doc);
  const byNetwork = new Map<string, StaticAddress[]>();
  const at = new Map<string, StaticAddress>();
  for (const service of doc.model.services.values()) {
    for (const item of writtenAddresses(service)) {
      const network = networks.get(item.networkName);
      if (!managed(network, item.networkName)) continue;
      const address: StaticAddress = { service, ...item, ...(network ? { network } : {}) };
      pushTo(byNetwork, item.networkName, address);
      at.set(spanKey(item.node.span), address);
    }
  }
  return { byNetwork, at };
});

/** Static addresses are taken on declared networks with Docker's IPAM driver, and on the implicit `default`. */
function managed(network: IpamNetwork | undefined, name: string): boolean {
  return network ? !network.external && network.defaultIpam : name === 'default';
}

/** Every static address one service writes, whatever its network. */
function writtenAddresses(service: Element): Omit<StaticAddress, 'service' | 'network'>[] {
  const result: Omit<StaticAddress, 'service' | 'network'>[] = [];
  for (const attachment of serviceNetworks(service.node)) {
    for (const [key, node] of [['ipv4_address', attachment.ipv4Address], ['ipv6_address', attachment.ipv6Address]] as const) {
      const value = text(node);
      if (!node || value === undefined) continue;
      const parsed = parseAddress(value);
      // docker compose unmaps ipv4_address (pkg/compose/create.go parseEndpointIPAM).
      const address = parsed && key === 'ipv4_address' ? unmap(parsed) : parsed;
      result.push({ networkName: attachment.name, key, node, text: value, ...(address ? { address } : {}) });
    }
  }
  return result;
}

/** A static address as a service's facts hold it: where it is written (relative to the service), no tree node. */
interface AddressFact {
  readonly networkName: string;
  readonly key: 'ipv4_address' | 'ipv6_address';
  readonly text: string;
  readonly address?: Address;
  /** Network and address as one string, for finding duplicates (a bigint's string is dear to make per edit). */
  readonly taken?: string;
  readonly span: Span;
  readonly via?: Span;
}

/** Each service's static addresses and replica count, extracted once per service content (serviceFacts.ts). */
const addressFacts = perServiceFacts((service: Element, _mode: ComposeMode, frame: Frame) => ({
  replicas: replicaCount(service.node),
  addresses: writtenAddresses(service).map(({ node, ...item }): AddressFact => ({
    ...item,
    ...(item.address ? { taken: `${item.networkName}/${item.address.value}` } : {}),
    span: frame.span(node.span),
    ...(node.via ? { via: frame.span(node.via) } : {}),
  })),
}));

/** A static address of this version, placed where it is written. */
interface Placed extends Omit<AddressFact, 'span' | 'via' | 'taken'> {
  readonly service: string;
  readonly network?: IpamNetwork;
  readonly at: { readonly keySpan: Span; readonly via?: Span };
}

/** The subnets of a family declared on a network, with their config entries. */
export function subnetsOf(network: IpamNetwork | undefined, family: Family): { config: IpamConfig; cidr: Cidr }[] {
  return (network?.configs ?? []).flatMap((config) => (config.subnet?.cidr?.family === family ? [{ config, cidr: config.subnet.cidr }] : []));
}

/**
 * Addresses of a subnet a container cannot get: network and broadcast addresses, the gateway (written,
 * or the one libnetwork allocates for a bridge: the first free address of ip_range or the subnet), and
 * reserved auxiliary addresses.
 */
export function reservedIn(network: IpamNetwork | undefined, config: IpamConfig, cidr: Cidr): Map<bigint, string> {
  const reserved = new Map<bigint, string>(reservedAddresses(cidr).map((r) => [r.value, `the ${r.what} of subnet ${formatCidr(cidr)}`]));
  const gateway = config.gateway?.address;
  if (gateway) reserved.set(gateway.value, `the gateway of network '${network?.element.name}'`);
  else if (!config.gateway && network?.driver === 'bridge') {
    const range = config.ipRange?.cidr ?? cidr;
    const first = range.start === cidr.start ? range.start + 1n : range.start;
    reserved.set(first, `the default gateway of network '${network.element.name}' (the bridge takes the first free address)`);
  }
  // libnetwork reserves auxiliary addresses only inside ip_range (the allocatable part); outside it the
  // reservation is skipped silently (moby libnetwork network.go ipamAllocateVersion).
  const allocatable = config.ipRange?.cidr ?? cidr;
  for (const aux of config.auxAddresses) {
    if (aux.address && contains(allocatable, aux.address)) reserved.set(aux.address.value, `auxiliary address '${aux.label}' of network '${network?.element.name}'`);
  }
  return reserved;
}

export function checkStaticAddresses(doc: ComposeDocument): Finding[] {
  if (doc.mode === 'stack') return [];
  const findings: Finding[] = [];
  const networks = ipamNetworks(doc);
  // Hundreds of services take addresses from one subnet: its reserved addresses are listed once.
  const reservedByConfig = new Map<IpamConfig, Map<bigint, string>>();
  const reserved = (network: IpamNetwork | undefined, config: IpamConfig, cidr: Cidr): Map<bigint, string> => {
    let found = reservedByConfig.get(config);
    if (!found) reservedByConfig.set(config, (found = reservedIn(network, config, cidr)));
    return found;
  };
  const place = (fact: AddressFact, service: string, network: IpamNetwork | undefined, start: number): Placed => {
    const { address, span, via } = fact;
    const at = { keySpan: absolute(span, start), ...(via ? { via: absolute(via, start) } : {}) };
    return { networkName: fact.networkName, key: fact.key, text: fact.text, ...(address ? { address } : {}), service, ...(network ? { network } : {}), at };
  };
  const taken = new Map<string, { fact: AddressFact; service: string; network: IpamNetwork | undefined; start: number }[]>();
  for (const { element, start, facts } of addressFacts(doc)) {
    for (const fact of facts.addresses) {
      const network = networks.get(fact.networkName);
      if (!managed(network, fact.networkName)) continue;
      const problem = checkedFact(fact, network, () => check(place(fact, element.name, network, 0), reserved));
      if (problem) findings.push(absoluteFinding(problem, start));
      if (fact.taken === undefined) continue;
      pushTo(taken, fact.taken, { fact, service: element.name, network, start });
      const replicas = facts.replicas;
      if (replicas !== undefined && replicas > 1) {
        const item = place(fact, element.name, network, start);
        findings.push(atKey(item.at, { code: 'static-ip-with-replicas', severity: 'error', message: `Service '${item.service}' runs ${replicas} replicas but sets ${item.key} ${item.text}: every replica asks for the same address, so only one can start.`, docUrl: STATIC_URL }));
      }
    }
  }
  for (const sharing of taken.values()) {
    if (sharing.length < 2) continue;
    const list = sharing.map(({ fact, service, network, start }) => place(fact, service, network, start));
    for (const item of list) {
      const others = list.filter((other) => other !== item);
      const first = others[0]!;
      findings.push(atKey(item.at, { code: 'ip-duplicate', severity: 'error', message: `${item.text} on network '${item.networkName}' is also the static address of service '${first.service}' (line ${lineOf(doc, first.at.keySpan)}); the second container fails with "Address already in use".`, docUrl: STATIC_URL, related: others.slice(0, 3).map((other) => ({ span: other.at.keySpan, message: `Also assigned to service '${other.service}'` })) }));
    }
  }
  return findings;
}

/**
 * What `check` finds for an address fact on a network, kept by the fact (one object per service
 * content, serviceFacts.ts) and the network's content identity: its finding lies on the address, with
 * spans relative to the service, and reads nothing of the network but its content and name. At 3,750
 * addresses this was most of the cost of a keystroke in this check.
 */
function checkedFact(fact: AddressFact, network: IpamNetwork | undefined, compute: () => Finding | undefined): Finding | undefined {
  const identity = network && !network.element.via && !network.element.node.via ? contentIdentity(network.element.node) : undefined;
  if (network && !identity) return compute();
  const known = checkedFacts.get(fact);
  if (known && known.network === identity) return known.problem;
  const problem = compute();
  checkedFacts.set(fact, { network: identity, problem });
  return problem;
}

const checkedFacts = new WeakMap<AddressFact, { readonly network: ContentIdentity | undefined; readonly problem: Finding | undefined }>();

function check(item: Placed, reserved: typeof reservedIn): Finding | undefined {
  const family: Family = item.key === 'ipv4_address' ? 4 : 6;
  const at = (code: string, severity: 'error' | 'warning', message: string) => atKey(item.at, { code, severity, message, docUrl: STATIC_URL });
  if (!item.address) return at('ip-invalid', 'error', `${item.key} '${item.text}' is not an ${familyName(family)} address.`);
  if (item.address.family !== family) {
    const other = family === 4 ? 'ipv6_address' : 'ipv4_address';
    return at('ip-family-mismatch', 'error', `${item.key} ${item.text} is an ${familyName(item.address.family)} address; write it as ${other}.`);
  }
  // Without enable_ipv6 the network gets no IPv6 subnet (moby daemon/network.go skips IPv6 IPAM config),
  // so container create fails: "no configured subnet or ip-range contain the IP address".
  if (family === 6 && !item.network?.enableIpv6) {
    return at('ipv6-address-without-enable-ipv6', 'error', `ipv6_address ${item.text} of service '${item.service}' needs 'enable_ipv6: true' on network '${item.networkName}': without it the network has no IPv6 addresses and the container fails to start.`);
  }
  const network = item.network;
  if (network?.unknownSubnet) return undefined;
  const subnets = subnetsOf(network, family);
  if (subnets.length === 0) {
    return at('static-ip-without-subnet', 'warning', `Network '${item.networkName}' has no ${familyName(family)} subnet in ipam.config for ${item.text}: engines before 29.0.4 refuse a static address then, and later ones accept it only if the subnet Docker picks happens to contain it. Declare a subnet.`);
  }
  const home = subnets.find(({ cidr }) => contains(cidr, item.address!));
  if (!home) {
    return at('ip-outside-subnet', 'error', `${item.key} ${item.text} of service '${item.service}' is outside the subnet${subnets.length > 1 ? 's' : ''} of network '${item.networkName}' (${subnets.map(({ cidr }) => formatCidr(cidr)).join(', ')}).`);
  }
  const taken = reserved(network, home.config, home.cidr).get(item.address.value);
  if (taken) return at('ip-reserved', 'error', `${item.text} is ${taken}; a container cannot use it.`);
  return undefined;
}
