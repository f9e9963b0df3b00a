/**
 * Turns the findings of all analyses into what the user sees: rule settings applied (severity changes,
 * rules turned off), `# shipshape-disable-next-line` comments honoured, what another installed Compose tool
 * already reports left out, sorted by offset then code, and at most MAX_FINDINGS of them.
 */
import type { ComposeDocument } from '../parse/model';
import type { Finding, ServiceSettings, Severity } from '../types';
import { peerReports } from './peers';

/**
 * Findings shown per file. A generated or damaged file can have 100,000 (one per line): nobody reads
 * past the first screens, and sending them all costs the editor seconds and hundreds of MB. The
 * editor and the CLI both read findings through here, so they agree on what is shown.
 */
export const MAX_FINDINGS = 1000;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

const DISABLE_NEXT_LINE = /^\s*#\s*shipshape-disable-next-line\b(.*)$/;

export function diagnostics(doc: ComposeDocument, findings: readonly Finding[], settings: ServiceSettings): Finding[] {
  return capped(applyRuleSettings(findings, settings, (finding) => isSuppressed(doc, finding)));
}

/** The first MAX_FINDINGS findings, then one that says how many more there are, where they begin. */
function capped(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const rest = findings.slice(MAX_FINDINGS);
  const severity = rest.reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst), 'hint');
  const start = rest[0]!.span.start;
  const shown = findings.slice(0, MAX_FINDINGS);
  shown.push({
    code: 'too-many-findings',
    severity,
    message: `${rest.length.toLocaleString('en')} more findings from here on are not shown: Shipshape reports at most ${MAX_FINDINGS.toLocaleString('en')} per file. Fix or turn off the rules above to see the rest.`,
    span: { start, end: start },
  });
  return shown;
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
