/** Finding a free subnet: used by the overlap quick fixes, and meant for subnet completion too. */
import type { ComposeDocument } from '../../parse/model';
import { bitsOf, cidrOf, overlaps, parseCidr, type Cidr, type Family } from './cidr';
import { ipamNetworks } from './ipamModel';
import { LOCAL, SWARM } from './pools';
import { append } from '../../append';
import { perDocument } from '../../perDocument';

/** Where free subnets are looked for, in order: private IPv4 space, and the IPv6 unique local range. */
const SEARCH_RANGES: Readonly<Record<Family, readonly Cidr[]>> = {
  4: ['172.16.0.0/12', '10.0.0.0/8', '192.168.0.0/16'].map((text) => parseCidr(text)!),
  6: [parseCidr('fd00::/8')!],
};

/**
 * The first subnet with `prefixLength` bits of `family` that overlaps neither a subnet declared in the
 * document nor Docker's local default pools (in a stack file also the swarm pool, which holds ingress),
 * searching 172.16.0.0/12, 10.0.0.0/8 and 192.168.0.0/16 for IPv4, fd00::/8 for IPv6. Undefined when
 * nothing is free. Found once per document version, size and family, in O(n log n) for n declared
 * subnets: an overlap's quick fix asks for each finding. The subnet being moved need not be left out of
 * what is taken: it overlaps another one, and subnets nest, so the only block of its size that holds it
 * holds the other one too.
 */
export function nextFreeSubnet(doc: ComposeDocument, prefixLength: number, family: Family): Cidr | undefined {
  if (prefixLength < 0 || prefixLength > bitsOf(family)) return undefined;
  const found = freeSubnets(doc);
  const key = `${family}/${prefixLength}`;
  if (!found.has(key)) found.set(key, firstFreeSubnet(takenRanges(doc)[family], prefixLength, family));
  return found.get(key);
}

const freeSubnets = perDocument((): Map<string, Cidr | undefined> => new Map());

function firstFreeSubnet(taken: readonly Cidr[], prefixLength: number, family: Family): Cidr | undefined {
  for (const range of SEARCH_RANGES[family]) {
    if (prefixLength < range.prefix) continue;
    const found = firstFree(range, prefixLength, taken);
    if (found) return found;
  }
  return undefined;
}

/** Declared subnets and Docker's pools, per family, sorted by start. */
const takenRanges = perDocument((doc: ComposeDocument): Readonly<Record<Family, readonly Cidr[]>> => {
  const taken: Record<Family, Cidr[]> = { 4: [], 6: [] };
  for (const network of ipamNetworks(doc).values()) {
    for (const { subnet } of network.configs) if (subnet?.cidr) taken[subnet.cidr.family].push(subnet.cidr);
  }
  append(append(taken[4], LOCAL.map((pool) => pool.base)), doc.mode === 'stack' ? [SWARM.base] : []);
  for (const ranges of Object.values(taken)) ranges.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return taken;
});

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
