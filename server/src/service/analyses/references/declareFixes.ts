/**
 * Quick fixes for undefined references: replace a misspelt name with the declared one it resembles,
 * or declare the name under its top-level section (creating the section when the file has none).
 * Entries are written in flow style (`back: {}`) so one line fits any indentation.
 */
import type { ComposeDocument } from '../../parse/model';
import type { CodeAction, Finding, TextEdit } from '../../types';
import { sameSpan, type FixProvider } from '../analysis';
import { indentOf, insertAt, isFlow, nextLineStart } from '../edits';
import { referenceIndex, SECTION_OF, type Reference, type ResourceKind } from './referenceIndex';
import { suggestionFor } from './undefinedReferences';

/** The preferred fix: the misspelt name replaced by the closest declared one. */
export const replaceWithSuggestion: FixProvider = (doc, finding) => {
  const reference = referenceAt(doc, finding);
  const suggestion = reference && suggestionFor(doc, reference);
  if (!reference || !suggestion) return [];
  return [{ title: `Change '${reference.name}' to '${suggestion}'`, kind: 'quickfix', edits: [{ span: reference.span, newText: suggestion }], isPreferred: true }];
};

/** Declare the missing name, and (for resources that may live outside the project) declare it external. */
export const declareMissing: FixProvider = (doc, finding) => {
  const reference = referenceAt(doc, finding);
  if (!reference || reference.kind === 'service') return [];
  const name = yamlKey(reference.name);
  const body = reference.kind === 'secret' || reference.kind === 'config' ? `{file: ./${reference.name}}` : '{}';
  const actions: CodeAction[] = [
    { title: `Declare ${reference.kind} '${reference.name}' under top-level '${SECTION_OF[reference.kind]}'`, kind: 'quickfix', edits: [declareEdit(doc, reference.kind, `${name}: ${body}`)] },
    { title: `Declare ${reference.kind} '${reference.name}' as external (created outside this file)`, kind: 'quickfix', edits: [declareEdit(doc, reference.kind, `${name}: {external: true}`)] },
  ];
  return actions;
};

function referenceAt(doc: ComposeDocument, finding: Finding): Reference | undefined {
  return referenceIndex(doc).references.find((r) => sameSpan(r.span, finding.span));
}

function yamlKey(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
}

/** Inserts `entry` as the last element of the top-level section of `kind`, or appends a new section. */
function declareEdit(doc: ComposeDocument, kind: ResourceKind, entry: string): TextEdit {
  const section = SECTION_OF[kind];
  const top = doc.model.topLevel.filter((t) => t.key === section).at(-1);
  const indent = indentation(doc);
  if (!top) {
    const needsNewline = doc.text.length > 0 && !doc.text.endsWith('\n');
    return insertAt(doc.text.length, `${needsNewline ? '\n' : ''}${section}:\n${indent}${entry}\n`);
  }
  const node = top.node;
  if (node.kind === 'map' && isFlow(doc, node)) {
    // Flow mapping: add before the closing brace.
    const close = node.span.end - 1;
    return insertAt(close, node.entries.length ? `, ${entry}` : entry);
  }
  if (node.kind === 'map' && node.entries.length) {
    const last = node.entries.reduce((end, e) => Math.max(end, e.keySpan.end, e.value.span.end), 0);
    const at = nextLineStart(doc, Math.max(last - 1, 0));
    const prefix = at === doc.text.length && !doc.text.endsWith('\n') ? '\n' : '';
    return insertAt(at, `${prefix}${indentOf(doc, node.entries[0]!.keySpan.start)}${entry}\n`);
  }
  // `networks:` with nothing under it: the entry goes on the next line.
  const lineEnd = endOfLine(doc, top.keySpan.end);
  return { span: { start: top.keySpan.end, end: lineEnd }, newText: `:\n${indent}${entry}` };
}

function endOfLine(doc: ComposeDocument, offset: number): number {
  const { line } = doc.lineIndex.positionAt(offset);
  if (line + 1 >= doc.lineIndex.lineCount) return doc.text.length;
  const next = doc.lineIndex.lineStart(line + 1);
  return doc.text[next - 2] === '\r' ? next - 2 : next - 1;
}

/** The indentation of the file's top-level sections (in front of the first element key), default 2 spaces. */
function indentation(doc: ComposeDocument): string {
  for (const { node } of doc.model.topLevel) {
    const first = node.kind === 'map' && !isFlow(doc, node) ? node.entries[0] : undefined;
    const indent = first && indentOf(doc, first.keySpan.start);
    if (indent) return indent;
  }
  return '  ';
}
