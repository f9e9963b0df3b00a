/**
 * Definition and references across the Compose files of a project: a name is looked up in the file the
 * cursor is in, then declared and referenced in every file of the project (an override's `depends_on`
 * naming a service of the base file). Each file keeps its own offsets.
 */
import { declaration, occurrences, symbolAt } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import type { Span } from '../types';
import { definition } from './definition';

export interface ProjectMember {
  readonly path: string;
  readonly doc: ComposeDocument;
}

export interface FileSpan {
  readonly path: string;
  readonly span: Span;
}

/** The declarations of the name at `offset` in `path` (or its anchor): in its own file first, else in the others. */
export function projectDefinition(members: readonly ProjectMember[], path: string, offset: number): FileSpan[] {
  const own = members.find((member) => member.path === path);
  if (!own) return [];
  const local = definition(own.doc, offset);
  if (local.length > 0) return local.map((span) => ({ path, span }));
  const symbol = symbolAt(own.doc, offset);
  if (!symbol) return [];
  return members.flatMap((member) => {
    const declared = member.path === path ? undefined : declaration(member.doc, symbol.kind, symbol.name);
    return declared ? [{ path: member.path, span: declared }] : [];
  });
}

/** Every occurrence of the name at `offset` in `path`, in every file of the project. */
export function projectReferences(members: readonly ProjectMember[], path: string, offset: number, includeDeclaration: boolean): FileSpan[] {
  const own = members.find((member) => member.path === path);
  const symbol = own && symbolAt(own.doc, offset);
  if (!symbol) return [];
  return members.flatMap((member) => {
    const found = occurrences(member.doc, symbol);
    const spans = includeDeclaration && found.declaration ? [found.declaration, ...found.references] : found.references;
    return spans.map((span) => ({ path: member.path, span }));
  });
}
