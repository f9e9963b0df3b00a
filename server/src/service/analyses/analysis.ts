import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding } from '../types';

/** Builds the quick fixes for one finding of the rule it is registered under. */
export type FixProvider = (doc: ComposeDocument, finding: Finding) => readonly CodeAction[];

/** A pure check over a parsed document. Analyses never throw on odd input: odd input is a finding. */
export interface Analysis {
  readonly name: string;
  run(doc: ComposeDocument): readonly Finding[];
  /** Quick fixes by finding code. */
  readonly fixes?: Readonly<Record<string, FixProvider>>;
}
