/** Applies the quick fix of one finding code at the `<|>` cursor and returns the edited text. */
import * as assert from 'node:assert/strict';
import type { ComposeMode, TextEdit } from '../../server/src/service/index';
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
export function checkFix(marked: string, code: string, expected: string, options: { mode?: ComposeMode; title?: string } = {}): void {
  const { text, cursor } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  const doc = service.parse(text, options.mode ?? 'compose');
  const actions = service.codeActions(doc, { start: cursor, end: cursor }).filter((action) => action.fixes?.code === code);
  assert.equal(actions.length, 1, `expected one fix for ${code}, got ${actions.map((a) => a.title).join(', ') || 'none'}`);
  if (options.title) assert.equal(actions[0]!.title, options.title);
  assert.equal(applyEdits(text, actions[0]!.edits), expected);
}

/** Asserts that no fix for `code` is offered at the cursor. */
export function checkNoFix(marked: string, code: string, mode: ComposeMode = 'compose'): void {
  const { text, cursor } = parseMarkers(marked);
  const doc = service.parse(text, mode);
  const actions = service.codeActions(doc, { start: cursor!, end: cursor! }).filter((action) => action.fixes?.code === code);
  assert.deepEqual(actions.map((a) => a.title), []);
}
