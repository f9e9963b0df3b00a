/**
 * What the checks that span services need from one service (its port bindings, references, addresses,
 * network attachments), extracted once per service content. The facts are cached by the service's
 * content identity (parse/elementCache.ts) and hold their spans
 * relative to the service's key, so a moved service reuses them as they are: an edit extracts the
 * facts of the services it touched, and the checks re-run only their combination. Facts with a span
 * outside their service (an anchor it aliases, a merge key) are extracted again for every version.
 * Facts hold no tree nodes, so that old versions of the tree can be freed.
 */
import { checkedElements, ElementCache } from '../parse/elementCache';
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
  // The last version's facts: a service an edit left alone is the same element there at the same
  // index (model.ts), so its entry is reused as it is, without a cache lookup, unless its facts point
  // outside it (into an anchor, which the edit may have changed).
  let last: { readonly mode: ComposeMode; readonly all: readonly ServiceFacts<T>[]; readonly local: readonly boolean[] } | undefined;
  return perDocument((doc: ComposeDocument) => {
    const mode = doc.mode;
    const before = last?.mode === mode ? last : undefined;
    const all: ServiceFacts<T>[] = [];
    const local: boolean[] = [];
    for (const member of checkedElements(doc.model.services)) {
      const { element, start } = member;
      const index = all.length;
      const same = before?.all[index];
      if (same?.element === element && before!.local[index]) {
        all.push(same);
        local.push(true);
        continue;
      }
      let kept = cache.kept(member, mode);
      if (!kept) {
        const frame = new Frame(start, element.node.span.end);
        kept = { facts: extract(element, mode, frame), inside: frame.inside };
        cache.keep(member, kept, mode);
      }
      all.push({ element, index, start, facts: kept.facts });
      local.push(kept.inside && member.reusable);
    }
    last = { mode, all, local };
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
