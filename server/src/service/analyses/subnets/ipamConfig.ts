/**
 * Validity of each `ipam.config` entry, as the engine checks it before creating a network
 * (moby `daemon/network.go` `validateIpamConfig`; `api/types/network/ipam.go` `ValidateIPAM` in Engine 25–28) plus the addresses the default IPAM reserves.
 * https://docs.docker.com/reference/compose-file/networks/#ipam
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import { atValue } from '../place';
import { contains, familyName, formatAddress, formatCidr, hasHostBits, reservedAddresses, type Cidr } from './cidr';
import { ipamNetworks, type IpamConfig, type IpamNetwork, type WrittenAddress, type WrittenCidr } from './ipamModel';

export const IPAM_URL = composeFileDoc('networks', 'ipam');
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
      // Only Engine 25.0.0–25.0.2 turned IPv6 on by itself for an IPv6 subnet (moby PR #46455, reverted in
      // c59e93a67b for 25.0.3/26.0); since then the subnet is skipped without enable_ipv6 (daemon/network.go).
      if (subnet.family === 6 && !network.enableIpv6) {
        findings.push(atValue(config.subnet!.node, { code: 'ipv6-subnet-without-enable-ipv6', severity: 'warning', message: `IPv6 subnet ${formatCidr(subnet)} of network '${network.element.name}' is ignored unless the network sets 'enable_ipv6: true' (only Engine 25.0 enabled IPv6 by itself).`, docUrl: IPV6_URL }));
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
    findings.push(atValue(written.node, { code: 'subnet-invalid', severity: 'error', message: `${what} '${written.text}' is not valid CIDR notation (an address and a prefix length, e.g. 172.28.0.0/16).`, docUrl: IPAM_URL }));
    return undefined;
  }
  if (hasHostBits(cidr)) {
    findings.push(atValue(written.node, { code: 'subnet-host-bits', severity: 'error', message: `${what} ${written.text} has host bits set; Docker refuses it. Did you mean ${formatCidr(cidr)}?`, docUrl: IPAM_URL }));
  }
  return cidr;
}

function checkRange(config: IpamConfig, subnet: Cidr, findings: Finding[]): void {
  const range = checkCidr(config.ipRange, 'ip_range', findings);
  if (!range || !config.ipRange) return;
  if (range.family !== subnet.family) {
    findings.push(familyMismatch(config.ipRange, 'ip_range', range.family, subnet));
  } else if (!contains(subnet, range)) {
    findings.push(atValue(config.ipRange.node, { code: 'ip-range-outside-subnet', severity: 'error', message: `ip_range ${formatCidr(range)} is not inside subnet ${formatCidr(subnet)}.`, docUrl: IPAM_URL }));
  }
}

function checkGateway(config: IpamConfig, subnet: Cidr, findings: Finding[]): void {
  const gateway = config.gateway;
  const address = checkAddress(gateway, 'Gateway', findings);
  if (!gateway || !address) return;
  if (address.family !== subnet.family) {
    findings.push(familyMismatch(gateway, 'Gateway', address.family, subnet));
  } else if (!contains(subnet, address)) {
    findings.push(atValue(gateway.node, { code: 'gateway-outside-subnet', severity: 'error', message: `Gateway ${gateway.text} is not inside subnet ${formatCidr(subnet)}.`, docUrl: IPAM_URL }));
  } else {
    const reserved = reservedAddresses(subnet).find((r) => r.value === address.value);
    if (reserved) {
      findings.push(atValue(gateway.node, { code: 'gateway-reserved-address', severity: 'error', message: `Gateway ${gateway.text} is the ${reserved.what} of subnet ${formatCidr(subnet)}, which Docker never assigns; use a host address such as ${formatAddress(subnet.family, subnet.start + 1n)}.`, docUrl: IPAM_URL }));
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
      findings.push(atValue(aux.node, { code: 'aux-address-outside-subnet', severity: 'error', message: `Auxiliary address '${aux.label}' (${aux.text}) is not inside subnet ${formatCidr(subnet)} of network '${network.element.name}'.`, docUrl: IPAM_URL }));
      continue;
    }
    const earlier = seen.get(address.value);
    if (earlier) {
      const other = earlier.label === undefined ? 'the gateway' : `auxiliary address '${earlier.label}'`;
      findings.push(atValue(aux.node, { code: 'aux-address-duplicate', severity: 'warning', message: `Auxiliary address '${aux.label}' (${aux.text}) is already reserved as ${other}.`, docUrl: IPAM_URL, related: [{ span: earlier.node.span, message: `${aux.text} is first reserved here` }] }));
    } else {
      seen.set(address.value, aux);
    }
  }
}

function checkAddress(written: WrittenAddress | undefined, what: string, findings: Finding[]): WrittenAddress['address'] {
  if (!written) return undefined;
  if (!written.address) findings.push(atValue(written.node, { code: 'ip-invalid', severity: 'error', message: `${what} '${written.text}' is not an IP address.`, docUrl: IPAM_URL }));
  return written.address;
}

function familyMismatch(written: { readonly node: WrittenCidr['node'] }, what: string, family: 4 | 6, subnet: Cidr): Finding {
  return atValue(written.node, { code: 'ipam-family-mismatch', severity: 'error', message: `${what} is ${familyName(family)} but its subnet ${formatCidr(subnet)} is ${familyName(subnet.family)}.`, docUrl: IPAM_URL });
}
