/** Applies quick fixes and refactorings in process, so fix tests compare the text after the edit. */
import * as assert from 'node:assert/strict';
import type { CodeAction, ComposeMode, ModeChoice, TextEdit } from '../../server/src/service/index';
import { parseMarkers } from './markers';
import { service } from './service';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** The text after applying the only fix for `code` offered at the cursor; `title` is checked when given. */
export function checkFix(marked: string, code: string, expected: string, options: { mode?: ModeChoice; title?: string } = {}): void {
  const { text, actions } = fixesAt(marked, code, options.mode);
  assert.equal(actions.length, 1, `expected one fix for ${code}, got ${actions.map((a) => a.title).join(', ') || 'none'}`);
  if (options.title) assert.equal(actions[0]!.title, options.title);
  assert.equal(applyEdits(text, actions[0]!.edits), expected);
}

/** Asserts that no fix for `code` is offered at the cursor. */
export function checkNoFix(marked: string, code: string, mode: ComposeMode = 'compose'): void {
  assert.deepEqual(fixesAt(marked, code, mode).actions.map((a) => a.title), []);
}

/** The quick fixes offered for the finding `code` at the fixture's cursor. */
export function fixesAt(marked: string, code: string, mode: ModeChoice = 'compose'): { text: string; actions: CodeAction[] } {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const doc = service.parse(text, mode);
  const actions = service.codeActions(doc, { start: cursor, end: cursor }).filter((a) => a.fixes?.code === code);
  return { text, actions };
}

/** The text after applying the fix titled `title` (or the only/preferred one) for `code` at the cursor. */
export function applyFix(marked: string, code: string, title?: string, mode: ModeChoice = 'compose'): string {
  const { text, actions } = fixesAt(marked, code, mode);
  const action = title ? actions.find((a) => a.title === title) : (actions.find((a) => a.isPreferred) ?? actions[0]);
  assert.ok(action, `no fix ${title ?? ''} for ${code}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edits);
}

/** The text after applying the quick fix of the `n`-th finding with `code` (no cursor needed). */
export function applyFixOf(text: string, code: string, options: { mode?: ComposeMode; n?: number } = {}): string {
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
