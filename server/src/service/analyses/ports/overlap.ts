/**
 * Finds, for many intervals at once, an overlapping partner without comparing every pair, so conflict
 * checks stay O(n log n) on files with thousands of services.
 */
import { pushTo } from '../../multimap';

export interface Interval {
  readonly start: number;
  /** Inclusive. */
  readonly end: number;
  /** Lower is preferred as the reported partner (document order). */
  readonly rank: number;
  /** Intervals of the same group never pair (the same service, or the same binding). */
  readonly group: number;
}

/** The best partner seen so far and the best one of another group, so a query can skip its own group. */
interface Best<T extends Interval> {
  first?: T;
  other?: T;
}

function offer<T extends Interval>(best: Best<T>, x: T | undefined): void {
  if (!x) return;
  const first = best.first;
  if (!first) best.first = x;
  else if (x.rank < first.rank) {
    // The old first becomes the best of another group only if it is of another group than x.
    if (x.group !== first.group) best.other = first;
    best.first = x;
  } else if (x.group !== first.group && (!best.other || x.rank < best.other.rank)) best.other = x;
}

/**
 * For each query, the interval of `pool` with the lowest rank that overlaps it and is of another group.
 * Offline sweep: queries by ascending end, pool intervals inserted by ascending start into a Fenwick
 * tree indexed by descending end, so "overlaps" becomes a prefix query.
 */
export function firstOverlapping<T extends Interval>(pool: readonly T[], queries: readonly Interval[]): (T | undefined)[] {
  // Most buckets are tiny (one service's ports); comparing directly beats building the tree.
  if (pool.length * queries.length <= SMALL) return queries.map((query) => pairwise(pool, query));
  const byEnd = [...pool].sort((a, b) => b.end - a.end);
  const slot = new Map<T, number>(byEnd.map((interval, i) => [interval, i]));
  const ends = byEnd.map((interval) => interval.end);
  const byStart = [...pool].sort((a, b) => a.start - b.start);
  const tree: Best<T>[] = Array.from({ length: byEnd.length + 1 }, () => ({}));
  const order = queries.map((_, i) => i).sort((a, b) => queries[a]!.end - queries[b]!.end);
  const result: (T | undefined)[] = new Array<T | undefined>(queries.length).fill(undefined);
  let inserted = 0;
  for (const index of order) {
    const query = queries[index]!;
    for (; inserted < byStart.length && byStart[inserted]!.start <= query.end; inserted++) {
      const interval = byStart[inserted]!;
      for (let i = slot.get(interval)! + 1; i < tree.length; i += i & -i) offer(tree[i]!, interval);
    }
    const best: Best<T> = {};
    for (let i = partitionPoint(ends, (end) => end >= query.start); i > 0; i -= i & -i) {
      offer(best, tree[i]!.first);
      offer(best, tree[i]!.other);
    }
    result[index] = best.first?.group !== query.group ? best.first : best.other;
  }
  return result;
}

const SMALL = 64;

function pairwise<T extends Interval>(pool: readonly T[], query: Interval): T | undefined {
  let best: T | undefined;
  for (const p of pool) {
    if (p.group !== query.group && p.start <= query.end && query.start <= p.end && (!best || p.rank < best.rank)) best = p;
  }
  return best;
}

/** The number of leading items of `items` for which `before` holds (it must hold for a prefix only). */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Partners across buckets: an item conflicts with another when one of its query keys is one of the
 * other's member keys, their intervals overlap and their groups differ. Keys encode what must match
 * (protocol, address family and IP, profiles, publish mode), so no pair is compared outside a bucket.
 */
export interface Bucketed extends Interval {
  readonly members: readonly string[];
  readonly queries: readonly string[];
}

export function partners<T extends Bucketed>(items: readonly T[]): Map<T, T> {
  const pools = new Map<string, T[]>();
  const asking = new Map<string, T[]>();
  for (const item of items) {
    for (const key of item.members) pushTo(pools, key, item);
    for (const key of item.queries) pushTo(asking, key, item);
  }
  const result = new Map<T, T>();
  for (const [key, queries] of asking) {
    const pool = pools.get(key);
    if (!pool) continue;
    firstOverlapping(pool, queries).forEach((partner, i) => {
      const query = queries[i]!;
      const current = result.get(query);
      if (partner && (!current || partner.rank < current.rank)) result.set(query, partner);
    });
  }
  return result;
}
