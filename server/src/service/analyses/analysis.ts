import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding, Span } from '../types';

/** Builds the quick fixes for one finding of the rule it is registered under. */
export type FixProvider = (doc: ComposeDocument, finding: Finding) => readonly CodeAction[];

/** True when two spans are the same; fix providers find what a finding is about by its span. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** A span as a map key, for fix providers that look many findings up by their spans. */
export function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}

/** Builds rewrites offered at a range whether or not anything is wrong there (kind `refactor.rewrite`). */
export type RefactoringProvider = (doc: ComposeDocument, span: Span) => readonly CodeAction[];

/** A pure check over a parsed document. Analyses never throw on odd input: odd input is a finding. */
export interface Analysis {
  readonly name: string;
  run(doc: ComposeDocument): readonly Finding[];
  /** Quick fixes by finding code. */
  readonly fixes?: Readonly<Record<string, FixProvider>>;
  readonly refactorings?: RefactoringProvider;
}
