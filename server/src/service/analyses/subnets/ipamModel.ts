/**
 * The address plan of a Compose file as the subnet checks and fixes need it: every top-level network
 * with its driver, scope and `ipam.config` entries, parsed. Values that depend on a variable without a
 * default are left out (they are never judged), and the network is marked as not fully known.
 */
import { defaultDriver, networkDriver } from '../../facts/networkDrivers';
import type { ComposeDocument, Element } from '../../parse/model';
import { asSeq, get, text, type Node } from '../../parse/tree';
import { perDocument } from '../../perDocument';
import type { Span } from '../../types';
import { parseAddress, parseCidr, type Address, type Cidr } from './cidr';

export interface WrittenCidr {
  readonly node: Node;
  readonly text: string;
  /** Undefined when the text is not a valid CIDR. */
  readonly cidr?: Cidr;
}

export interface WrittenAddress {
  readonly node: Node;
  readonly text: string;
  /** Undefined when the text is not a valid IP address. */
  readonly address?: Address;
  /** The `aux_addresses` key (host name) for auxiliary addresses. */
  readonly label?: string;
  readonly labelSpan?: Span;
}

export interface IpamConfig {
  readonly node: Node;
  readonly subnet?: WrittenCidr;
  readonly ipRange?: WrittenCidr;
  readonly gateway?: WrittenAddress;
  readonly auxAddresses: readonly WrittenAddress[];
}

export interface IpamNetwork {
  readonly element: Element;
  /** The effective driver (Compose defaults to bridge, a stack to overlay); undefined when unknowable. */
  readonly driver?: string;
  /** Address space: `local` per host, `swarm` cluster-wide; undefined for unknown or plugin drivers. */
  readonly scope?: 'local' | 'swarm';
  readonly external: boolean;
  readonly enableIpv6: boolean;
  /** `ipam.driver` is absent or `default` (plugins have their own address spaces and rules). */
  readonly defaultIpam: boolean;
  readonly configs: readonly IpamConfig[];
  /** Some subnet depends on a variable, so "no subnet" and "outside every subnet" cannot be judged. */
  readonly unknownSubnet: boolean;
}

/** The networks of the document by name, computed once per parsed version. */
export const ipamNetworks = perDocument((doc): ReadonlyMap<string, IpamNetwork> => new Map([...doc.model.networks].map(([name, element]) => [name, readNetwork(doc, element)])));

function readNetwork(doc: ComposeDocument, element: Element): IpamNetwork {
  const node = element.node;
  const driverNode = get(node, 'driver');
  const driver = driverNode ? text(driverNode) : defaultDriver(doc.mode);
  const scope = driver === undefined ? undefined : networkDriver(driver)?.scope;
  const external = isExternalNetwork(node);
  const ipamDriver = text(get(get(node, 'ipam'), 'driver')) ?? 'default';
  const items = asSeq(get(get(node, 'ipam'), 'config'))?.items ?? [];
  const configs = items.map(readConfig);
  const unknownSubnet = items.some((item) => get(item, 'subnet') !== undefined && text(get(item, 'subnet')) === undefined);
  return {
    element,
    ...(driver !== undefined ? { driver } : {}),
    ...(scope ? { scope } : {}),
    external,
    enableIpv6: enablesIpv6(get(node, 'enable_ipv6')),
    defaultIpam: ipamDriver === 'default',
    configs,
    unknownSubnet,
  };
}

/** An interpolated `enable_ipv6` counts as enabled, so nothing is judged on a value nobody knows yet. */
function enablesIpv6(node: Node | undefined): boolean {
  if (!node) return false;
  const value = text(node);
  return value === undefined || value === 'true';
}

/** `external: true`, the legacy `external: {name: x}`, or an interpolated value: managed elsewhere. */
export function isExternalNetwork(node: Node): boolean {
  const external = get(node, 'external');
  return external !== undefined && (external.kind === 'map' || text(external) !== 'false');
}

function readConfig(node: Node): IpamConfig {
  const subnet = writtenCidr(get(node, 'subnet'));
  const ipRange = writtenCidr(get(node, 'ip_range'));
  const gateway = writtenAddress(get(node, 'gateway'));
  const aux = get(node, 'aux_addresses');
  const auxAddresses = aux?.kind === 'map' ? aux.entries.flatMap(({ key, keySpan, value }) => writtenAddress(value, key, keySpan) ?? []) : [];
  return { node, ...(subnet ? { subnet } : {}), ...(ipRange ? { ipRange } : {}), ...(gateway ? { gateway } : {}), auxAddresses };
}

function writtenCidr(node: Node | undefined): WrittenCidr | undefined {
  const value = text(node);
  if (!node || value === undefined) return undefined;
  const cidr = parseCidr(value);
  return cidr ? { node, text: value, cidr } : { node, text: value };
}

function writtenAddress(node: Node | undefined, label?: string, labelSpan?: Span): WrittenAddress | undefined {
  const value = text(node);
  if (!node || value === undefined) return undefined;
  const address = parseAddress(value);
  return { node, text: value, ...(address ? { address } : {}), ...(label !== undefined && labelSpan ? { label, labelSpan } : {}) };
}
