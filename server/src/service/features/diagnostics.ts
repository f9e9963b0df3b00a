/**
 * Turns the findings of all analyses into what the user sees: rule settings applied (severity changes,
 * rules turned off), `# shipshape-disable-next-line` comments honoured, what another installed Compose tool
 * already reports left out, sorted by offset then code.
 */
import type { ComposeDocument } from '../parse/model';
import type { Finding, ServiceSettings } from '../types';
import { peerReports } from './peers';

const DISABLE_NEXT_LINE = /^\s*#\s*shipshape-disable-next-line\b(.*)$/;

export function diagnostics(doc: ComposeDocument, findings: readonly Finding[], settings: ServiceSettings): Finding[] {
  return applyRuleSettings(findings, settings, (finding) => isSuppressed(doc, finding));
}

/** Rule settings (and suppression, where the file has comments for it), sorted. `.env` findings take settings only. */
export function applyRuleSettings(findings: readonly Finding[], settings: ServiceSettings, suppressed: (finding: Finding) => boolean = () => false): Finding[] {
  const rules = settings.rules ?? {};
  const result: Finding[] = [];
  for (const finding of findings) {
    const setting = rules[finding.code];
    if (setting === 'off' || peerReports(finding, settings.peers) || suppressed(finding)) continue;
    result.push(setting ? { ...finding, severity: setting } : finding);
  }
  return sortFindings(result);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function isSuppressed(doc: ComposeDocument, finding: Finding): boolean {
  const line = doc.lineIndex.positionAt(finding.span.start).line;
  if (line === 0) return false;
  const previous = doc.text.slice(doc.lineIndex.lineStart(line - 1), doc.lineIndex.lineStart(line));
  const match = DISABLE_NEXT_LINE.exec(previous.replace(/\r?\n$/, ''));
  if (!match) return false;
  const codes = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
  return codes.length === 0 || codes.includes(finding.code);
}
