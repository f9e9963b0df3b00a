/**
 * Overlapping subnets between networks (and between the `ipam.config` entries of one network). Networks
 * in one address space (local: bridge/macvlan/ipvlan on a host; swarm: overlays in a cluster) may not
 * overlap: the default IPAM refuses the second one ("Pool overlaps with other one on this address
 * space"). A local network overlapping an overlay is accepted but leaves the node with two routes for
 * the same addresses. https://docs.docker.com/reference/compose-file/networks/#ipam
 *
 * Subnets are CIDR blocks, so two either nest or are disjoint: sorted by start (larger first), a stack of
 * enclosing blocks finds every overlap in one sweep. Identical subnets are grouped first, so the stack
 * never holds more than one group per prefix length.
 */
import type { ComposeDocument } from '../../parse/model';
import type { Finding, RelatedSpan } from '../../types';
import { atValue, lineOf } from '../place';
import { contains, type Cidr } from './cidr';
import { ipamNetworks, type IpamNetwork, type WrittenCidr } from './ipamModel';
import { IPAM_URL } from './ipamConfig';
import { pushTo } from '../../multimap';
import { perDocument } from '../../perDocument';

/** One explicit subnet of a network whose address space is known. */
export interface SubnetUse {
  readonly network: IpamNetwork;
  readonly scope: 'local' | 'swarm';
  readonly written: WrittenCidr;
  readonly cidr: Cidr;
}

/** Related entries per finding; a file with hundreds of identical subnets gets short findings. */
const MAX_PARTNERS = 3;

/**
 * Subnets managed by the default IPAM in a known scope; external networks and plugins are skipped.
 * Found once per document version: the overlap check, the pool check and each overlap's quick fix use them.
 */
export const subnetUses = perDocument((doc: ComposeDocument): readonly SubnetUse[] => {
  const uses: SubnetUse[] = [];
  for (const network of ipamNetworks(doc).values()) {
    if (network.external || !network.defaultIpam || !network.scope) continue;
    for (const config of network.configs) {
      // `0.0.0.0/24` or `::/64` only asks for a size (Engine 29+): it names no addresses that could clash.
      if (config.subnet?.cidr && !isSizeRequest(config.subnet.cidr)) uses.push({ network, scope: network.scope, written: config.subnet, cidr: config.subnet.cidr });
    }
  }
  return uses;
});

/** An unspecified-address subnet (`0.0.0.0/N`, `::/N`), which Engine 29+ reads as "any free /N". */
export function isSizeRequest(cidr: { readonly start: bigint; readonly prefix: number }): boolean {
  return cidr.start === 0n && cidr.prefix > 0;
}

export function checkOverlaps(doc: ComposeDocument): Finding[] {
  const partners = overlappingPairs(subnetUses(doc));
  const findings: Finding[] = [];
  for (const [use, others] of partners) {
    for (const code of ['subnet-overlap', 'subnet-overlap-cross-scope'] as const) {
      const matching = others.filter((other) => codeFor(use, other) === code);
      const first = matching[0];
      if (!first) continue;
      const related: RelatedSpan[] = matching.slice(0, MAX_PARTNERS).map((other) => ({ span: other.written.node.span, message: `Overlapping subnet ${other.written.text} of network '${other.network.element.name}'` }));
      findings.push(atValue(use.written.node, { code, severity: code === 'subnet-overlap' ? 'error' : 'warning', message: message(doc, use, first), docUrl: IPAM_URL, related }));
    }
  }
  return findings;
}

function codeFor(a: SubnetUse, b: SubnetUse): 'subnet-overlap' | 'subnet-overlap-cross-scope' {
  return a.scope === b.scope ? 'subnet-overlap' : 'subnet-overlap-cross-scope';
}

function message(doc: ComposeDocument, use: SubnetUse, other: SubnetUse): string {
  const where = `${other.written.text} (line ${lineOf(doc, other.written.node.span)})`;
  const subnet = `Subnet ${use.written.text}`;
  if (other.network === use.network) return `${subnet} overlaps subnet ${where} of the same network '${use.network.element.name}'; Docker refuses to create it.`;
  if (use.scope === other.scope) {
    return `${subnet} of network '${use.network.element.name}' overlaps subnet ${where} of network '${other.network.element.name}'; Docker refuses to create the second one ("Pool overlaps").`;
  }
  return `${subnet} of ${use.scope}-scope network '${use.network.element.name}' overlaps subnet ${where} of ${other.scope}-scope network '${other.network.element.name}': nodes get two routes for the same addresses.`;
}

/** For each subnet, up to a few others it overlaps (per finding code). */
function overlappingPairs(uses: readonly SubnetUse[]): Map<SubnetUse, SubnetUse[]> {
  const groups = new Map<string, SubnetUse[]>();
  for (const use of uses) {
    pushTo(groups, `${use.cidr.family}/${use.cidr.start}/${use.cidr.prefix}`, use);
  }
  const sorted = [...groups.values()].sort((a, b) => compareCidr(a[0]!.cidr, b[0]!.cidr));
  const partners = new Map<SubnetUse, SubnetUse[]>();
  const enclosing: SubnetUse[][] = [];
  for (const group of sorted) {
    const cidr = group[0]!.cidr;
    while (enclosing.length && !contains(enclosing[enclosing.length - 1]![0]!.cidr, cidr)) enclosing.pop();
    for (const outer of enclosing) pair(partners, outer, group);
    pair(partners, group, group);
    enclosing.push(group);
  }
  return partners;
}

function compareCidr(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.prefix - b.prefix;
}

/** Records the overlaps between two groups (or within one group, when `a === b`) on both sides. */
function pair(partners: Map<SubnetUse, SubnetUse[]>, a: readonly SubnetUse[], b: readonly SubnetUse[]): void {
  for (const x of a) {
    for (const y of b) {
      if (x === y) continue;
      const added = add(partners, x, y);
      // Within one group, x also comes round as y, so the reverse is recorded then.
      const reverse = a !== b && add(partners, y, x);
      if (!added && !reverse) break;
    }
  }
}

/** Records `other` as a partner of `use`; false once `use` has enough partners of that kind. */
function add(partners: Map<SubnetUse, SubnetUse[]>, use: SubnetUse, other: SubnetUse): boolean {
  let list = partners.get(use);
  if (!list) partners.set(use, (list = []));
  const code = codeFor(use, other);
  if (list.filter((known) => codeFor(use, known) === code).length >= MAX_PARTNERS) return false;
  list.push(other);
  return true;
}
