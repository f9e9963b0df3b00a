import type { TextChange } from './textChange';

/** Converts between offsets and 0-based line/character positions (UTF-16), for the LSP and CLI edges. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: LineStarts;
  /** The text holds a carriage return: remembered, because looking again costs a scan of the whole text. */
  private readonly hasCr: boolean;

  /** `lineStarts`: given by `edited`, which knows them from the previous version. */
  constructor(
    private readonly text: string,
    lineStarts?: LineStarts,
  ) {
    // Most files end lines with \n alone: indexOf finds those in native code, several times faster than
    // a loop over every character (which a file of megabytes would pay on every keystroke).
    // Line starts come given only for a text without a carriage return (`edited`).
    this.hasCr = lineStarts === undefined && text.includes('\r');
    this.lineStarts = lineStarts ?? (this.hasCr ? lineStartsWithCr(text) : lineStartsOfLf(text));
  }

  /**
   * The index of `text`, the previous version's text changed by `change`: the line starts before the change
   * are kept, those in it found again, those after it moved. Scanning a 5,000-service file for line ends
   * took about 10 ms per keystroke. Texts with a carriage return are indexed whole (a `\r\n` may straddle the change).
   */
  static edited(previous: LineIndex, text: string, change: TextChange): LineIndex {
    // Into a text without one, only the changed range can bring a carriage return (looking for one in
    // both whole texts took 29 ms per keystroke at 20,000 services).
    if (previous.hasCr || text.slice(change.start, change.newEnd).includes('\r')) return new LineIndex(text);
    const old = previous.lineStarts;
    const delta = change.newEnd - change.oldEnd;
    // A line start is one past a line end: those ends before the change stay, those after it move.
    const kept = firstAbove(old, change.start);
    const added: number[] = [];
    for (let at = text.indexOf('\n', change.start); at >= 0 && at < change.newEnd; at = text.indexOf('\n', at + 1)) added.push(at + 1);
    const after = firstAbove(old, change.oldEnd);
    // A typed array, copied and moved in bulk: 150,000 lines at 5,000 services.
    const starts = new Float64Array(kept + added.length + old.length - after);
    starts.set(old.subarray(0, kept));
    starts.set(added, kept);
    for (let i = after, j = kept + added.length; i < old.length; i++, j++) starts[j] = old[i]! + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }
}

/** The position of the first line start after `offset` (line starts are sorted). */
function firstAbove(starts: LineStarts, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Offsets where each line starts, in order. */
type LineStarts = Float64Array;

function lineStartsOfLf(text: string): LineStarts {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return Float64Array.from(starts);
}

/** Lines ended by \n, \r\n or a lone \r. */
function lineStartsWithCr(text: string): LineStarts {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Float64Array.from(starts);
}
