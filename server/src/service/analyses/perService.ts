/**
 * Checks whose findings depend on nothing but one service: its content, its name and the file's mode.
 * After an edit only the services whose content changed are checked again (elementCache.ts).
 */
import type { ComposeDocument, Element } from '../parse/model';
import type { ComposeMode, Finding } from '../types';
import { append } from '../append';
import { checkedElements, findingsCache } from '../parse/elementCache';

export type ServiceCheck = (service: Element, mode: ComposeMode) => readonly Finding[];

/** Runs `check` on every service of a document, reusing what it found for unchanged services. */
export function perService(check: ServiceCheck): (doc: ComposeDocument) => Finding[] {
  const cache = findingsCache();
  return (doc) => {
    const findings: Finding[] = [];
    for (const member of checkedElements(doc.model.services)) {
      append(findings, cache.of(member, () => check(member.element, doc.mode), doc.mode));
    }
    return findings;
  };
}
