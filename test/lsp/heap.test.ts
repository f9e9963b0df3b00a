/**
 * The server's heap policy (server/src/lsp/heap.ts): from about 500 generated services, V8's heap
 * grows tightly, because typing with YAML errors open at 1,000 services otherwise peaked at up to
 * 820 MB (issue 19 item 5, budget 600 MB); small files keep V8's own growth, which is faster for them.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import { heapGrowingPercent } from '../../server/src/lsp/heap';

describe('heap growth', () => {
  it('is tight while a file of 1,000 or 5,000 services is held parsed', () => {
    for (const services of [1000, 5000]) assert.ok(heapGrowingPercent(generateCompose(services).length) > 0, `${services} services`);
  });

  it("is V8's own for files of a few hundred services", () => {
    for (const services of [10, 100, 300]) assert.equal(heapGrowingPercent(generateCompose(services).length), 0, `${services} services`);
  });
});
