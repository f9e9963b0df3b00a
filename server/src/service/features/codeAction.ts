/**
 * Code actions for a range: quick fixes for the findings that overlap it, from the fix providers the
 * analyses register (for schema findings without one, the schema's own key or value suggestions), then
 * the refactorings the analyses offer there. An action offered twice (two findings, the same edit) is
 * offered once.
 */
import type { Analysis } from '../analyses/analysis';
import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding, Span } from '../types';
import { append } from '../append';
import { schemaFixes, type SchemaFixContext } from './codeAction/schemaFixes';

export type { SchemaFixContext } from './codeAction/schemaFixes';

export function codeAction(doc: ComposeDocument, span: Span, findings: readonly Finding[], analyses: readonly Analysis[], schema: SchemaFixContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!overlaps(finding.span, span)) continue;
    append(actions, quickFixes(doc, finding, analyses, schema));
  }
  for (const analysis of analyses) if (analysis.refactorings) append(actions, analysis.refactorings(doc, span));
  return withoutRepeats(actions);
}

/** The quick fixes for one finding, from the providers registered for its code: what the editor offers for it. */
export function quickFixes(doc: ComposeDocument, finding: Finding, analyses: readonly Analysis[], schema: SchemaFixContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const analysis of analyses) {
    const provider = analysis.fixes?.[finding.code];
    if (provider) for (const action of provider(doc, finding)) actions.push({ ...action, fixes: finding });
  }
  if (actions.length === 0) for (const action of schemaFixes(doc, finding, schema)) actions.push({ ...action, fixes: finding });
  return withoutRepeats(actions);
}

/** The first of each set of actions with the same title and edits (overlapping subnets both offer the same move). */
function withoutRepeats(actions: readonly CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = JSON.stringify([action.title, action.edits.map((edit) => [edit.span.start, edit.span.end, edit.newText])]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
