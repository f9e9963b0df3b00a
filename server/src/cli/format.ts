/** Reporters for `shipshape check`: a terminal-friendly text format and an LSP-shaped JSON format. */
import type { ComposeDocument, Finding } from '../service/index';

export interface FileReport {
  readonly file: string;
  readonly doc: ComposeDocument;
  readonly findings: readonly Finding[];
}

/** `file:line:col severity code message`, 1-based like compilers print. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const { file, doc, findings } of reports) {
    for (const finding of findings) {
      const { line, character } = doc.lineIndex.positionAt(finding.span.start);
      lines.push(`${file}:${line + 1}:${character + 1} ${finding.severity} ${finding.code} ${finding.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** One JSON array of findings with 0-based LSP ranges. */
export function formatJson(reports: readonly FileReport[]): string {
  const items = reports.flatMap(({ file, doc, findings }) =>
    findings.map((finding) => ({
      file,
      range: { start: doc.lineIndex.positionAt(finding.span.start), end: doc.lineIndex.positionAt(finding.span.end) },
      severity: finding.severity,
      code: finding.code,
      source: 'shipshape',
      message: finding.message,
    })),
  );
  return JSON.stringify(items, null, 2) + '\n';
}

export function summary(reports: readonly FileReport[]): string {
  const count = (severity: Finding['severity']) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const files = reports.length === 1 ? '1 file' : `${reports.length} files`;
  return `${files} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes\n`;
}
