/** Finding a free subnet: used by the overlap quick fixes, and meant for subnet completion too. */
import type { ComposeDocument } from '../../parse/model';
import type { Node } from '../../parse/tree';
import { bitsOf, cidrOf, overlaps, parseCidr, type Cidr, type Family } from './cidr';
import { ipamNetworks } from './ipamModel';
import { LOCAL, SWARM } from './pools';
import { append } from '../../append';

/** Where free subnets are looked for, in order: private IPv4 space, and the IPv6 unique local range. */
const SEARCH_RANGES: Readonly<Record<Family, readonly Cidr[]>> = {
  4: ['172.16.0.0/12', '10.0.0.0/8', '192.168.0.0/16'].map((text) => parseCidr(text)!),
  6: [parseCidr('fd00::/8')!],
};

/**
 * The first subnet with `prefixLength` bits of `family` that overlaps neither a subnet declared in the
 * document nor Docker's local default pools (in a stack file also the swarm pool, which holds ingress),
 * searching 172.16.0.0/12, 10.0.0.0/8 and 192.168.0.0/16 for IPv4, fd00::/8 for IPv6. `ignore` is a
 * declared subnet node to leave out (the one being replaced). Undefined when nothing is free.
 * Runs in O(n log n) for n declared subnets.
 */
export function nextFreeSubnet(doc: ComposeDocument, prefixLength: number, family: Family, ignore?: Node): Cidr | undefined {
  if (prefixLength < 0 || prefixLength > bitsOf(family)) return undefined;
  const taken = takenRanges(doc, family, ignore);
  for (const range of SEARCH_RANGES[family]) {
    if (prefixLength < range.prefix) continue;
    const found = firstFree(range, prefixLength, taken);
    if (found) return found;
  }
  return undefined;
}

function takenRanges(doc: ComposeDocument, family: Family, ignore: Node | undefined): Cidr[] {
  const taken: Cidr[] = [];
  for (const network of ipamNetworks(doc).values()) {
    for (const { subnet } of network.configs) {
      if (subnet?.cidr?.family === family && subnet.node !== ignore) taken.push(subnet.cidr);
    }
  }
  if (family === 4) append(append(taken, LOCAL.map((pool) => pool.base)), doc.mode === 'stack' ? [SWARM.base] : []);
  return taken.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Steps through `range` in blocks of `prefixLength`, jumping past each taken range it meets. */
function firstFree(range: Cidr, prefixLength: number, taken: readonly Cidr[]): Cidr | undefined {
  const size = 1n << BigInt(bitsOf(range.family) - prefixLength);
  let candidate = range.start;
  let next = 0;
  while (candidate + size - 1n <= range.end) {
    const block = cidrOf(range.family, candidate, prefixLength);
    while (next < taken.length && taken[next]!.end < block.start) next++;
    // Sorted by start: the first range not ending before the block is the only one that can overlap it.
    const blocker = taken[next];
    if (!blocker || !overlaps(blocker, block)) return block;
    candidate = ((blocker.end + 1n + size - 1n) / size) * size;
  }
  return undefined;
}
