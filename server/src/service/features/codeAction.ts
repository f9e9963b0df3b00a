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
    for (const analysis of analyses) {
      const provider = analysis.fixes?.[finding.code];
      if (provider) append(actions, provider(doc, finding).map((action) => ({ ...action, fixes: finding })));
    }
  }
  for (const analysis of analyses) if (analysis.refactorings) append(actions, analysis.refactorings(doc, span));
  return actions;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
