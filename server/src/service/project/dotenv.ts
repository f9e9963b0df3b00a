/**
 * The `.env` format as `docker compose` reads it (compose-go `dotenv/parser.go`): `KEY=value` or
 * `KEY: value`, optional `export `, `#` comments (a ` #` ends an unquoted value), single quotes taken
 * literally, double quotes with backslash escapes, both spanning lines, `${VAR}` templates expanded in
 * unquoted and double-quoted values from the process environment first and the lines above second, and a
 * bare `KEY` line copying `KEY` from the process environment.
 *
 * compose-go stops at the first bad line; here a bad line becomes one finding and reading goes on at
 * the next line, so one typo does not hide the rest of the file.
 */
import { LineIndex } from '../parse/lineIndex';
import type { Span } from '../types';
import { substitute, type Lookup, type TemplateProblem } from './template';

export interface EnvEntry {
  readonly name: string;
  readonly value: string;
  /** 1-based line of the key. */
  readonly line: number;
  readonly keySpan: Span;
}

export interface EnvFileProblem {
  readonly message: string;
  readonly span: Span;
  readonly severity: 'error' | 'warning';
}

export interface ParsedEnvFile {
  /** Every assignment in file order (a later one of the same name wins). */
  readonly entries: readonly EnvEntry[];
  readonly problems: readonly EnvFileProblem[];
}

/**
 * Parses `.env` text. `outer` answers variables set before this file (the process environment, earlier
 * env files); it wins over the file's own earlier lines, as in compose-go `GetEnvFromFile`.
 */
export function parseEnvFile(text: string, outer: Lookup): ParsedEnvFile {
  return new EnvParser(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, outer).parse();
}

/** compose-go `isSpace`: blanks that do not end a line. */
const BLANK = /[\t\v\f\r \u0085\u00a0]/;
const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const EXPORT = /^export[\t\v\f\r \u0085\u00a0]+/;

class EnvParser {
  private readonly entries: EnvEntry[] = [];
  private readonly problems: EnvFileProblem[] = [];
  private readonly values = new Map<string, string>();
  private readonly lines: LineIndex;
  private at = 0;

  constructor(private readonly text: string, private readonly outer: Lookup) {
    this.lines = new LineIndex(text);
  }

  parse(): ParsedEnvFile {
    while (this.skipToStatement()) this.statement();
    return { entries: this.entries, problems: this.problems };
  }

  /** Skips blank space and comment lines; false at the end of the text. */
  private skipToStatement(): boolean {
    const { text } = this;
    while (this.at < text.length) {
      if (/\s/.test(text[this.at]!)) this.at++;
      else if (text[this.at] === '#') this.at = this.lineEnd(this.at);
      else return true;
    }
    return false;
  }

  private statement(): void {
    const { text } = this;
    const exported = EXPORT.exec(text.slice(this.at, this.at + 64));
    const keyStart = this.at + (exported?.[0].length ?? 0);
    let i = keyStart;
    while (i < text.length && text[i] !== '=' && text[i] !== ':' && text[i] !== '\n') {
      const ch = text[i]!;
      if (!BLANK.test(ch) && !KEY_CHAR.test(ch)) {
        const end = this.lineEnd(i);
        this.fail(`Unexpected character "${ch}" in variable name "${text.slice(this.at, end).trim()}".`, { start: this.at, end });
        return;
      }
      i++;
    }
    const name = text.slice(keyStart, i).trimEnd();
    const keySpan = { start: keyStart, end: keyStart + name.length };
    if (/\s/.test(name)) {
      this.fail('A variable name cannot contain a space.', keySpan);
      return;
    }
    if (i >= text.length || text[i] === '\n') {
      // A bare `KEY` line: the value comes from the process environment, when it is set there.
      this.at = i;
      const inherited = this.outer(name);
      if (inherited !== undefined) this.define(name, inherited, keySpan);
      return;
    }
    let valueStart = i + 1;
    while (valueStart < text.length && BLANK.test(text[valueStart]!)) valueStart++;
    const quote = text[valueStart];
    const value = quote === '"' || quote === "'" ? this.quoted(valueStart, quote) : this.unquoted(valueStart);
    if (value !== undefined) this.define(name, value, keySpan);
  }

  private unquoted(start: number): string {
    const end = this.lineEnd(start);
    this.at = end;
    let raw = this.text.slice(start, end);
    const comment = raw.indexOf(' #');
    if (comment >= 0) raw = raw.slice(0, comment);
    return this.expand(raw.trimEnd(), start);
  }

  private quoted(start: number, quote: string): string | undefined {
    const { text } = this;
    let chars = '';
    let escaped = false;
    for (let i = start + 1; i < text.length; i++) {
      const ch = text[i]!;
      if (ch !== quote) {
        if (!escaped && ch === '\\') {
          escaped = true;
          continue;
        }
        if (escaped) chars += '\\';
        escaped = false;
        chars += ch;
        continue;
      }
      if (escaped) {
        escaped = false;
        chars += ch;
        continue;
      }
      this.at = i + 1;
      return quote === '"' ? this.expand(unescape(chars), start + 1) : chars;
    }
    const end = this.lineEnd(start);
    this.fail(`Unterminated quoted value ${text.slice(start, end)}.`, { start, end });
    return undefined;
  }

  /** Expands `${VAR}` in a value with compose-go's template rules; problems point into the `.env` text. */
  private expand(value: string, start: number): string {
    const result = substitute(value, (name) => this.outer(name) ?? this.values.get(name), 'compose');
    for (const problem of result.problems) this.report(problem, start);
    return result.value;
  }

  private report(problem: TemplateProblem, start: number): void {
    // Offsets inside a double-quoted value are approximate once escapes were removed; they stay in the value.
    const span = { start: start + problem.start, end: start + problem.end };
    if (problem.kind === 'unset') this.problems.push({ severity: 'warning', span, message: `The "${problem.name}" variable is not set. Defaulting to a blank string.` });
    else if (problem.kind === 'required') this.problems.push({ severity: 'error', span, message: requiredMessage(problem.name, problem.message) });
    else this.problems.push({ severity: 'error', span, message: 'Invalid template: escape a literal `$` as `$$`.' });
  }

  private define(name: string, value: string, keySpan: Span): void {
    this.values.set(name, value);
    this.entries.push({ name, value, line: this.lines.positionAt(keySpan.start).line + 1, keySpan });
  }

  private fail(message: string, span: Span): void {
    this.problems.push({ severity: 'error', span, message });
    this.at = this.lineEnd(span.start);
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }
}

/** compose-go `MissingRequiredError`. */
export function requiredMessage(name: string, reason: string): string {
  return reason ? `Required variable ${name} is missing a value: ${reason}` : `Required variable ${name} is missing a value.`;
}

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', c: '', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$$' };

/** compose-go `expandEscapes` for double-quoted values: `\n`, `\t`, `\\`, `\"`, `\$` (kept as `$$`), `\0NNN`. */
function unescape(value: string): string {
  return value.replace(/\\(?:([abcfnrtv$"\\])|0([0-7]{0,3}))/g, (match, letter: string | undefined, octal: string | undefined) => {
    if (letter !== undefined) return letter === 'c' ? match : ESCAPES[letter]!;
    return octal?.length === 3 ? String.fromCharCode(parseInt(octal, 8)) : match;
  });
}
