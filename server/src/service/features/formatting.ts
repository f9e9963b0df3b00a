/**
 * Document and range formatting, conservative by design: it re-indents block mappings and sequences
 * (`tabSize` columns a level; sequences under a key indented or flush with it as the file mostly does,
 * or as the `sequenceIndent` setting says), moves comments and multi-line values with them, trims
 * trailing spaces and ends the text with one line break. Every character after a line's indentation is
 * kept, so quotes, anchors, flow collections, number spellings (`0440` is octal to Compose's YAML
 * reader) and key order stay as written.
 *
 * Why not a printer (Prettier's, or the `yaml` package's `toString`): printers rebuild the text from the
 * values, and on the corpus the `yaml` printer turned `mode: 0440` into `mode: 440` (a different file
 * mode for docker/cli and compose-go, which read YAML 1.1 octals), `!reset` into `!reset ""`, and joined
 * multi-line strings and re-spaced flow collections and comments. Here only indentation moves, and the
 * result is kept only when its documents (values, styles, tags, anchors, aliases) and comments equal the
 * original's: otherwise there is no edit. Files with YAML errors get none either.
 *
 * The edits are per line (a line's layout never moves text to another line), so cursors and undo stay
 * where they were on untouched lines.
 */
import type { ComposeDocument } from '../parse/model';
import type { Span, TextEdit } from '../types';
import { append } from '../append';
import { applyEdits } from './fixAll';
import { Continuation, layout, type EntryLines, type Layout, type SequenceIndent } from './formatting/layout';
import { meaningOf, sameMeaning, tokensOf, type Meaning } from './formatting/sameMeaning';

export type { SequenceIndent } from './formatting/layout';

export interface FormatOptions {
  /** Columns per indentation level (LSP `tabSize`). YAML forbids tabs in indentation, so it is always spaces. */
  readonly tabSize: number;
  /** `preserve` (the default) follows the file: sequences under a key flush with it if most are. */
  readonly sequenceIndent?: SequenceIndent;
}

interface Line {
  readonly text: string;
  readonly start: number;
  /** Where the line's text ends, before its line break. */
  readonly end: number;
  readonly eol: string;
}

/** Edits formatting `doc`, or only the whole top-level and service entries that `range` touches. */
export function formatting(doc: ComposeDocument, options: FormatOptions, range?: Span): TextEdit[] {
  if (doc.syntaxFindings.some((finding) => finding.severity === 'error')) return [];
  const parsed = tokensOf(doc.text);
  const tokens = parsed.tokens;
  const lines = splitLines(doc.text);
  const unit = Math.max(1, Math.min(8, Math.floor(options.tabSize) || 2));
  const plan = layout(doc.text, doc.lineIndex, tokens, unit, options.sequenceIndent ?? 'preserve', lines.length);
  if (!plan) return [];
  // Composed only once there is something to check: most files asked to format are formatted already.
  let original: Meaning | undefined;
  // Blank-looking lines of a block scalar are trimmed unless the spaces were content; then kept.
  for (const trimBlankBlockLines of [true, false]) {
    const formatted = reindent(lines, plan, trimBlankBlockLines);
    for (const selection of selections(lines, plan, formatted, range)) {
      const edits = lineEdits(doc.text, lines, formatted, selection, !plan.keepsTail);
      if (edits.length === 0) return [];
      original ??= meaningOf(parsed);
      if (sameMeaning(original, meaningOf(tokensOf(applyEdits(doc.text, edits))))) return edits;
    }
  }
  return [];
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      lines.push({ text: text.slice(start), start, end: text.length, eol: '' });
      return lines;
    }
    const end = newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    lines.push({ text: text.slice(start, end), start, end, eol: text.slice(end, newline + 1) });
    start = newline + 1;
  }
}

/** Every line at its new indentation, trailing spaces trimmed (except where they are content). */
function reindent(lines: readonly Line[], plan: Layout, trimBlankBlockLines: boolean): string[] {
  const next = nextStarts(lines.length, plan);
  const out: string[] = [];
  // The entries above the line, innermost last, with old and new indentation: where comments go.
  const path: { old: number; new: number }[] = [];
  let delta = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const old = indentOf(text);
    const column = plan.starts.get(i);
    const continuation = plan.continuation[i];
    if (plan.fixed.has(i)) out.push(text.trimEnd());
    else if (column !== undefined) {
      delta = column - old;
      while (path.length > 0 && path[path.length - 1]!.old >= old) path.pop();
      path.push({ old, new: column });
      out.push(' '.repeat(column) + text.trim());
    } else if (continuation === Continuation.Block) out.push(trimBlankBlockLines && text.trim() === '' ? '' : shift(text, delta));
    else if (continuation === Continuation.Flow) out.push(shift(text, delta).trimEnd());
    else if (text.trim() === '') out.push('');
    else if (text.trimStart().startsWith('#')) out.push(' '.repeat(commentColumn(old, path, next[i], lines, plan, delta)) + text.trim());
    else out.push(shift(text, delta).trimEnd());
  }
  return out;
}

/**
 * A comment line takes the column of the entry it is written level with: the next entry, or one above
 * it on the way in; column 0 stays 0; otherwise it moves as the next entry does.
 */
function commentColumn(old: number, path: readonly { old: number; new: number }[], nextLine: number | undefined, lines: readonly Line[], plan: Layout, delta: number): number {
  if (old === 0) return 0;
  const nextColumn = nextLine === undefined ? undefined : plan.starts.get(nextLine);
  const nextOld = nextLine === undefined ? undefined : indentOf(lines[nextLine]!.text);
  if (nextColumn !== undefined && nextOld === old) return nextColumn;
  const level = path.find((entry) => entry.old === old);
  if (level) return level.new;
  return Math.max(0, old + (nextColumn !== undefined && nextOld !== undefined ? nextColumn - nextOld : delta));
}

/** For each line, the next line at or after it that starts an entry. */
function nextStarts(count: number, plan: Layout): (number | undefined)[] {
  const next = new Array<number | undefined>(count);
  let upcoming: number | undefined;
  for (let i = count - 1; i >= 0; i--) {
    if (plan.starts.has(i)) upcoming = i;
    next[i] = upcoming;
  }
  return next;
}

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length;
}

/** Moves a line by `delta` columns, taking away leading spaces only. */
function shift(text: string, delta: number): string {
  if (delta >= 0) return text === '' ? text : ' '.repeat(delta) + text;
  const spaces = /^ */.exec(text)![0].length;
  return text.slice(Math.min(spaces, -delta));
}

/**
 * The sets of lines to format, tried in order: all of them; for a range, the touched entries (a service
 * alone when the range stays inside services), then the whole top-level entries around them.
 */
function selections(lines: readonly Line[], plan: Layout, formatted: readonly string[], range: Span | undefined): Array<(line: number) => boolean> {
  if (!range) return [() => true];
  const first = lineAt(lines, range.start);
  const endLine = lineAt(lines, range.end);
  // A selection ending at the start of a line leaves that line out.
  const last = range.end > range.start && lines[endLine]!.start === range.end ? Math.max(first, endLine - 1) : endLine;
  const units = entryUnits(lines, formatted, plan.entries);
  const touched = units.filter((unit) => unit.first <= last && unit.last >= first);
  const narrow: { first: number; last: number }[] = [];
  let narrowCanHold = true;
  for (const unit of touched) {
    const children = unit.children.filter((child) => child.first <= last && child.last >= first);
    const inside = unit.children.length > 0 && Math.max(first, unit.first) >= unit.children[0]!.first;
    if (inside) {
      append(narrow, children);
      if (children.length < unit.children.length && movesKey(lines, formatted, children[0]!)) narrowCanHold = false;
    } else narrow.push(unit);
  }
  const within = (set: readonly { first: number; last: number }[]) => (line: number) => set.some((unit) => unit.first <= line && line <= unit.last);
  // Checking a selection costs a parse of the whole text: one known to fail is not tried.
  return narrowCanHold ? [within(narrow), within(touched)] : [within(touched)];
}

/**
 * Whether a service's key moves to another column. Its siblings all move alike, so formatting some
 * of them alone would leave keys of one mapping at two columns, which YAML reads as another structure
 * or an error: that selection never keeps the meaning.
 */
function movesKey(lines: readonly Line[], formatted: readonly string[], unit: Unit): boolean {
  return indentOf(formatted[unit.line]!) !== indentOf(lines[unit.line]!.text);
}

interface Unit {
  /** The line of its key. */
  readonly line: number;
  readonly first: number;
  readonly last: number;
  readonly children: readonly Unit[];
}

/** Line spans of the entries, each from the comments directly above its key to the line before the next. */
function entryUnits(lines: readonly Line[], formatted: readonly string[], entries: readonly EntryLines[], end = lines.length - 1, top = true): Unit[] {
  const firsts = entries.map((entry, i) => (top && i === 0 ? 0 : withCommentsAbove(formatted, entry.line)));
  return entries.map((entry, i) => {
    const last = i + 1 < entries.length ? firsts[i + 1]! - 1 : end;
    return { line: entry.line, first: firsts[i]!, last, children: entryUnits(lines, formatted, entry.children, last, false) };
  });
}

function withCommentsAbove(formatted: readonly string[], line: number): number {
  let first = line;
  while (first > 0 && formatted[first - 1]!.trimStart().startsWith('#')) first--;
  return first;
}

function lineAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * One edit per run of changed lines among the selected ones; and, when the last written line is
 * selected, one that ends the text with a single line break (unless it ends in a `|+` block scalar,
 * whose trailing line breaks are its value).
 */
function lineEdits(text: string, lines: readonly Line[], formatted: readonly string[], selected: (line: number) => boolean, normaliseEnd: boolean): TextEdit[] {
  let lastWritten = formatted.length - 1;
  while (lastWritten > 0 && formatted[lastWritten] === '') lastWritten--;
  const tail = normaliseEnd && formatted[lastWritten] !== '' && selected(lastWritten);
  const limit = tail ? lastWritten : lines.length - 1;
  const edits: TextEdit[] = [];
  for (let i = 0; i <= limit; i++) {
    if (!selected(i) || formatted[i] === lines[i]!.text) continue;
    let j = i;
    while (j + 1 <= limit && selected(j + 1) && formatted[j + 1] !== lines[j + 1]!.text) j++;
    const parts: string[] = [];
    for (let k = i; k <= j; k++) parts.push(formatted[k]!, k < j ? lines[k]!.eol : '');
    edits.push({ span: { start: lines[i]!.start, end: lines[j]!.end }, newText: parts.join('') });
    i = j;
  }
  if (tail) {
    const eol = lines[lastWritten]!.eol || lines.find((line) => line.eol !== '')?.eol || '\n';
    const start = lines[lastWritten]!.end;
    if (text.slice(start) !== eol) edits.push({ span: { start, end: text.length }, newText: eol });
  }
  return edits;
}
