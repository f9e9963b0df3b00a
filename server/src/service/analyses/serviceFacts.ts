/**
 * What the checks that span services need from one service (its port bindings, references, addresses,
 * network attachments), extracted once per service content. The facts are cached by the service's
 * content identity (parse/elementCache.ts) and hold their spans
 * relative to the service's key, so a moved service reuses them as they are: an edit extracts the
 * facts of the services it touched, and the checks re-run only their combination. Facts with a span
 * outside their service (an anchor it aliases, a merge key) are extracted again for every version.
 * Facts hold no tree nodes, so that old versions of the tree can be freed.
 */
import { checkedElements, ElementCache, memberSlot, type CheckedMember } from '../parse/elementCache';
import { lineageSlot, unchangedPrefix } from '../parse/lineage';
import { lineageOf, type ComposeDocument, type Element } from '../parse/model';
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
  const previous = lineageSlot<LastVersion<T>>();
  return perDocument((doc: ComposeDocument) => {
    const mode = doc.mode;
    const members = checkedElements(doc.model.services);
    const lineage = lineageOf(doc);
    const stored = lineage?.get(previous);
    const last = stored?.mode === mode ? stored : undefined;
    // The services before the edit are the last version's members at the same places, with the same
    // entries: copied at once instead of read one by one (each read is a cache miss at 20,000 services).
    const reused = last ? unchangedPrefix(last.members, members, last.reusable) : 0;
    const all: ServiceFacts<T>[] = last ? last.all.slice(0, reused) : [];
    let reusable = members.length;
    for (let index = reused; index < members.length; index++) {
      const member = members[index]!;
      const { element, start } = member;
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
      else reusable = Math.min(reusable, index);
      all.push(entry);
    }
    lineage?.set(previous, { mode, members, all, reusable });
    return all;
  });
}

/**
 * What the last version's facts were made from, for the next version to copy the entries of the services
 * the edit left alone: that version's own lists (lineage.ts).
 */
interface LastVersion<T> {
  readonly mode: ComposeMode;
  readonly members: readonly CheckedMember[];
  readonly all: readonly ServiceFacts<T>[];
  /** Entries before this index were kept on their members: the next version may copy them. */
  readonly reusable: number;
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
