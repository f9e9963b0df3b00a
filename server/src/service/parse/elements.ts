/** The shape of the typed Compose model (built by model.ts), apart so that mode detection can read it too. */
import type { SectionName } from './sections';
import type { Node } from './tree';
import type { Span } from '../types';

/** A named element of a top-level section, e.g. service `web` or network `back`. */
export interface Element {
  readonly section: SectionName;
  readonly name: string;
  readonly keySpan: Span;
  readonly node: Node;
  /** Set when the element comes from a merge key. */
  readonly via?: Span;
}

export interface ComposeModel {
  readonly services: ReadonlyMap<string, Element>;
  readonly networks: ReadonlyMap<string, Element>;
  readonly volumes: ReadonlyMap<string, Element>;
  readonly secrets: ReadonlyMap<string, Element>;
  readonly configs: ReadonlyMap<string, Element>;
  /** Top-level entries of every document, later documents after earlier ones. */
  readonly topLevel: readonly { readonly key: string; readonly keySpan: Span; readonly node: Node }[];
}
