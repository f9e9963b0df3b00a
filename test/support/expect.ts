/**
 * Fixture-directory expectations: a missing expected file is written on first run (and the test fails,
 * so it gets reviewed); UPDATE_EXPECT=1 rewrites changed ones, so behaviour changes show as diffs.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ComposeDocument, ComposeMode } from '../../server/src/service/index';

export interface FixtureCase {
  readonly name: string;
  /** The input: `docker-stack.yml` (checked in stack mode) or else `compose.yaml`. */
  readonly file: string;
  readonly mode: ComposeMode;
  readonly expected: string;
}

/** The case folders under test/fixtures/<feature>, in name order. */
export function fixtureCases(feature: string): FixtureCase[] {
  const root = path.join(__dirname, '..', 'fixtures', feature);
  return readdirSync(root).sort().map((name) => {
    const stack = path.join(root, name, 'docker-stack.yml');
    const [file, mode]: [string, ComposeMode] = existsSync(stack) ? [stack, 'stack'] : [path.join(root, name, 'compose.yaml'), 'compose'];
    return { name, file, mode, expected: path.join(root, name, 'expected.json') };
  });
}

/** An offset as 1-based `line:column`, as expectations show positions. */
export function lineColumn(doc: ComposeDocument, offset: number): string {
  const { line, character } = doc.lineIndex.positionAt(offset);
  return `${line + 1}:${character + 1}`;
}

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
