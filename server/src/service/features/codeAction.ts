/** Quick fixes for the findings that overlap a range, from the fix providers the analyses register. */
import type { Analysis } from '../analyses/analysis';
import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding, Span } from '../types';

export function codeAction(doc: ComposeDocument, span: Span, findings: readonly Finding[], analyses: readonly Analysis[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!overlaps(finding.span, span)) continue;
    for (const analysis of analyses) {
      const provider = analysis.fixes?.[finding.code];
      if (provider) actions.push(...provider(doc, finding).map((action) => ({ ...action, fixes: finding })));
    }
  }
  return actions;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
