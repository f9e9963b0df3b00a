/**
 * Fixture-directory expectations: a missing expected file is written on first run (and the test fails,
 * so it gets reviewed); UPDATE_EXPECT=1 rewrites changed ones, so behaviour changes show as diffs.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function expectJson(file: string, actual: unknown): void {
  const rendered = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['UPDATE_EXPECT'] === '1' || !existsSync(file)) {
    const existed = existsSync(file);
    writeFileSync(file, rendered);
    if (!existed && process.env['UPDATE_EXPECT'] !== '1') assert.fail(`wrote new expectation ${file}; review it and run again`);
    return;
  }
  assert.deepEqual(JSON.parse(rendered), JSON.parse(readFileSync(file, 'utf8')), `${file} differs (UPDATE_EXPECT=1 rewrites it)`);
}
