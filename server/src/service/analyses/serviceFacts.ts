/**
 * What the checks that span services need from one service (its port bindings, references, addresses,
 * network attachments), extracted once per service content. The facts are cached by the service's
 * content identity (parse/elementCache.ts) and hold their spans
 * relative to the service's key, so a moved service reuses them as they are: an edit extracts the
 * facts of the services it touched, and the checks re-run only their combination. Facts with a span
 * outside their service (an anchor it aliases, a merge key) are extracted again for every version.
 * Facts hold no tree nodes, so that old versions of the tree can be freed.
 */
import { checkedElements, ElementCache, memberSlot } from '../parse/elementCache';
import type { ComposeDocument, Element } from '../parse/model';
import { perDocument, type PerDocument } from '../perDocument';
import type { ComposeMode, Finding, Span } from '../types';

/** Turns a service's spans into offsets from its key, and notes whether each of them lies inside it. */
export class Frame {
  private local = true;

  constructor(
    private readonly start: number,
    private readonly end: number,
  ) {}

  span(span: Span): Span {
    if (span.start < this.start || span.end > this.end) this.local = false;
    return { start: span.start - this.start, end: span.end - this.start };
  }

  finding(finding: Finding): Finding {
    return shiftFinding(finding, (span) => this.span(span));
  }

  /** True when every span given so far lies inside the service. */
  get inside(): boolean {
    return this.local;
  }
}

/** One service of a document version with its facts; `start` is where its key is now. */
export interface ServiceFacts<T> {
  readonly element: Element;
  /** Document order among the services. */
  readonly index: number;
  readonly start: number;
  readonly facts: T;
}

export type ExtractFacts<T> = (service: Element, mode: ComposeMode, frame: Frame) => T;

/** The facts of every service of a document, in document order, extracted only for changed services. */
export function perServiceFacts<T>(extract: ExtractFacts<T>): PerDocument<readonly ServiceFacts<T>[]> {
  // Relative spans need no moving: a moved service's facts are reused as they are.
  const cache = new ElementCache<{ readonly facts: T; readonly inside: boolean }>({ move: (extracted) => extracted, within: (extracted) => extracted.inside });
  // A service an edit left alone keeps its member (elementCache.ts): its entry is reused as it is,
  // without a cache lookup, when it is at the same index and its facts lie inside it (facts that read an
  // anchor are extracted again). Kept on the member, so nothing outlives the element's tree.
  const slot = memberSlot();
  return perDocument((doc: ComposeDocument) => {
    const mode = doc.mode;
    const all: ServiceFacts<T>[] = [];
    for (const member of checkedElements(doc.model.services)) {
      const { element, start } = member;
      const index = all.length;
      const same = member.derived[slot] as (ServiceFacts<T> & { readonly mode: ComposeMode }) | undefined;
      if (same && same.index === index && same.mode === mode) {
        all.push(same);
        continue;
      }
      let kept = cache.kept(member, mode);
      if (!kept) {
        const frame = new Frame(start, element.node.span.end);
        kept = { facts: extract(element, mode, frame), inside: frame.inside };
        cache.keep(member, kept, mode);
      }
      const entry = { element, index, start, facts: kept.facts, mode };
      if (kept.inside && member.reusable) member.derived[slot] = entry;
      all.push(entry);
    }
    return all;
  });
}

/** A span of the facts, where it is in the document version whose service key is at `start`. */
export function absolute(span: Span, start: number): Span {
  return { start: span.start + start, end: span.end + start };
}

export function absoluteFinding(finding: Finding, start: number): Finding {
  return shiftFinding(finding, (span) => absolute(span, start));
}

function shiftFinding(finding: Finding, shift: (span: Span) => Span): Finding {
  const result = { ...finding, span: shift(finding.span) };
  return finding.related ? { ...result, related: finding.related.map((related) => ({ ...related, span: shift(related.span) })) } : result;
}
