/**
 * Collects findings on written spans: a value written once in an anchor and used by several services
 * gives one finding where it is written, with every use site as related information.
 */
import type { Finding, RelatedSpan, Span } from '../types';
import { usedBy } from './place';

export class FindingSet {
  private readonly byKey = new Map<string, { finding: Finding; related: RelatedSpan[] }>();

  /** Adds `finding`; `node` (whose `via` is the use site) and `service` describe where it is used. */
  add(finding: Finding, use?: { via: Span | undefined; service: string }): void {
    const key = `${finding.code}:${finding.span.start}:${finding.span.end}`;
    let group = this.byKey.get(key);
    if (!group) {
      group = { finding, related: [...(finding.related ?? [])] };
      this.byKey.set(key, group);
    }
    if (use?.via) group.related.push(usedBy(use.via, use.service));
  }

  findings(): Finding[] {
    return [...this.byKey.values()].map(({ finding, related }) => (related.length ? { ...finding, related } : finding));
  }
}
