/**
 * Findings of one service each, kept per service content (serviceFacts.ts), then gathered across the
 * services with `FindingSet`, so that a value written once in an anchor and used by several services is
 * still one finding with every use site. After an edit only the services it touched are checked again;
 * the rest is a walk over what was found, usually nothing (issue 18).
 */
import type { ComposeDocument, Element } from '../parse/model';
import type { ComposeMode, Finding, Span } from '../types';
import { FindingSet } from './findingSet';
import { absolute, absoluteFinding, perServiceFacts } from './serviceFacts';

/** A finding and, when it lies in an anchor, where this service uses it (`FindingSet.add`). */
export interface ServiceFinding {
  readonly finding: Finding;
  readonly via?: Span | undefined;
}

export type ServiceFindingsCheck = (service: Element, mode: ComposeMode) => Iterable<ServiceFinding>;

/** Runs `check` on the services whose content changed and gathers every service's findings in document order. */
export function perServiceFindings(check: ServiceFindingsCheck): (doc: ComposeDocument) => Finding[] {
  const facts = perServiceFacts((service, mode, frame) =>
    Array.from(check(service, mode), ({ finding, via }) => ({ finding: frame.finding(finding), via: via && frame.span(via) })),
  );
  return (doc) => {
    const set = new FindingSet();
    for (const { element, start, facts: found } of facts(doc)) {
      for (const { finding, via } of found) set.add(absoluteFinding(finding, start), { via: via && absolute(via, start), service: element.name });
    }
    return set.findings();
  };
}
