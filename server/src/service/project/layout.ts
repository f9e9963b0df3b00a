/**
 * One offset space for the files of a project. Each file's text is placed after the previous one (with a
 * newline between), and its trees are moved by the same amount, so a node of the merged model says by its
 * span alone which file it was written in and where. The analyses then run on the merged model unchanged
 * (they read `doc.text` at spans for quick fixes and names), and every finding is mapped back to its file.
 */
import type { YamlDocument } from '../parse/parse';
import { shiftNode } from '../parse/shift';
import type { Node } from '../parse/tree';
import type { Span } from '../types';

export interface PlacedFile {
  readonly path: string;
  readonly text: string;
  /** Where the file's text starts in the shared offset space. */
  readonly base: number;
  /** Offsets the file may use: its length plus room to grow, so an edit in it moves no file after it. */
  readonly slot: number;
}

/** A span of one file of the layout, in that file's own offsets. */
export interface FileSpan {
  readonly path: string;
  readonly span: Span;
}

export class Layout {
  readonly files: readonly PlacedFile[];
  /** Every file's text in order, each followed by a newline: what the merged document's `text` is. */
  readonly text: string;
  private readonly byPath: ReadonlyMap<string, PlacedFile>;

  /** `files` as placed (see `Slots`): each text at its base, the rest of its slot blank. */
  constructor(files: readonly PlacedFile[]) {
    this.files = files;
    this.text = files.map((file) => `${file.text}${' '.repeat(file.slot - file.text.length - 1)}\n`).join('');
    this.byPath = new Map(files.map((file) => [file.path, file]));
  }

  file(path: string): PlacedFile | undefined {
    return this.byPath.get(path);
  }

  /** The file `offset` lies in (binary search over the bases). */
  fileAt(offset: number): PlacedFile | undefined {
    let low = 0;
    let high = this.files.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const file = this.files[middle]!;
      if (offset < file.base) high = middle - 1;
      else if (offset > file.base + file.text.length) low = middle + 1;
      else return file;
    }
    return undefined;
  }

  /** A span of the offset space as the file it lies in sees it. */
  locate(span: Span): FileSpan | undefined {
    const file = this.fileAt(span.start);
    if (!file) return undefined;
    const end = Math.min(span.end, file.base + file.text.length);
    return { path: file.path, span: { start: span.start - file.base, end: Math.max(end, span.start) - file.base } };
  }

  /** Moves a file's offset into the shared space. */
  toShared(path: string, offset: number): number | undefined {
    const file = this.byPath.get(path);
    return file && file.base + offset;
  }
}

/**
 * Where each file of a project goes, kept between versions: a file keeps its slot while its text fits,
 * so typing in the first file does not move (copy) the trees of all the files after it, and their nodes
 * keep the identity the per-service caches of the analyses key on.
 */
export class Slots {
  private previous: readonly { readonly path: string; readonly slot: number }[] = [];
  private next: { path: string; slot: number }[] = [];
  private end = 0;

  /** Starts placing a new version of the project. */
  begin(): void {
    this.next = [];
    this.end = 0;
  }

  /** The place of the next file: its old slot when the same file comes at the same position and fits. */
  place(path: string, text: string): PlacedFile {
    const old = this.previous[this.next.length];
    const slot = old?.path === path && text.length + 1 <= old.slot ? old.slot : text.length + 1 + Math.max(256, Math.ceil(text.length / 8));
    const base = this.end;
    this.end += slot;
    this.next.push({ path, slot });
    return { path, text, base, slot };
  }

  /** Keeps the plan of this version for the next one. */
  commit(): void {
    this.previous = this.next;
  }
}

/** Trees already moved, by the tree and its base, so an edit in one file does not move the others again. */
const placedTrees = new WeakMap<Node, { readonly base: number; readonly node: Node }>();

/** A file's YAML documents moved into the shared space at `base`. */
export function placeDocuments(documents: readonly YamlDocument[], base: number): YamlDocument[] {
  return documents.map((document) => ({ root: document.root && placeTree(document.root, base), span: { start: document.span.start + base, end: document.span.end + base } }));
}

export function placeTree(root: Node, base: number): Node {
  if (base === 0) return root;
  const cached = placedTrees.get(root);
  if (cached?.base === base) return cached.node;
  const node = shiftNode(root, 0, base);
  placedTrees.set(root, { base, node });
  return node;
}
