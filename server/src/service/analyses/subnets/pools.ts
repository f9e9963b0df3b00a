/**
 * Explicit subnets against the ranges Docker hands out on its own (facts/addressPools.ts): a clash does
 * not fail on every machine, since daemons can be configured otherwise, so these are warnings or hints
 * that name the exact range. https://docs.docker.com/engine/network/#subnet-allocation and
 * https://docs.docker.com/engine/swarm/networking/#customize-the-default-address-pool
 */
import { DEFAULT_BRIDGE_SUBNET, GWBRIDGE_SUBNET, INGRESS_SUBNET, LOCAL_POOLS, SWARM_POOL, type AddressPool } from '../../facts/addressPools';
import type { ComposeDocument } from '../../parse/model';
import type { Finding, Severity } from '../../types';
import { atValue } from '../place';
import { cidrOf, contains, formatCidr, overlaps, parseCidr, type Cidr } from './cidr';
import { ipamNetworks } from './ipamModel';
import { isSizeRequest, subnetUses, type SubnetUse } from './overlaps';

const POOLS_URL = 'https://docs.docker.com/engine/network/#subnet-allocation';
const SWARM_URL = 'https://docs.docker.com/engine/swarm/networking/';

export interface ParsedPool {
  readonly base: Cidr;
  readonly size: number;
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad built-in CIDR ${text}`);
  return parsed;
}

function pool({ base, size }: AddressPool): ParsedPool {
  return { base: cidr(base), size };
}

const DEFAULT_BRIDGE = cidr(DEFAULT_BRIDGE_SUBNET);
const GWBRIDGE = cidr(GWBRIDGE_SUBNET);
const INGRESS = cidr(INGRESS_SUBNET);
export const LOCAL = LOCAL_POOLS.map(pool);
export const SWARM = pool(SWARM_POOL);
const PRIVATE_IPV4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(cidr);
/**
 * The pools a daemon hands out first (172.18–172.31, after docker0's 172.17). The 192.168.0.0/16 chunks
 * come after fifteen networks exist, so an explicit 192.168.x subnet rarely meets one; flagging those
 * was noise on real files. Only bridge networks are judged: macvlan/ipvlan subnets must be the LAN's.
 */
const BUSY_POOLS = LOCAL.filter((p) => contains(PRIVATE_IPV4[1]!, p.base));

export function checkPools(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  for (const use of subnetUses(doc)) {
    if (use.cidr.family !== 4) continue;
    if (use.scope === 'local') localScope(doc, use, findings);
    else if (doc.mode === 'stack') swarmScope(use, findings);
  }
  for (const network of ipamNetworks(doc).values()) {
    if (network.external) continue;
    for (const { subnet } of network.configs) {
      const block = subnet?.cidr;
      if (!block) continue;
      // Engine 29.0+: an unspecified-address subnet only asks for a subnet of that size from the default pools.
      if (isSizeRequest(block)) {
        findings.push(atValue(subnet.node, { code: 'subnet-size-request', severity: 'information', message: `Subnet ${subnet.text} asks Docker Engine 29.0+ for any free /${block.prefix} from its default address pools; older engines refuse or misread it. Write the subnet itself if the addresses matter.`, docUrl: POOLS_URL }));
        continue;
      }
      if (block.family !== 4 || PRIVATE_IPV4.some((range) => contains(range, block))) continue;
      findings.push(atValue(subnet.node, { code: 'subnet-not-private', severity: 'information', message: `Subnet ${subnet.text} is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16): containers cannot reach the real hosts that own these addresses.`, docUrl: POOLS_URL }));
    }
  }
  return findings;
}

function localScope(doc: ComposeDocument, use: SubnetUse, findings: Finding[]): void {
  const daemon = 'unless the daemon is configured otherwise';
  if (overlaps(use.cidr, DEFAULT_BRIDGE)) {
    report(findings, use, 'subnet-overlaps-default-bridge', 'warning', `overlaps ${DEFAULT_BRIDGE_SUBNET}, the subnet of Docker's default bridge (docker0); creating the network fails with "Pool overlaps" ${daemon} ('bip' in daemon.json).`, POOLS_URL);
  } else if (doc.mode === 'stack' && overlaps(use.cidr, GWBRIDGE)) {
    report(findings, use, 'subnet-overlaps-gwbridge', 'information', `overlaps ${GWBRIDGE_SUBNET}, where swarm nodes usually create docker_gwbridge; the network may fail with "Pool overlaps" on those nodes ${daemon}.`, SWARM_URL);
  } else {
    const clash = use.network.driver === 'bridge' ? clashingChunk(use.cidr, BUSY_POOLS) : undefined;
    if (clash) {
      const where = sameCidr(clash, use.cidr) ? 'is one of the blocks' : `${contains(clash, use.cidr) ? 'lies in' : 'overlaps'} ${formatCidr(clash)}, one of the blocks`;
      report(findings, use, 'subnet-overlaps-default-pool', 'information', `${where} Docker's default pools (172.17–172.31.0.0/16) give networks created without a subnet; if one holds it already, creation fails with "Pool overlaps".`, POOLS_URL);
    }
  }
  if (doc.mode === 'stack' && overlaps(use.cidr, SWARM.base)) {
    report(findings, use, 'subnet-overlaps-swarm-pool', 'warning', `of local network '${use.network.element.name}' overlaps ${formatCidr(clashingChunk(use.cidr, [SWARM])!)} of the swarm address pool ${formatCidr(SWARM.base)}, from which overlay networks get their subnets: routes would clash on the node ${daemon} ('docker swarm init --default-addr-pool').`, SWARM_URL);
  }
}

function swarmScope(use: SubnetUse, findings: Finding[]): void {
  if (overlaps(use.cidr, INGRESS)) {
    report(findings, use, 'subnet-overlaps-ingress', 'warning', `overlaps ${INGRESS_SUBNET}, the subnet of the swarm's ingress network on a default cluster (it can be recreated with another subnet).`, SWARM_URL);
  }
  if (overlaps(use.cidr, GWBRIDGE)) {
    report(findings, use, 'subnet-overlaps-gwbridge', 'information', `overlaps ${GWBRIDGE_SUBNET}, where swarm nodes usually create docker_gwbridge; traffic to these addresses may be routed to the wrong network unless the daemon is configured otherwise.`, SWARM_URL);
  }
  if (use.cidr.prefix < 24) {
    report(findings, use, 'overlay-subnet-too-large', 'information', `of overlay network '${use.network.element.name}' is larger than /24; Docker recommends overlays of /24 or smaller (256 addresses) and several networks, or endpoint_mode: dnsrr, beyond that.`, SWARM_URL);
  }
}

function sameCidr(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.start === b.start && a.prefix === b.prefix;
}

function report(findings: Finding[], use: SubnetUse, code: string, severity: Severity, rest: string, docUrl: string): void {
  findings.push(atValue(use.written.node, { code, severity, message: `Subnet ${use.written.text} ${rest}`, docUrl }));
}

/**
 * The exact range of a pool the subnet clashes with: the pool-sized chunk that contains it, the whole
 * pool base when the subnet covers it, or the subnet itself when it spans several chunks of one base.
 */
function clashingChunk(subnet: Cidr, pools: readonly ParsedPool[]): Cidr | undefined {
  for (const { base, size } of pools) {
    if (!overlaps(subnet, base)) continue;
    if (contains(subnet, base)) return base;
    return subnet.prefix >= size ? cidrOf(subnet.family, subnet.start, size) : subnet;
  }
  return undefined;
}
