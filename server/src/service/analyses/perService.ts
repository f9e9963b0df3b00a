/**
 * Checks whose findings depend on nothing but one service: its content, its name and the file's mode.
 * After an edit only the services whose content changed are checked again; incremental.ts keeps the
 * content identity of services an edit merely moved, and their findings move with them. Findings
 * that point outside their service (into an anchor it aliases) are not kept: they are found again.
 */
import { contentIdentity } from '../parse/incremental';
import type { ComposeDocument, Element } from '../parse/model';
import type { ComposeMode, Finding, Span } from '../types';
import { append } from '../append';

export type ServiceCheck = (service: Element, mode: ComposeMode) => readonly Finding[];

interface Checked {
  readonly name: string;
  readonly mode: ComposeMode;
  /** Where the service's key was when it was checked. */
  readonly start: number;
  readonly findings: readonly Finding[];
}

/** Runs `check` on every service of a document, reusing what it found for unchanged services. */
export function perService(check: ServiceCheck): (doc: ComposeDocument) => Finding[] {
  const cache = new WeakMap<object, Checked>();
  return (doc) => {
    const findings: Finding[] = [];
    for (const service of doc.model.services.values()) {
      const identity = contentIdentity(service.node);
      const start = service.keySpan.start;
      const checked = cache.get(identity);
      if (checked?.name === service.name && checked.mode === doc.mode) {
        const delta = start - checked.start;
        append(findings, delta === 0 ? checked.findings : checked.findings.map((finding) => moved(finding, delta)));
        continue;
      }
      const own = check(service, doc.mode);
      const range: Span = { start, end: service.node.span.end };
      if (!service.via && !service.node.via && own.every((finding) => inside(finding, range))) cache.set(identity, { name: service.name, mode: doc.mode, start, findings: own });
      append(findings, own);
    }
    return findings;
  };
}

function inside(finding: Finding, range: Span): boolean {
  const within = (span: Span): boolean => span.start >= range.start && span.end <= range.end;
  return within(finding.span) && (finding.related ?? []).every((related) => within(related.span));
}

function moved(finding: Finding, delta: number): Finding {
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  const result = { ...finding, span: move(finding.span) };
  return finding.related ? { ...result, related: finding.related.map((related) => ({ ...related, span: move(related.span) })) } : result;
}
