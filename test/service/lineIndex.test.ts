/** Line positions (server/src/service/parse/lineIndex.ts): an edited text's index equals one built whole. */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/service/parse/lineIndex';
import { changedRange } from '../../server/src/service/parse/textChange';
import { below, random } from '../support/random';

/** Every line start and the line count, as the index answers them. */
function lines(index: LineIndex): number[] {
  return [index.lineCount, ...Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line))];
}

describe('line index of an edited text', () => {
  // Edits at the start, the end, on a line end, and ones that add, join or remove lines.
  const cases: [string, string, string][] = [
    ['a character typed mid-line', 'a: 1\nb: 2\n', 'a: 12\nb: 2\n'],
    ['a line added', 'a: 1\nb: 2\n', 'a: 1\nx: 0\nb: 2\n'],
    ['two lines joined', 'a: 1\nb: 2\nc: 3', 'a: 1b: 2\nc: 3'],
    ['the first line removed', 'a: 1\nb: 2\n', 'b: 2\n'],
    ['text added after the last line end', 'a: 1\n', 'a: 1\nb'],
    ['everything replaced', 'a\nb\nc\n', '\n\n'],
    ['a carriage return typed', 'a: 1\nb: 2\n', 'a: 1\r\nb: 2\n'],
    ['a carriage return typed before a line end', 'a: 1\nb: 2\n', 'a: 1\n\rb: 2\n'],
    ['the only carriage return removed', 'a: 1\r\nb: 2\n', 'a: 1\nb: 2\n'],
  ];
  for (const [title, before, after] of cases) {
    it(`equals a whole index after ${title}`, () => {
      const edited = LineIndex.edited(new LineIndex(before), after, changedRange(before, after));
      assert.deepEqual(lines(edited), lines(new LineIndex(after)));
    });
  }

  it('equals a whole index after many random edits', () => {
    const rnd = random(5);
    let text = 'services:\n  web:\n    image: nginx\n';
    let index = new LineIndex(text);
    for (let i = 0; i < 500; i++) {
      const at = below(rnd, text.length + 1);
      const removed = below(rnd, 4);
      // Carriage returns now and then (rarely, so that most edits index a text without one).
      const inserted = i % 50 === 49 ? ['\r', '\r\n'][below(rnd, 2)]! : ['', '\n', 'x', 'a\nb', '\n\n'][below(rnd, 5)]!;
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      index = LineIndex.edited(index, next, changedRange(text, next));
      text = next;
      assert.deepEqual(lines(index), lines(new LineIndex(text)), `edit ${i}`);
    }
  });
});
