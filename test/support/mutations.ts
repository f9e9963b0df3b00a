/** The ways half-typed or damaged Compose files look, as seeded text mutations (for fuzz and equality tests). */
import { below } from './random';

export type Mutation = (text: string, rnd: () => number) => string;

const JUNK = ['\t', ':', '- ', '{', '}', '[', ']', '&a', '*a', '<<: ', '!reset ', '"', "'", '|', '>', '#', '%', '@', '`', '${', '\u0000', '\uFFFD', '\uD800', '\r', '\n', '---\n', '? '];

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, rnd) => text.slice(0, below(rnd, text.length + 1)),
  deleteLine: (text, rnd) => editLines(text, rnd, (lines, i) => lines.splice(i, 1)),
  duplicateLine: (text, rnd) => editLines(text, rnd, (lines, i) => lines.splice(i, 0, lines[i]!)),
  breakIndentation: (text, rnd) => editLines(text, rnd, (lines, i) => (lines[i] = below(rnd, 2) ? ' '.repeat(1 + below(rnd, 3)) + lines[i] : lines[i]!.replace(/^ {1,3}/, ''))),
  insertJunk: (text, rnd) => {
    let result = text;
    for (let n = 1 + below(rnd, 4); n > 0; n--) {
      const at = below(rnd, result.length + 1);
      result = result.slice(0, at) + JUNK[below(rnd, JUNK.length)]! + result.slice(at);
    }
    return result;
  },
  scalarToMapping: (text, rnd) => editLines(text, rnd, (lines, i) => (lines[i] = lines[i]!.replace(/: (\S.*)$/, below(rnd, 2) ? ': {x: [$1], y: {}}' : ':\n  nested:\n    - $1'))),
  mappingToScalar: (text, rnd) => editLines(text, rnd, (lines, i) => (lines[i] = lines[i]!.replace(/:\s*$/, ': 42'))),
};

function editLines(text: string, rnd: () => number, edit: (lines: string[], index: number) => void): string {
  const lines = text.split('\n');
  edit(lines, below(rnd, lines.length));
  return lines.join('\n');
}
