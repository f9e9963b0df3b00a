/**
 * Fixture markers that cannot clash with Compose YAML: `<|>` marks the cursor and `⟦...⟧` marks
 * expected spans (`$`, `|` and `<<` are all meaningful in Compose files, so they are not used).
 */
import type { Span } from '../../server/src/service/index';

export const CURSOR = '<|>';
const OPEN = '⟦';
const CLOSE = '⟧';

export interface Marked {
  readonly text: string;
  readonly cursor: number | undefined;
  readonly spans: readonly Span[];
}

export function parseMarkers(marked: string): Marked {
  let text = '';
  let cursor: number | undefined;
  const spans: Span[] = [];
  const open: number[] = [];
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith(CURSOR, i)) {
      cursor = text.length;
      i += CURSOR.length;
    } else if (marked[i] === OPEN) {
      open.push(text.length);
      i++;
    } else if (marked[i] === CLOSE) {
      const start = open.pop();
      if (start === undefined) throw new Error(`unbalanced ${CLOSE} in fixture`);
      spans.push({ start, end: text.length });
      i++;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open.length) throw new Error(`unbalanced ${OPEN} in fixture`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, cursor, spans };
}

/** Renders spans back into the text with the same markers, so a failed comparison shows a readable diff. */
export function renderSpans(text: string, spans: readonly Span[]): string {
  // At one offset: closes of earlier spans, then empty spans, then opens of later spans.
  const marks: { at: number; order: number; mark: string }[] = [];
  for (const { start, end } of spans) {
    if (start === end) marks.push({ at: start, order: 1, mark: OPEN + CLOSE });
    else marks.push({ at: start, order: 2, mark: OPEN }, { at: end, order: 0, mark: CLOSE });
  }
  marks.sort((a, b) => a.at - b.at || a.order - b.order);
  let result = '';
  let last = 0;
  for (const { at, mark } of marks) {
    result += text.slice(last, at) + mark;
    last = at;
  }
  return result + text.slice(last);
}
