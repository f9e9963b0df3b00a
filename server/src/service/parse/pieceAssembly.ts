/**
 * Joins the root mappings of a text parsed in parts (see pieces.ts) into the one a whole parse
 * builds, and checks that each part is what its cuts promised.
 */
import type { Finding, Span } from '../types';
import { duplicateKeyFinding, YAML_SPEC } from './parse';
import { entryOf, hasMergedEntries, indexOf, mapNode, type Entry, type MapNode } from './tree';

/** A line where a part may start: a key at column 0, or an element key inside a top-level mapping. */
export interface Cut {
  readonly offset: number;
  /** Offset just after the key's colon: the line's text up to here is the sentinel that follows a part. */
  readonly colonEnd: number;
  /** The top-level key whose mapping this element line belongs to; undefined for a column-0 key. */
  readonly section?: string;
  /**
   * The key typed at column 0 inside `section` after which this element line comes back to it (see
   * findCuts): YAML cannot read the line, and the rest of `section` is checked as if it could.
   */
  readonly resumes?: string;
}

/** Text from one cut to another (a piece, or one element or top-level key in it). */
export interface Part {
  readonly start: number;
  readonly end: number;
  /** The cut the part starts at; undefined for the text's first part. */
  readonly first: Cut | undefined;
  /** The cut after the part, whose key line follows it as a sentinel; undefined at the text's end. */
  readonly next: Cut | undefined;
}

// A plain key without spaces, then optional blanks and a colon that ends the key (YAML 1.2 [154]).
const KEY = /( *)([\w.$/][\w.$/-]*)[ \t]*:(?=[ \t\r\n]|$)/y;

/** The plain key of the line at `line` and where its colon ends; undefined when the line holds none. */
export function keyAt(text: string, line: number): { readonly key: string; readonly colonEnd: number } | undefined {
  KEY.lastIndex = line;
  const match = KEY.exec(text);
  return match ? { key: match[2]!, colonEnd: KEY.lastIndex } : undefined;
}

/**
 * The line that follows a part as its sentinel, and where its key starts in the file. A cut that
 * resumes a section follows the interrupting key's part as a key at column 0, which ends that part
 * as the lines in between are read in the file.
 */
export function sentinelOf(text: string, next: Cut): { readonly source: string; readonly start: number } {
  const start = keyStart(text, next);
  return next.resumes === undefined ? { source: text.slice(next.offset, next.colonEnd), start } : { source: text.slice(start, next.colonEnd), start: next.offset };
}

/** Where the key of a cut line starts. */
export function keyStart(text: string, cut: Cut): number {
  return cut.offset + indentOf(text, cut.offset);
}

export function indentOf(text: string, line: number): number {
  let column = line;
  while (text.charCodeAt(column) === 32) column++;
  return column - line;
}

/**
 * The root mapping of a part read alone (without its sentinel, because a YAML error ran past it),
 * reduced to the entry the part starts with: what follows that entry's first error is only what the
 * error made of the rest. Undefined when the error took the entry's key too.
 */
export function leadingEntry(root: MapNode, part: Part, keyStart: number | undefined): MapNode | undefined {
  const first = root.entries[0];
  if (!first) return undefined;
  const section = part.first?.section;
  if (section === undefined) return part.first && first.keySpan.start !== keyStart ? undefined : mapOf(root.span, [first]);
  const element = first.key === section && first.value.kind === 'map' && first.value.tag === undefined ? first.value.entries[0] : undefined;
  if (!element || element.keySpan.start !== keyStart) return undefined;
  return mapOf(root.span, [entryOf(first.key, first.keySpan, mapOf(first.value.span, [element]), undefined)]);
}

function mapOf(span: Span, entries: readonly Entry[]): MapNode {
  return mapNode(span, undefined, undefined, entries, indexOf(entries));
}

/**
 * Where a part's YAML errors are placed. An error that ran on is reported where the text ends, the
 * next part's first line: read alone, it is placed on the part's own last line break instead.
 */
export function unitRange(part: { readonly start: number; readonly end: number }, alone: boolean): Span {
  return { start: part.start, end: alone ? Math.max(part.start, part.end - 1) : part.end };
}

interface AssembledEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Entry['value'];
  /** The mappings of a top-level mapping cut across parts, in order. */
  readonly parts?: MapNode[];
}

/**
 * Joins the parts' root mappings into one, continuing a cut top-level mapping across parts, and
 * reports keys that parts repeat as the full parse would (each part reports its own repeats).
 */
export class RootAssembly {
  private readonly entries: AssembledEntry[] = [];
  private readonly partOfKey = new Map<string, number>();
  /** For each top-level key, its last entry whose mapping later parts may continue. */
  private readonly lastOpen = new Map<string, AssembledEntry>();
  /** The entry the last part ended in, which the next part may continue. */
  private current: AssembledEntry | undefined;
  private start: number | undefined;
  private end = 0;
  private parts = 0;

  constructor(private readonly findings: Finding[]) {}

  /**
   * Adds one part's root mapping; false, changing nothing, when it is not what the cuts promised: its
   * first key where the part starts, its last the sentinel (a YAML error must not have run past either).
   */
  add(root: MapNode, part: Part, firstStart: number | undefined, sentinelStart: number | undefined): boolean {
    const checked = this.check(root, part, firstStart, sentinelStart);
    if (!checked) return false;
    this.parts++;
    const { open, head, entries } = checked;
    if (open && head) {
      open.parts!.push(head);
      this.current = open;
      // Later repeats of this key within the part were reported by the part itself.
      this.partOfKey.set(open.key, this.parts);
      if (part.first?.resumes !== undefined) this.findings.push(resumedFinding(head.entries[0]!.keySpan, open.key, part.first.resumes));
    }
    for (const { key, keySpan, value } of entries) {
      if ((this.partOfKey.get(key) ?? this.parts) < this.parts) this.findings.push(duplicateKeyFinding(key, keySpan));
      this.partOfKey.set(key, this.parts);
      const entry: AssembledEntry = { key, keySpan, value, ...(value.kind === 'map' && value.tag === undefined && value.via === undefined ? { parts: [value] } : {}) };
      this.entries.push(entry);
      this.current = entry;
      if (entry.parts) this.lastOpen.set(key, entry);
      else this.lastOpen.delete(key);
    }
    this.start ??= root.span.start;
    this.end = root.span.end;
    return true;
  }

  /** The part's own entries, and the mapping that continues the open one; undefined when it does not fit. */
  private check(root: MapNode, part: Part, firstStart: number | undefined, sentinelStart: number | undefined): { open?: AssembledEntry; head?: MapNode; entries: Entry[] } | undefined {
    if (root.tag !== undefined || root.entries.some((e) => e.via !== undefined)) return undefined;
    const entries = [...root.entries];
    if (part.next && !dropSentinel(entries, part.next, sentinelStart)) return undefined;
    const section = part.first?.section;
    if (section === undefined) return part.first && entries[0]?.keySpan.start !== firstStart ? undefined : { entries };
    const head = entries.shift();
    // A part continues the mapping just before it, or one that a key typed at column 0 interrupted.
    const open = part.first?.resumes === undefined ? this.current : this.lastOpen.get(section);
    if (head?.key !== section || head.value.kind !== 'map' || open?.key !== section || !open.parts) return undefined;
    if (head.value.entries[0]?.keySpan.start !== firstStart) return undefined;
    // Merged entries go after a mapping's own ones, which a cut mapping cannot keep in order.
    if ((open.parts.length === 1 && hasMergedEntries(open.parts[0]!)) || hasMergedEntries(head.value)) return undefined;
    return { open, head: head.value, entries };
  }

  finish(): MapNode | undefined {
    if (this.start === undefined) return undefined;
    const entries: Entry[] = this.entries.map(({ key, keySpan, value, parts }) => entryOf(key, keySpan, parts ? this.joined(parts) : value, undefined));
    return mapOf({ start: this.start, end: this.end }, entries);
  }

  /** One mapping from its parts, reporting keys repeated across parts. */
  private joined(parts: readonly MapNode[]): MapNode {
    const partOfKey = new Map<string, number>();
    const entries: Entry[] = [];
    parts.forEach((part, i) => {
      for (const e of part.entries) {
        if ((partOfKey.get(e.key) ?? i) < i) this.findings.push(duplicateKeyFinding(e.key, e.keySpan));
        partOfKey.set(e.key, i);
        entries.push(e);
      }
    });
    return mapOf({ start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end }, entries);
  }
}

/** Removes the sentinel key from the end of the part's mapping (or of its last top-level value). */
function dropSentinel(entries: Entry[], next: Cut, sentinelStart: number | undefined): boolean {
  const last = entries[entries.length - 1];
  if (next.section === undefined || next.resumes !== undefined) return last?.keySpan.start === sentinelStart && entries.pop() !== undefined;
  if (last?.key !== next.section || last.value.kind !== 'map') return false;
  const inner = last.value.entries;
  if (inner[inner.length - 1]?.keySpan.start !== sentinelStart) return false;
  // Its span and index are rebuilt when the next part's mapping is joined to it.
  entries[entries.length - 1] = { ...last, value: { ...last.value, entries: inner.slice(0, -1) } };
  return true;
}

/** The YAML error at an element line that comes back to its section after a key typed at column 0. */
function resumedFinding(span: Span, section: string, interrupting: string): Finding {
  const message = `The key '${interrupting}' at column 0 above ended '${section}', so YAML cannot read this line, indented as an element of '${section}', and Compose refuses the file; the rest is checked here as part of '${section}'.`;
  return { code: 'yaml-syntax', severity: 'error', message, span, docUrl: YAML_SPEC };
}
