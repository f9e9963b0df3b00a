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
  const symbol = symbolAt(doc, offset);
  if (!symbol) return undefined;
  const refused = refusal(doc, symbol, occurrenceSpans(doc, symbol));
  return refused ? { refused } : { span: symbol.span, placeholder: symbol.name };
}

export function rename(doc: ComposeDocument, offset: number, newName: string): RenameResult | undefined {
  const symbol = symbolAt(doc, offset);
  if (!symbol) return undefined;
  const spans = occurrenceSpans(doc, symbol);
  const refused = refusal(doc, symbol, spans);
  if (refused) return { refused };
  if (!VALID_NAME.test(newName)) return { refused: `'${newName}' is not a valid name: use letters, digits, '.', '_' and '-'.` };
  if (newName !== symbol.name && doc.model[SECTION_OF[symbol.kind]].has(newName)) return { refused: `A ${symbol.kind} named '${newName}' already exists.` };
  return { edits: spans.map((span) => ({ span, newText: newName })) };
}

/** The declaration and every reference: what a rename edits. */
function occurrenceSpans(doc: ComposeDocument, symbol: SymbolAt): readonly Span[] {
  const { declaration, references } = occurrences(doc, symbol);
  return declaration ? [declaration, ...references] : references;
}

function refusal(doc: ComposeDocument, symbol: SymbolAt, spans: readonly Span[]): string | undefined {
  const element = doc.model[SECTION_OF[symbol.kind]].get(symbol.name);
  if (!element) return `'${symbol.name}' is not declared in this file, so it cannot be renamed here.`;
  if (symbol.kind === 'network' && symbol.name === 'default') return "The 'default' network is used implicitly by services without 'networks', so it cannot be renamed.";
  // The key of an external resource without `name:` is the resource's real name in Docker.
  const external = get(element.node, 'external');
  if (external && text(external) !== 'false' && get(element.node, 'name') === undefined && external.kind !== 'map') {
    return `'${symbol.name}' is external and its key is its name in Docker; set 'name: ${symbol.name}' before renaming the key.`;
  }
  if (spans.some((span) => doc.text.slice(span.start, span.end) !== symbol.name)) return `Some references to '${symbol.name}' are written in a form that cannot be edited safely.`;
  return undefined;
}
