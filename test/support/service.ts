/** One language service for all in-process tests, with the vendored schemas (as the entry points load them). */
import * as path from 'node:path';
import { memoryHost } from '../../server/src/service/host';
import { VENDORED_SCHEMAS } from '../../server/src/schemas/index';
import { createLanguageService, type CompletionItem, type ComposeMode, type Finding, type ModeChoice } from '../../server/src/service/index';
import { parseMarkers, renderSpans } from './markers';
import * as assert from 'node:assert/strict';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The schemas and generated validators the entry points use (server/src/schemas). */
export const schemas = VENDORED_SCHEMAS;
export const schema = VENDORED_SCHEMAS.compose.json;
export const service = createLanguageService({ schemas });
/** The files `projectService` sees (absolute paths); project tests put their files here. */
export const projectFiles = new Map<string, string>();
export const projectService = createLanguageService({ schemas, host: memoryHost(projectFiles) });

export function findingsOf(text: string, mode: ModeChoice = 'compose', codes?: readonly string[]): Finding[] {
  const findings = service.diagnostics(service.parse(text, mode));
  return codes ? findings.filter((f) => codes.includes(f.code)) : findings;
}

/**
 * Checks that the findings with the given codes sit exactly on the `⟦...⟧` spans of the fixture and,
 * when `messages` is given, say what it says (in span order).
 */
export function checkFindings(marked: string, codes: readonly string[], options: { mode?: ModeChoice; messages?: readonly string[] } = {}): Finding[] {
  const { text, spans } = parseMarkers(marked);
  const findings = findingsOf(text, options.mode ?? 'compose', codes);
  assert.equal(renderSpans(text, findings.map((f) => f.span)), renderSpans(text, spans), findings.map((f) => `${f.code}: ${f.message}`).join('\n'));
  if (options.messages) assert.deepEqual(findings.map((f) => f.message), options.messages);
  return findings;
}

/**
 * Hovers at the `<|>` cursor and checks the Markdown contains every expected piece (or, with `null`,
 * that there is no hover). Returns the Markdown.
 */
export function checkHover(marked: string, expected: string | readonly string[] | null, options: { mode?: ModeChoice } = {}): string | undefined {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const result = service.hover(service.parse(text, options.mode ?? 'compose'), cursor);
  if (expected === null) {
    assert.equal(result, undefined, `expected no hover, got:\n${result?.contents ?? ''}`);
    return undefined;
  }
  assert.ok(result, 'expected a hover');
  for (const piece of typeof expected === 'string' ? [expected] : expected) {
    assert.ok(result.contents.includes(piece), `hover lacks ${JSON.stringify(piece)}:\n${result.contents}`);
  }
  return result.contents;
}

/**
 * Completes at the `<|>` cursor and checks which labels are offered (`includes`) and which are not
 * (`excludes`). Returns the items.
 */
export function checkCompletion(
  marked: string,
  expected: { includes?: readonly string[]; excludes?: readonly string[] },
  options: { mode?: ComposeMode; trigger?: string } = {},
): CompletionItem[] {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const items = service.completion(service.parse(text, options.mode ?? 'compose'), cursor, options.trigger);
  const labels = items.map((item) => item.label);
  for (const label of expected.includes ?? []) assert.ok(labels.includes(label), `completion lacks ${JSON.stringify(label)}; got ${JSON.stringify(labels)}`);
  for (const label of expected.excludes ?? []) assert.ok(!labels.includes(label), `completion should not offer ${JSON.stringify(label)}`);
  return items;
}
