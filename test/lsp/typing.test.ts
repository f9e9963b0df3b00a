/**
 * Typing on a large file (issue 19 item 5), run by `npm run test:stress`: the benchmark's scenario
 * (bench/typing.ts: seeded random edits at typing speed on a generated 1,000-service file, YAML errors
 * among them, hover and completion between edits) against the built server. Every request must be
 * answered (stale ones with ContentModified), and the last version's diagnostics must equal a fresh
 * parse of the final text. How fast that happens is the benchmark's business, not this test's.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { typingScenario } from '../../bench/typing';
import { createLanguageService } from '../../server/src/service/index';
import { ROOT, schemas } from '../support/service';

const STRESS = process.env['STRESS_EDITS'] !== undefined;
const reference = createLanguageService({ schemas });

(STRESS ? describe : describe.skip)('typing on a 1,000-service file', function () {
  this.timeout(600_000);

  it('answers every request and ends with the diagnostics of a fresh parse', async () => {
    const result = await typingScenario({ command: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'] });
    assert.equal(result.failures, 0);
    assert.equal(result.requests, 2 * result.edits);
    const doc = reference.parse(result.finalText, 'compose');
    const expected = reference.diagnostics(doc).map((f) => JSON.stringify([doc.lineIndex.positionAt(f.span.start), f.code, f.message]));
    assert.deepEqual(result.finalDiagnostics.map((d) => JSON.stringify([d.range.start, d.code, d.message])), expected);
    console.log(`      typing: ${result.edits} edits, ${result.requests} requests (${result.staleAnswers} stale), 0 failures; last diagnostics after ${result.lastDiagnosticsMs.toFixed(0)} ms, peak ${result.peakMb.toFixed(0)} MB`);
  });
});
