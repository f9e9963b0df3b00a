/** One language service for all in-process tests, with the vendored schemas (as the entry points load them). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type ComposeMode, type Finding } from '../../server/src/service/index';
import { parseMarkers, renderSpans } from './markers';
import * as assert from 'node:assert/strict';

export const ROOT = path.resolve(__dirname, '..', '..');
export const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'compose-spec.json'), 'utf8')) as object;
export const stackSchema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'stack-v3.13.json'), 'utf8')) as object;
export const service = createLanguageService({ schema, stackSchema });

export function findingsOf(text: string, mode: ComposeMode = 'compose', codes?: readonly string[]): Finding[] {
  const findings = service.diagnostics(service.parse(text, mode));
  return codes ? findings.filter((f) => codes.includes(f.code)) : findings;
}

/**
 * Checks that the findings with the given codes sit exactly on the `⟦...⟧` spans of the fixture and,
 * when `messages` is given, say what it says (in span order).
 */
export function checkFindings(marked: string, codes: readonly string[], options: { mode?: ComposeMode; messages?: readonly string[] } = {}): Finding[] {
  const { text, spans } = parseMarkers(marked);
  const findings = findingsOf(text, options.mode ?? 'compose', codes);
  assert.equal(renderSpans(text, findings.map((f) => f.span)), renderSpans(text, spans), findings.map((f) => `${f.code}: ${f.message}`).join('\n'));
  if (options.messages) assert.deepEqual(findings.map((f) => f.message), options.messages);
  return findings;
}
