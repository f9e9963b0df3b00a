/**
 * The per-file modeline: a comment `# shipshape: stack` or `# shipshape: compose` among the comment
 * lines that open the file (before its first key). It wins over the file name and the content, so a
 * file says for itself how it is deployed; only a configured stack-file pattern is stronger.
 */
import type { ComposeMode, Span } from '../types';

export interface Modeline {
  /** The mode it names, or undefined when it names none (a typo such as `# shipshape: swarm`). */
  readonly mode: ComposeMode | undefined;
  /** What follows `shipshape:`, as written. */
  readonly value: string;
  /** The span of the whole comment. */
  readonly span: Span;
  /** The span of the value. */
  readonly valueSpan: Span;
}

// A byte order mark may open the first line.
const MODELINE = /^(\uFEFF?[ \t]*#[ \t]*shipshape:[ \t]*)(\S*)[ \t]*$/;

/** The modeline of `text`, read from its leading blank, comment and `---`/`%` directive lines only. */
export function findModeline(text: string): Modeline | undefined {
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    const trimmed = line.trim();
    const match = MODELINE.exec(line);
    if (match) {
      const valueStart = start + match[1]!.length;
      const value = match[2]!;
      return { mode: value === 'stack' || value === 'compose' ? value : undefined, value, span: { start, end: start + line.length }, valueSpan: { start: valueStart, end: valueStart + value.length } };
    }
    if (trimmed !== '' && !trimmed.startsWith('#') && trimmed !== '---' && !trimmed.startsWith('%')) return undefined;
    if (newline === -1) return undefined;
    start = newline + 1;
  }
  return undefined;
}

/** The line that makes a file `mode`, to insert at its top. */
export function modelineText(mode: ComposeMode): string {
  return `# shipshape: ${mode}`;
}
