/** One language service for all in-process tests, with the vendored schemas (as the entry points load them). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type ComposeMode, type Finding, type TextEdit } from '../../server/src/service/index';
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

/** Applies non-overlapping edits to a text (last first, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((result, { span, newText }) => result.slice(0, span.start) + newText + result.slice(span.end), text);
}

/** The text after applying the quick fix offered for the finding with `code` (the `n`-th one). */
export function applyFix(text: string, code: string, options: { mode?: ComposeMode; n?: number } = {}): string {
  const doc = service.parse(text, options.mode ?? 'compose');
  const finding = service.diagnostics(doc).filter((f) => f.code === code)[options.n ?? 0];
  assert.ok(finding, `no ${code} finding`);
  const actions = service.codeActions(doc, finding.span).filter((a) => a.fixes?.code === code && a.fixes.span.start === finding.span.start && a.fixes.message === finding.message);
  assert.equal(actions.length, 1, `expected one fix for ${code}, got ${actions.map((a) => a.title).join(', ')}`);
  return applyEdits(text, actions[0]!.edits);
}

/** The titles of the refactorings offered at the `<|>` cursor, and the text after applying the first. */
export function applyRefactoring(marked: string, mode: ComposeMode = 'compose'): { titles: string[]; text: string } {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const doc = service.parse(text, mode);
  const actions = service.codeActions(doc, { start: cursor, end: cursor }).filter((a) => a.kind === 'refactor.rewrite');
  return { titles: actions.map((a) => a.title), text: actions[0] ? applyEdits(text, actions[0].edits) : text };
}
