/**
 * Rename a service, network, volume, secret or config: its key under the top-level section and every
 * reference in the file. Refused where the edit would change more than the file's own wiring.
 */
import { occurrences, SECTION_OF, symbolAt, type SymbolAt } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import { get, text } from '../parse/tree';
import type { Span, TextEdit } from '../types';

/** Names Compose accepts as keys of services, networks, volumes, secrets and configs (compose-spec schema). */
const VALID_NAME = /^[a-zA-Z0-9._-]+$/;

export type PrepareRenameResult = { readonly span: Span; readonly placeholder: string } | { readonly refused: string };
export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly refused: string };

/** Where the rename applies and the current name, or why it cannot be renamed; undefined when nothing is renameable here. */
export function prepareRename(doc: ComposeDocument, offset: number): PrepareRenameResult | undefined {
  return prepareRenameInFiles([{ path: '', doc }], '', offset);
}

export function prepareRenameInFiles(files: readonly RenameFile[], path: string, offset: number): PrepareRenameResult | undefined {
  const own = files.find((file) => file.path === path);
  const symbol = own && symbolAt(own.doc, offset);
  if (!symbol) return undefined;
  const refused = projectRefusal(files, symbol);
  return refused ? { refused } : { span: symbol.span, placeholder: symbol.name };
}

export function rename(doc: ComposeDocument, offset: number, newName: string): RenameResult | undefined {
  const result = renameInFiles([{ path: '', doc }], '', offset, newName);
  if (!result || 'refused' in result) return result;
  return { edits: result.edits.get('') ?? [] };
}

/** A Compose file of a project, for renames across files. */
export interface RenameFile {
  readonly path: string;
  readonly doc: ComposeDocument;
}

export type ProjectRenameResult = { readonly edits: ReadonlyMap<string, readonly TextEdit[]> } | { readonly refused: string };

/**
 * Renames the name at `offset` in the file `path` in every file of its project (the declaration may be in
 * another file than the reference the rename starts from). One file alone is a project of one file.
 */
export function renameInFiles(files: readonly RenameFile[], path: string, offset: number, newName: string): ProjectRenameResult | undefined {
  const own = files.find((file) => file.path === path);
  const symbol = own && symbolAt(own.doc, offset);
  if (!symbol) return undefined;
  const refused = projectRefusal(files, symbol);
  if (refused) return { refused };
  if (!VALID_NAME.test(newName)) return { refused: `'${newName}' is not a valid name: use letters, digits, '.', '_' and '-'.` };
  if (newName !== symbol.name && files.some((file) => file.doc.model[SECTION_OF[symbol.kind]].has(newName))) return { refused: `A ${symbol.kind} named '${newName}' already exists.` };
  const edits = new Map<string, TextEdit[]>();
  for (const file of files) {
    const spans = occurrenceSpans(file.doc, symbol);
    if (spans.length > 0) edits.set(file.path, spans.map((span) => ({ span, newText: newName })));
  }
  return { edits };
}

/** Why the name cannot be renamed in these files: where it is declared, and whether every occurrence can be edited. */
function projectRefusal(files: readonly RenameFile[], symbol: SymbolAt): string | undefined {
  const declaring = files.find((file) => file.doc.model[SECTION_OF[symbol.kind]].has(symbol.name));
  if (!declaring) return files.length > 1 ? `'${symbol.name}' is not declared in any file of this project, so it cannot be renamed.` : `'${symbol.name}' is not declared in this file, so it cannot be renamed here.`;
  for (const file of files) {
    const refused = refusal(file.doc, symbol, occurrenceSpans(file.doc, symbol), file === declaring);
    if (refused) return refused;
  }
  return undefined;
}

/** The declaration and every reference: what a rename edits. */
function occurrenceSpans(doc: ComposeDocument, symbol: SymbolAt): readonly Span[] {
  const { declaration, references } = occurrences(doc, symbol);
  return declaration ? [declaration, ...references] : references;
}

/** `declares`: the file holds the declaration whose form decides whether the key may change. */
function refusal(doc: ComposeDocument, symbol: SymbolAt, spans: readonly Span[], declares: boolean): string | undefined {
  if (symbol.kind === 'network' && symbol.name === 'default') return "The 'default' network is used implicitly by services without 'networks', so it cannot be renamed.";
  const element = doc.model[SECTION_OF[symbol.kind]].get(symbol.name);
  if (!element || !declares) return uneditable(doc, symbol, spans);
  // The key of an external resource without `name:` is the resource's real name in Docker.
  const external = get(element.node, 'external');
  if (external && text(external) !== 'false' && get(element.node, 'name') === undefined && external.kind !== 'map') {
    return `'${symbol.name}' is external and its key is its name in Docker; set 'name: ${symbol.name}' before renaming the key.`;
  }
  return uneditable(doc, symbol, spans);
}

/** An occurrence not written as the plain name (inside a longer string, escaped) cannot be replaced safely. */
function uneditable(doc: ComposeDocument, symbol: SymbolAt, spans: readonly Span[]): string | undefined {
  if (spans.some((span) => doc.text.slice(span.start, span.end) !== symbol.name)) return `Some references to '${symbol.name}' are written in a form that cannot be edited safely.`;
  return undefined;
}
