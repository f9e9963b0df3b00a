/**
 * Validity of each `ipam.config` entry, as the engine checks it before creating a network
 * (moby `api/types/network/ipam.go` `ValidateIPAM`) plus the addresses the default IPAM reserves.
 * https://docs.docker.com/reference/compose-file/networks/#ipam
 */
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import { findingAt } from '../finding';
import { contains, familyName, formatAddress, formatCidr, hasHostBits, reservedAddresses, type Cidr } from './cidr';
import { ipamNetworks, type IpamConfig, type IpamNetwork, type WrittenAddress, type WrittenCidr } from './ipamModel';

export const IPAM_URL = 'https://docs.docker.com/reference/compose-file/networks/#ipam';
const IPV6_URL = 'https://docs.docker.com/engine/daemon/ipv6/';

export function checkIpamConfigs(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const network of ipamNetworks(doc).values()) {
    if (network.external) continue;
    for (const config of network.configs) {
      const subnet = checkCidr(config.subnet, 'Subnet', findings);
      if (!subnet) continue;
      // enable_ipv6 does not exist in the stack file format; gateway, ip_range and aux_addresses are
      // not in it either (the stack-mode analysis reports those keys), so only the subnet is judged there.
      if (doc.mode === 'stack') continue;
      // Docker Engine 25+ turns IPv6 on by itself when an IPv6 subnet is given (moby PR #46455); older
      // engines ignore the subnet, so this is a portability hint.
      if (subnet.family === 6 && !network.enableIpv6) {
        findings.push(findingAt(config.subnet!.node, 'ipv6-subnet-without-enable-ipv6', 'information', `IPv6 subnet ${formatCidr(subnet)} of network '${network.element.name}' is used only by Docker Engine 25 and later unless the network sets 'enable_ipv6: true'.`, IPV6_URL));
      }
      checkRange(config, subnet, findings);
      checkGateway(config, subnet, findings);
      checkAuxAddresses(network, config, subnet, findings);
    }
  }
  return findings;
}

/** Reports an invalid or unmasked CIDR; returns it when it can be used for further checks. */
function checkCidr(written: WrittenCidr | undefined, what: string, findings: Finding[]): Cidr | undefined {
  if (!written) return undefined;
  const { cidr } = written;
  if (!cidr) {
    findings.push(findingAt(written.node, 'subnet-invalid', 'error', `${what} '${written.text}' is not valid CIDR notation (an address and a prefix length, e.g. 172.28.0.0/16).`, IPAM_URL));
    return undefined;
  }
  if (hasHostBits(cidr)) {
    findings.push(findingAt(written.node, 'subnet-host-bits', 'error', `${what} ${written.text} has host bits set; Docker refuses it. Did you mean ${formatCidr(cidr)}?`, IPAM_URL));
  }
  return cidr;
}

function checkRange(config: IpamConfig, subnet: Cidr, findings: Finding[]): void {
  const range = checkCidr(config.ipRange, 'ip_range', findings);
  if (!range || !config.ipRange) return;
  if (range.family !== subnet.family) {
    findings.push(familyMismatch(config.ipRange, 'ip_range', range.family, subnet));
  } else if (!contains(subnet, range)) {
    findings.push(findingAt(config.ipRange.node, 'ip-range-outside-subnet', 'error', `ip_range ${formatCidr(range)} is not inside subnet ${formatCidr(subnet)}.`, IPAM_URL));
  }
}

function checkGateway(config: IpamConfig, subnet: Cidr, findings: Finding[]): void {
  const gateway = config.gateway;
  const address = checkAddress(gateway, 'Gateway', findings);
  if (!gateway || !address) return;
  if (address.family !== subnet.family) {
    findings.push(familyMismatch(gateway, 'Gateway', address.family, subnet));
  } else if (!contains(subnet, address)) {
    findings.push(findingAt(gateway.node, 'gateway-outside-subnet', 'error', `Gateway ${gateway.text} is not inside subnet ${formatCidr(subnet)}.`, IPAM_URL));
  } else {
    const reserved = reservedAddresses(subnet).find((r) => r.value === address.value);
    if (reserved) {
      findings.push(findingAt(gateway.node, 'gateway-reserved-address', 'error', `Gateway ${gateway.text} is the ${reserved.what} of subnet ${formatCidr(subnet)}, which Docker never assigns; use a host address such as ${formatAddress(subnet.family, subnet.start + 1n)}.`, IPAM_URL));
    }
  }
}

function checkAuxAddresses(network: IpamNetwork, config: IpamConfig, subnet: Cidr, findings: Finding[]): void {
  const seen = new Map<bigint, WrittenAddress>();
  if (config.gateway?.address) seen.set(config.gateway.address.value, config.gateway);
  for (const aux of config.auxAddresses) {
    const address = checkAddress(aux, `Auxiliary address '${aux.label}'`, findings);
    if (!address) continue;
    if (address.family !== subnet.family) {
      findings.push(familyMismatch(aux, `Auxiliary address '${aux.label}'`, address.family, subnet));
      continue;
    }
    if (!contains(subnet, address)) {
      findings.push(findingAt(aux.node, 'aux-address-outside-subnet', 'error', `Auxiliary address '${aux.label}' (${aux.text}) is not inside subnet ${formatCidr(subnet)} of network '${network.element.name}'.`, IPAM_URL));
      continue;
    }
    const earlier = seen.get(address.value);
    if (earlier) {
      const other = earlier.label === undefined ? 'the gateway' : `auxiliary address '${earlier.label}'`;
      findings.push(findingAt(aux.node, 'aux-address-duplicate', 'warning', `Auxiliary address '${aux.label}' (${aux.text}) is already reserved as ${other}.`, IPAM_URL, [{ span: earlier.node.span, message: `${aux.text} is first reserved here` }]));
    } else {
      seen.set(address.value, aux);
    }
  }
}

function checkAddress(written: WrittenAddress | undefined, what: string, findings: Finding[]): WrittenAddress['address'] {
  if (!written) return undefined;
  if (!written.address) findings.push(findingAt(written.node, 'ip-invalid', 'error', `${what} '${written.text}' is not an IP address.`, IPAM_URL));
  return written.address;
}

function familyMismatch(written: { readonly node: WrittenCidr['node'] }, what: string, family: 4 | 6, subnet: Cidr): Finding {
  return findingAt(written.node, 'ipam-family-mismatch', 'error', `${what} is ${familyName(family)} but its subnet ${formatCidr(subnet)} is ${familyName(subnet.family)}.`, IPAM_URL);
}
