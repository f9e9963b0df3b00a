/**
 * Code actions for a range: quick fixes for the findings that overlap it, from the fix providers the
 * analyses register, then the refactorings the analyses offer there.
 */
import type { Analysis } from '../analyses/analysis';
import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding, Span } from '../types';
import { append } from '../append';

export function codeAction(doc: ComposeDocument, span: Span, findings: readonly Finding[], analyses: readonly Analysis[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!overlaps(finding.span, span)) continue;
    append(actions, quickFixes(doc, finding, analyses));
  }
  for (const analysis of analyses) if (analysis.refactorings) append(actions, analysis.refactorings(doc, span));
  return actions;
}

/** The quick fixes for one finding, from the providers registered for its code: what the editor offers for it. */
export function quickFixes(doc: ComposeDocument, finding: Finding, analyses: readonly Analysis[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const analysis of analyses) {
    const provider = analysis.fixes?.[finding.code];
    if (provider) for (const action of provider(doc, finding)) actions.push({ ...action, fixes: finding });
  }
  return actions;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
