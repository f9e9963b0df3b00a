/**
 * `shipshape check --fix`: applies the quick fixes the editor would apply without asking (the preferred
 * fix of a finding, when there is exactly one), re-checks, and repeats until nothing is left to fix or a
 * bound of rounds is reached. Pure: text in, text out; the CLI writes the file. A text with YAML errors
 * is never touched (its structure is uncertain), and a round that would introduce one is undone.
 */
import type { ComposeDocument } from '../parse/model';
import type { CodeAction, Finding, ModeChoice, ServiceSettings, TextEdit } from '../types';

/**
 * Fixes interact (both sides of a port conflict offer the same free port; moving a subnet puts a static
 * address outside it), so one fix is applied per round and the file is checked again before the next,
 * exactly as a user applying the editor's quick fixes one after another. The bound keeps a file with
 * very many fixable findings (or fixes that undo each other) from running long; what is left is reported.
 */
const MAX_ROUNDS = 200;

export interface FixResult {
  /** The fixed text (the input when nothing was fixed or the fix was refused). */
  readonly text: string;
  /** Titles of the fixes applied, in order. */
  readonly applied: readonly string[];
  /** Set when the text was left alone on purpose. */
  readonly refused?: string;
}

export interface FixEngine {
  parse(text: string, mode: ModeChoice): ComposeDocument;
  diagnostics(doc: ComposeDocument, settings?: ServiceSettings): Finding[];
  quickFixes(doc: ComposeDocument, finding: Finding): CodeAction[];
}

export function fixAll(engine: FixEngine, original: string, mode: ModeChoice, settings: ServiceSettings): FixResult {
  if (hasYamlErrors(engine.parse(original, mode))) return { text: original, applied: [], refused: 'it has YAML errors; fix those first' };
  let text = original;
  const applied: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const doc = engine.parse(text, mode);
    const actions = chooseActions(engine, doc, settings);
    if (actions.length === 0) break;
    const next = applyEdits(text, actions.flatMap((action) => action.edits));
    if (hasYamlErrors(engine.parse(next, mode))) break; // a fix that breaks the YAML is a bug; keep the last good text
    for (const action of actions) applied.push(action.title);
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}

/** The fix of this round: the preferred fix of the first finding that has exactly one preferred fix. */
function chooseActions(engine: FixEngine, doc: ComposeDocument, settings: ServiceSettings): CodeAction[] {
  for (const finding of engine.diagnostics(doc, settings)) {
    const preferred = engine.quickFixes(doc, finding).filter((action) => action.isPreferred);
    if (preferred.length !== 1) continue;
    const action = preferred[0]!;
    if (action.edits.length === 0 || action.edits.some((edit, i) => action.edits.some((other, j) => i !== j && overlaps(edit, other)))) continue;
    return [action];
  }
  return [];
}

/** Touching edits count as overlapping: two insertions at one offset have no defined order. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.span.start <= b.span.end && b.span.start <= a.span.end;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return result + text.slice(at);
}

function hasYamlErrors(doc: ComposeDocument): boolean {
  return doc.syntaxFindings.some((finding) => finding.severity === 'error');
}
