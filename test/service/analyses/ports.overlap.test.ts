import * as assert from 'node:assert/strict';
import { firstOverlapping, type Interval } from '../../../server/src/service/analyses/ports/overlap';

/** A small deterministic generator, so a failure always reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function bruteForce(pool: readonly Interval[], query: Interval): Interval | undefined {
  return pool.filter((p) => p.group !== query.group && p.start <= query.end && query.start <= p.end).sort((a, b) => a.rank - b.rank)[0];
}

describe('interval partner search', () => {
  it('finds the lowest-ranked overlapping interval of another group, as a pairwise check would', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      // Sizes on both sides of the direct comparison used for small inputs.
      const size = 1 + Math.floor(next() * 40);
      const intervals: Interval[] = Array.from({ length: size }, () => {
        const start = Math.floor(next() * 40);
        return { start, end: start + Math.floor(next() * 6), rank: next(), group: Math.floor(next() * 4) };
      });
      const found = firstOverlapping(intervals, intervals);
      intervals.forEach((query, i) => assert.equal(found[i], bruteForce(intervals, query), `round ${round}, query ${i}`));
    }
  });

  it('never pairs an interval with its own group', () => {
    const a = { start: 1, end: 5, rank: 2, group: 1 };
    const b = { start: 3, end: 3, rank: 1, group: 1 };
    assert.deepEqual(firstOverlapping([a, b], [a, b]), [undefined, undefined]);
  });
});
