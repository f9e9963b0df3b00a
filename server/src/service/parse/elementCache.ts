/**
 * What a check found in one element (a service, a network, a top-level entry), kept by the identity of
 * its content, which parse/incremental.ts keeps for an element an edit only moved: after an edit only
 * the elements whose content changed are looked at again, and what was found in the others moves with
 * them. A result that points outside its element (into an anchor it aliases) is not kept: it is found again.
 */
import { contentIdentity, type ContentIdentity } from './incremental';
import type { Element } from './elements';
import type { Node } from './tree';
import type { ComposeMode, Finding, Span } from '../types';

/** The element as the cache sees it: its name, where its key starts, its value. */
export interface CheckedElement {
  readonly name: string;
  readonly start: number;
  readonly node: Node;
  /** False when the element is not written where it is used (it came from a merge key or an alias). */
  readonly reusable: boolean;
  /** The content identity of `node`, where the caches keep their results. */
  readonly identity: ContentIdentity;
}

/** How a cached result moves with its element, and whether it stays inside it. */
export interface Spans<T> {
  move(value: T, delta: number): T;
  within(value: T, range: Span): boolean;
}

interface Checked<T> {
  readonly name: string;
  readonly mode: ComposeMode | undefined;
  /** Where the element's key was when it was checked. */
  readonly start: number;
  readonly value: T;
}

export class ElementCache<T> {
  /** Where this cache keeps its results in each content identity. */
  private readonly slot = slots++;

  constructor(private readonly spans: Spans<T>) {}

  /**
   * What `compute` gives for the element, from the cache when only its position changed; `mode` when
   * what it gives depends on the file's mode.
   */
  of(element: CheckedElement, compute: () => T, mode?: ComposeMode): T {
    const kept = this.kept(element, mode);
    if (kept !== undefined) return kept;
    const value = compute();
    this.keep(element, value, mode);
    return value;
  }

  /** What was kept for the element, moved to where it is now; undefined when its content is new. */
  kept(element: CheckedElement, mode?: ComposeMode): T | undefined {
    const checked = element.identity.kept[this.slot] as Checked<T> | undefined;
    if (checked?.name !== element.name || checked.mode !== mode) return undefined;
    const delta = element.start - checked.start;
    return delta === 0 ? checked.value : this.spans.move(checked.value, delta);
  }

  /** Keeps what was found for the element, unless it points outside it. */
  keep(element: CheckedElement, value: T, mode?: ComposeMode): void {
    const { name, start } = element;
    if (element.reusable && this.spans.within(value, { start, end: element.node.span.end })) element.identity.kept[this.slot] = { name, mode, start, value } satisfies Checked<T>;
  }
}

let slots = 0;

/** A named element of a section (a service, a network...) as the caches see it. */
export interface CheckedMember extends CheckedElement {
  readonly element: Element;
  /**
   * What a check derived from the element as placed in a version, at the check's slot (memberSlot): an
   * element an edit left alone is the same object in the next version (model.ts), and so is its member.
   */
  readonly derived: unknown[];
}

/** A slot of `CheckedMember.derived` for one check. */
export function memberSlot(): number {
  return memberSlots++;
}

let memberSlots = 0;

/**
 * The elements of a section as the caches see them, made once per document version: one identity
 * lookup per element instead of one per cache (some 25 caches for each of 5,000 services).
 */
export function checkedElements(section: ReadonlyMap<string, Element>): readonly CheckedMember[] {
  const known = checkedSections.get(section);
  if (known) return known;
  const members: CheckedMember[] = [];
  for (const element of section.values()) {
    let member = memberOf.get(element);
    if (!member) {
      const { name, keySpan, node } = element;
      member = { element, name, start: keySpan.start, node, reusable: !element.via && !node.via, identity: contentIdentity(node), derived: [] };
      memberOf.set(element, member);
    }
    members.push(member);
  }
  checkedSections.set(section, members);
  return members;
}

const checkedSections = new WeakMap<ReadonlyMap<string, Element>, readonly CheckedMember[]>();
/** An element an edit left alone is the same object in the next version (model.ts), and so is its member. */
const memberOf = new WeakMap<Element, CheckedMember>();

/** A cache of findings (the common case). */
export function findingsCache(): ElementCache<readonly Finding[]> {
  return new ElementCache(FINDING_SPANS);
}

export function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

export function spanWithin(span: Span, range: Span): boolean {
  return span.start >= range.start && span.end <= range.end;
}

const FINDING_SPANS: Spans<readonly Finding[]> = {
  move: (findings, delta) => findings.map((finding) => moved(finding, delta)),
  within: (findings, range) => findings.every((finding) => spanWithin(finding.span, range) && (finding.related ?? []).every((related) => spanWithin(related.span, range))),
};

function moved(finding: Finding, delta: number): Finding {
  const result = { ...finding, span: moveSpan(finding.span, delta) };
  return finding.related ? { ...result, related: finding.related.map((related) => ({ ...related, span: moveSpan(related.span, delta) })) } : result;
}
