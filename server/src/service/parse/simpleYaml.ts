/**
 * A fast reader for the plain YAML that large Compose files are made of: block mappings and
 * sequences, one-line scalars (plain, or quoted without escapes), one-line flow sequences of
 * scalars, anchors, aliases and comments. It builds the very nodes `yaml`'s composer would (values,
 * styles, anchors and ranges), about five times faster than `yaml`'s lexer, parser and composer,
 * which took most of the time to open a large file. Anything outside that subset, or anything `yaml`
 * would report as an error, answers undefined: the caller then parses with `yaml` itself, which also
 * reports the errors. A test compares both on the corpus, its mutations and generated files.
 */
import { Alias, isScalar, Pair, Scalar, Schema, YAMLMap, YAMLSeq, type Node as YamlNode, type ScalarTag } from 'yaml';

/** What callers read of a `yaml` Document. */
export interface ParsedDocument {
  readonly contents: unknown;
  readonly range: readonly [number, number, number];
  readonly errors: readonly { readonly pos: [number, number]; readonly message: string }[];
}

type Range = [number, number, number];

/** The YAML 1.2 core schema's implicit tags, as `yaml` tries them on a plain scalar (its composeScalar). */
const PLAIN_TAGS = new Schema({}).tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && !tag.collection && tag.test !== undefined);
// Characters that YAML 1.2 does not allow to start a plain scalar ([126] ns-plain-first).
const NOT_PLAIN_FIRST = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
// Characters that end an anchor or alias name in a flow sequence, or may not appear in a name.
const FLOW_INDICATORS = new Set([...',[]{}']);
/** Compose files nest a few levels. */
const MAX_DEPTH = 100;
/** Longer keys are left to `yaml`; the 1,024-character limit of implicit keys is judged on the tree (analyses/writtenKeys.ts). */
const MAX_KEY_LENGTH = 1000;

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Thrown inside the reader for text outside the subset. */
const OUTSIDE = Symbol('outside the subset');

/** The text as one `yaml` document, or undefined when it is outside the subset (or empty). */
export function readSimpleYaml(text: string): ParsedDocument | undefined {
  // Tabs, carriage returns and byte-order marks change indentation and line rules: leave them to `yaml`.
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch {
    // Outside the subset; and should the reader ever fail, `yaml` still reads the text.
    return undefined;
  }
}

function outside(): never {
  throw OUTSIDE;
}

class Reader {
  /** The current content line (not blank, not a comment): where it starts, and where its content starts. */
  private lineStart = 0;
  private at = 0;
  /** The content's column; a compact collection after `- ` moves it to where that collection starts. */
  private indent = 0;
  /** Where the current line ends (at its newline, or the end of the text). */
  private eol = 0;
  private done = false;
  /**
   * The blank and comment lines skipped just before the current line, and how many of them a node
   * already took. `yaml` hands such lines to the nodes around them by rules that decide where those
   * nodes' ranges end; `emptyEnd` and `collectionRange` follow them.
   */
  private readonly gap: GapLine[] = [];
  private gapTaken = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): ParsedDocument {
    this.advance(0);
    if (this.done) outside();
    const start = this.lineStart;
    const contents = this.block(false);
    // Content left over at a smaller indentation than the root's is an error.
    if (!this.done) outside();
    // Blank and comment lines that no node took belong to the document.
    const end = this.gapTaken < this.gap.length ? this.text.length : contents.range![2];
    return { contents, range: [start, contents.range![1], end], errors: [] };
  }

  /** Moves to the first content line at or after `from` (a line start). */
  private advance(from: number): void {
    const text = this.text;
    this.gap.length = 0;
    this.gapTaken = 0;
    let line = from;
    while (line < text.length) {
      let at = line;
      while (text.charCodeAt(at) === SPACE) at++;
      const ch = text.charCodeAt(at);
      let eol = text.indexOf('\n', at);
      if (eol < 0) eol = text.length;
      if (ch === HASH || at === eol) this.gap.push({ column: at - line, comment: ch === HASH, newline: eol });
      else {
        // Directives and document markers start or end documents.
        if (at === line && (ch === 37 /* % */ || text.startsWith('---', at) || text.startsWith('...', at))) outside();
        this.lineStart = line;
        this.at = at;
        this.indent = at - line;
        this.eol = eol;
        return;
      }
      line = eol + 1;
    }
    this.done = true;
    this.lineStart = this.at = this.eol = text.length;
  }

  /** The collection that starts on the current line (only a sequence, where it is a mapping's value at the key's column). */
  private block(sequenceOnly: boolean): YamlNode {
    if (this.isSequenceItem(this.at)) return this.sequence(this.indent);
    return sequenceOnly ? outside() : this.mapping(this.indent);
  }

  /** Counts the collections open around the one starting: deep nesting is left to `yaml`, which reports it. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) outside();
  }

  private isSequenceItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NEWLINE || at + 1 === this.text.length;
  }

  private mapping(indent: number): YAMLMap {
    this.enter();
    const map = new YAMLMap();
    const start = this.at;
    for (;;) {
      const colon = this.keyColon(this.at, this.eol);
      if (colon < 0) outside();
      const key = this.key(this.at, colon);
      const value = this.valueAfter(colon + 1, indent, true);
      map.items.push(new Pair(key, value));
      if (this.done || this.indent < indent) break;
      if (this.indent > indent || this.isSequenceItem(this.at)) outside();
    }
    map.range = this.collectionRange(start, map.items[map.items.length - 1]!.value as YamlNode, indent);
    this.depth--;
    return map;
  }

  private sequence(indent: number): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq();
    const start = this.at;
    for (let commentBefore = false; ; ) {
      seq.items.push(this.sequenceItem(indent, commentBefore));
      if (this.done || this.indent < indent) break;
      if (this.indent > indent) outside();
      // A key at the sequence's column continues the mapping that holds it (`key:` then `- item` lines).
      if (!this.isSequenceItem(this.at)) break;
      // Comment lines the previous item leaves go with the next dash.
      this.takeDeeperComments(seq.items[seq.items.length - 1] as YamlNode, indent);
      commentBefore = this.untakenComment();
    }
    seq.range = this.collectionRange(start, seq.items[seq.items.length - 1] as YamlNode, indent);
    this.depth--;
    return seq;
  }

  /**
   * The range of a collection that ends at the current line (or the end of the text), after `last`.
   * Following yaml's parser: comment lines deeper than the collection join its last value while only
   * blank lines come between; the lines after those stay with the collection when one of their
   * comments is at least as deep as it (and it is indented), and otherwise go to its parent.
   */
  private collectionRange(start: number, last: YamlNode, indent: number): Range {
    this.takeDeeperComments(last, indent);
    const end = last.range![2];
    const gap = this.gap;
    let kept = false;
    for (let i = this.gapTaken; i < gap.length; i++) kept ||= gap[i]!.comment && gap[i]!.column >= indent;
    if (indent > 0 && kept) {
      this.gapTaken = gap.length;
      return [start, end, this.nextContent()];
    }
    return [start, end, end];
  }

  /** Comment lines deeper than a collection join its one-line value `last` while only blank lines come between. */
  private takeDeeperComments(last: YamlNode, indent: number): void {
    if (isCollection(last) || isEmpty(last)) return;
    const gap = this.gap;
    for (let i = this.gapTaken; i < gap.length && (!gap[i]!.comment || gap[i]!.column > indent); i++) {
      if (!gap[i]!.comment) continue;
      last.range![2] = this.lineEnd(gap[i]!.newline);
      this.gapTaken = i + 1;
    }
  }

  /** True when a skipped comment line is left that no node took. */
  private untakenComment(): boolean {
    for (let i = this.gapTaken; i < this.gap.length; i++) if (this.gap[i]!.comment) return true;
    return false;
  }

  /** Where the next content starts (after its indentation), or the end of the text. */
  private nextContent(): number {
    return this.done ? this.text.length : this.at;
  }

  private lineEnd(newline: number): number {
    return Math.min(newline + 1, this.text.length);
  }

  /**
   * Where the range of an empty value ends: yaml keeps the lines after it with it, up to the next
   * content, and its range reaches that far when they hold a comment, or `commented`: its own line
   * does, or (for a sequence item) the lines before its dash.
   * (When a key of the same mapping follows, yaml hands some of those lines to that key instead; but
   * then this end shows in no range, as only a collection's last value ends the collection's range.)
   */
  private emptyEnd(at: number, commented: boolean): number {
    const anyComment = commented || this.gap.some((line) => line.comment);
    this.gapTaken = this.gap.length;
    return anyComment ? this.nextContent() : at;
  }

  private sequenceItem(indent: number, commentBefore: boolean): YamlNode {
    const dash = this.at;
    let at = dash + 1;
    while (this.text.charCodeAt(at) === SPACE) at++;
    if (at < this.eol && this.text.charCodeAt(at) !== HASH) {
      // A compact mapping or sequence after `- `: its column is where it starts.
      const compactMap = this.keyColon(at, this.eol) >= 0;
      if (compactMap || this.isSequenceItem(at)) {
        this.at = at;
        this.indent = at - this.lineStart;
        return compactMap ? this.mapping(this.indent) : this.sequence(this.indent);
      }
    }
    return this.valueAfter(dash + 1, indent, false, commentBefore);
  }

  /**
   * The offset of the colon that ends a key starting at `at`, or -1 when the line holds no key this
   * reader takes (a plain or quoted key followed by `: ` or `:` at the end of the line).
   */
  private keyColon(at: number, eol: number): number {
    const text = this.text;
    const first = text[at]!;
    let colon = -1;
    if (first === '"' || first === "'") {
      let after = this.quoteEnd(at, eol);
      while (text.charCodeAt(after) === SPACE) after++;
      colon = text.charCodeAt(after) === COLON ? after : -1;
    } else if (!NOT_PLAIN_FIRST.has(first) || (first === '-' && text.charCodeAt(at + 1) !== SPACE)) {
      for (let i = at; i < eol; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
        if (ch === COLON && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE)) {
          colon = i;
          break;
        }
      }
    } else return -1;
    if (colon < 0) return -1;
    if (colon - at > MAX_KEY_LENGTH || (colon + 1 < eol && text.charCodeAt(colon + 1) !== SPACE)) outside();
    return colon;
  }

  private key(at: number, colon: number): Scalar {
    const text = this.text;
    if (text[at] === '"' || text[at] === "'") return this.quoted(at, this.quoteEnd(at, colon));
    let end = colon;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return plainScalar(text.slice(at, end), [at, end, end]);
  }

  /**
   * The value after a key's colon or a sequence's dash: on the same line, or a block on the lines
   * below. Leaves the reader on the next content line. `parent` is the column of the key or dash.
   */
  private valueAfter(from: number, parent: number, ofKey: boolean, commentBefore = false): YamlNode {
    const text = this.text;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    let anchor: string | undefined;
    if (text[at] === '&') {
      const end = this.nameEnd(at + 1, this.eol);
      anchor = text.slice(at + 1, end);
      at = end;
      while (text.charCodeAt(at) === SPACE) at++;
    }
    const eol = this.eol;
    let node: YamlNode;
    if (at === eol || text.charCodeAt(at) === HASH) {
      this.advance(eol + 1);
      if (!this.done && (this.indent > parent || (ofKey && this.indent === parent && this.isSequenceItem(this.at)))) {
        node = this.block(this.indent === parent);
      } else {
        // `key:` with nothing after it: yaml places the empty value after the blanks (and any anchor).
        const empty = new Scalar(null);
        empty.type = Scalar.PLAIN;
        empty.range = [at, at, this.emptyEnd(at, at < eol || commentBefore)];
        node = empty;
      }
    } else {
      node = this.inlineValue(at, eol, anchor !== undefined);
      this.advance(eol + 1);
      // A deeper line after a one-line value continues a multi-line scalar (or is an error).
      if (!this.done && this.indent > parent) outside();
    }
    if (anchor !== undefined) node.anchor = anchor;
    return node;
  }

  /** A value written on the rest of the line from `at` (not empty, not a comment). */
  private inlineValue(at: number, eol: number, anchored: boolean): YamlNode {
    const text = this.text;
    const first = text[at]!;
    let node: YamlNode;
    let end: number;
    if (first === '*') {
      if (anchored) outside();
      end = this.nameEnd(at + 1, eol);
      node = new Alias(text.slice(at + 1, end));
    } else if (first === '"' || first === "'") {
      end = this.quoteEnd(at, eol);
      node = this.quoted(at, end);
    } else if (first === '[') {
      end = this.flowSequenceEnd(at, eol);
      node = this.flowSequence(at, end);
    } else if (first === '{' && text[at + 1] === '}') {
      end = at + 2;
      node = Object.assign(new YAMLMap(), { flow: true });
    } else {
      if (NOT_PLAIN_FIRST.has(first) && !this.indicatorStartsPlain(at)) outside();
      end = this.plainEnd(at, eol);
      const source = text.slice(at, end);
      if (source.includes(': ') || source.endsWith(':')) outside();
      node = plainScalar(source, [at, end, end]);
    }
    // Only blanks and a comment may follow on the line.
    let rest = end;
    while (text.charCodeAt(rest) === SPACE) rest++;
    if (rest < eol && (text.charCodeAt(rest) !== HASH || rest === end)) outside();
    node.range = [at, end, Math.min(eol + 1, text.length)];
    return node;
  }

  /** `-`, `?` and `:` start a plain scalar when a non-blank follows them. */
  private indicatorStartsPlain(at: number): boolean {
    const ch = this.text[at]!;
    const next = this.text.charCodeAt(at + 1);
    return (ch === '-' || ch === '?' || ch === ':') && next !== SPACE && at + 1 < this.eol;
  }

  /** Where a plain scalar on one line ends: before a comment and trailing blanks. */
  private plainEnd(at: number, eol: number): number {
    const text = this.text;
    let end = at;
    while (end < eol && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) end++;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** Where an anchor or alias name ends: at a blank or the end of the line (or a comma, in a flow sequence). */
  private nameEnd(at: number, eol: number, flow = false): number {
    let end = at;
    while (end < eol && this.text.charCodeAt(end) !== SPACE && !(flow && this.text[end] === ',')) {
      if (FLOW_INDICATORS.has(this.text[end]!)) outside();
      end++;
    }
    if (end === at || this.text.charCodeAt(end - 1) === COLON) outside();
    return end;
  }

  /** The offset after the closing quote of a quoted scalar that starts at `at` and ends on its line. */
  private quoteEnd(at: number, eol: number): number {
    const quote = this.text[at]!;
    for (let i = at + 1; i < eol; i++) {
      if (this.text[i] !== quote) continue;
      // Two single quotes inside single quotes stand for one.
      if (quote === "'" && this.text[i + 1] === "'") i++;
      else return i + 1;
    }
    return outside();
  }

  private quoted(at: number, end: number): Scalar {
    const single = this.text[at] === "'";
    const inner = this.text.slice(at + 1, end - 1);
    // Escapes in double quotes are left to `yaml`.
    if (!single && inner.includes('\\')) outside();
    const scalar = new Scalar(single ? inner.replaceAll("''", "'") : inner);
    scalar.type = single ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    scalar.range = [at, end, end];
    return scalar;
  }

  private flowSequenceEnd(at: number, eol: number): number {
    const close = this.text.indexOf(']', at);
    return close >= 0 && close < eol ? close + 1 : outside();
  }

  /** A one-line flow sequence of scalars and aliases, `[` at `at` to `]` before `end`. */
  private flowSequence(at: number, end: number): YAMLSeq {
    const text = this.text;
    const seq = new YAMLSeq();
    seq.flow = true;
    let i = at + 1;
    const skipBlanks = (): void => {
      while (text.charCodeAt(i) === SPACE) i++;
    };
    skipBlanks();
    while (i < end - 1) {
      const first = text[i]!;
      let itemEnd: number;
      if (first === '"' || first === "'") {
        itemEnd = this.quoteEnd(i, end);
        seq.items.push(this.quoted(i, itemEnd));
      } else if (first === '*') {
        itemEnd = this.nameEnd(i + 1, end - 1, true);
        seq.items.push(Object.assign(new Alias(text.slice(i + 1, itemEnd)), { range: [i, itemEnd, itemEnd] as Range }));
      } else {
        if (NOT_PLAIN_FIRST.has(first)) outside();
        itemEnd = i;
        while (itemEnd < end - 1 && text[itemEnd] !== ',') itemEnd++;
        while (text.charCodeAt(itemEnd - 1) === SPACE) itemEnd--;
        const source = text.slice(i, itemEnd);
        // Colons, comments and nested flow collections need `yaml`'s flow rules.
        if (/[:#[\]{}]/.test(source)) outside();
        seq.items.push(plainScalar(source, [i, itemEnd, itemEnd]));
      }
      i = itemEnd;
      skipBlanks();
      if (i === end - 1) break;
      if (text[i] !== ',') outside();
      i++;
      skipBlanks();
      // A trailing comma before `]` is left to `yaml`.
      if (i === end - 1) outside();
    }
    return seq;
  }
}

interface GapLine {
  readonly column: number;
  readonly comment: boolean;
  /** Where the line's newline is (or the end of the text). */
  readonly newline: number;
}

/** A block mapping or sequence (flow ones end on their line, like scalars). */
function isCollection(node: YamlNode): boolean {
  return (node instanceof YAMLMap || node instanceof YAMLSeq) && !node.flow;
}

function isEmpty(node: YamlNode): boolean {
  return node instanceof Scalar && node.value === null && node.range![0] === node.range![1];
}

/** A plain scalar resolved by the core schema as `yaml` does it: the first implicit tag whose pattern matches. */
function plainScalar(source: string, range: Range): Scalar {
  let node: Scalar | undefined;
  for (const tag of PLAIN_TAGS) {
    if (!tag.test.test(source)) continue;
    const value: unknown = tag.resolve(source, outside, {});
    node = isScalar(value) ? value : new Scalar(value);
    break;
  }
  node ??= new Scalar(source);
  node.type = Scalar.PLAIN;
  node.range = range;
  return node;
}
