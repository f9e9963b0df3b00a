/** The only place where core offsets and spans become LSP positions and ranges, and back. */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  DiagnosticTag,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind as LspSymbolKind,
  type CodeLens as LspCodeLens,
  type SymbolInformation,
  type CompletionItem as LspCompletionItem,
  type Diagnostic,
  type InlayHint as LspInlayHint,
  type DocumentLink as LspDocumentLink,
  type FoldingRange as LspFoldingRange,
  type SelectionRange,
  type DocumentHighlight as LspDocumentHighlight,
  type Location,
  type Position,
  type DocumentSymbol as LspDocumentSymbol,
  type Hover as LspHover,
  type Range,
  type TextEdit as LspTextEdit,
  type FormattingOptions,
} from 'vscode-languageserver';
import type { GraphRange, NetworkGraphResult } from '../protocol';
import { mapGraphRanges, referenceCount, ruleDocUrl, ruleInfo, TOKEN_TYPES, type FileSpan } from '../service/index';
import { SHOW_REFERENCES_COMMAND } from '../protocol';
import { fileUri } from './uri';
import type { CompletionItem, CompletionKind, ComposeDocument, DocumentHighlight, DocumentLink, DocumentSymbol, Finding, FoldingRange, InlayHint, ReferenceLens, SemanticToken, WorkspaceSymbol, Hover, NetworkGraph, Severity, Span, SymbolKind, TextEdit, FormatOptions, SequenceIndent } from '../service/index';

/** Anything with a line index: a parsed document, or the text of a file that is not one (`.env`). */
type Lines = Pick<ComposeDocument, 'lineIndex'>;

export function toRange(doc: Lines, span: Span): Range {
  return { start: doc.lineIndex.positionAt(span.start), end: doc.lineIndex.positionAt(span.end) };
}

export function toOffset(doc: ComposeDocument, position: Position): number {
  return doc.lineIndex.offsetAt(position);
}

export function toSpan(doc: ComposeDocument, range: Range): Span {
  return { start: doc.lineIndex.offsetAt(range.start), end: doc.lineIndex.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `otherFile` gives the lines of another file of the project, for related spans that lie there (a port
 * in the base file that one in the override clashes with).
 */
export function toDiagnostic(doc: Lines, uri: string, finding: Finding, otherFile?: (path: string) => Lines | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'shipshape',
    message: finding.message,
  };
  // The rule's section of docs/rules.md, which says what it catches and links the Docker docs behind it.
  const rule = ruleInfo(finding.code);
  if (rule) diagnostic.codeDescription = { href: ruleDocUrl(rule.code) };
  else if (finding.docUrl) diagnostic.codeDescription = { href: finding.docUrl };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.flatMap((related) => {
      if (related.path === undefined) return [{ location: { uri, range: toRange(doc, related.span) }, message: related.message }];
      const lines = otherFile?.(related.path);
      return lines ? [{ location: { uri: fileUri(related.path), range: toRange(lines, related.span) }, message: related.message }] : [];
    });
  }
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return diagnostic;
}

export function toTextEdit(doc: Lines, edit: TextEdit): LspTextEdit {
  return { range: toRange(doc, edit.span), newText: edit.newText };
}

const SEQUENCE_INDENTS: readonly SequenceIndent[] = ['preserve', 'indent', 'flush'];

/** LSP formatting options and the `shipshape.format.sequenceIndent` setting (an unknown value means `preserve`). */
export function toFormatOptions(options: FormattingOptions, sequenceIndent: string | undefined): FormatOptions {
  return { tabSize: options.tabSize, sequenceIndent: SEQUENCE_INDENTS.find((known) => known === sequenceIndent) ?? 'preserve' };
}

const SYMBOL_KIND: Record<SymbolKind, LspSymbolKind> = {
  section: LspSymbolKind.Namespace,
  service: LspSymbolKind.Class,
  network: LspSymbolKind.Interface,
  volume: LspSymbolKind.Struct,
  secret: LspSymbolKind.Key,
  config: LspSymbolKind.File,
  property: LspSymbolKind.Property,
};

export function toDocumentSymbol(doc: ComposeDocument, symbol: DocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(doc, symbol.span),
    selectionRange: toRange(doc, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(doc, child)),
  };
}

export function toHover(doc: ComposeDocument, hover: Hover): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(doc, hover.span) };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
};

export function toCompletionItem(doc: ComposeDocument, item: CompletionItem): LspCompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    textEdit: { range: toRange(doc, item.span), newText: item.insertText },
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Multi-line items are written with indentation relative to their first line.
    insertTextMode: InsertTextMode.adjustIndentation,
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.retrigger ? { command: { title: 'Complete again', command: 'editor.action.triggerSuggest' } } : {}),
  };
}

export function toLocation(doc: Lines, uri: string, span: Span): Location {
  return { uri, range: toRange(doc, span) };
}

export function toDocumentHighlight(doc: ComposeDocument, highlight: DocumentHighlight): LspDocumentHighlight {
  return { range: toRange(doc, highlight.span), kind: highlight.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

export function toNetworkGraph(doc: ComposeDocument, graph: NetworkGraph): NetworkGraphResult {
  return mapGraphRanges(graph, (span) => toRange(doc, span));
}

/**
 * A project's graph: ranges in the shown file (`own`) stay plain, ranges in its other files name their
 * URI; `lines` gives each file's line index and `uriOf` its URI (the open document's, when open).
 */
export function toProjectNetworkGraph(graph: NetworkGraph<FileSpan>, own: string, lines: (path: string) => Lines | undefined, uriOf: (path: string) => string): NetworkGraphResult {
  return mapGraphRanges(graph, (at): GraphRange => {
    const file = lines(at.path);
    const range = file ? toRange(file, at.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return at.path === own ? range : { ...range, uri: uriOf(at.path) };
  });
}

export function toFoldingRange(doc: ComposeDocument, range: FoldingRange): LspFoldingRange {
  const start = doc.lineIndex.positionAt(range.span.start);
  const end = doc.lineIndex.positionAt(range.span.end);
  return { startLine: start.line, endLine: end.line, ...(range.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) };
}

/** Spans innermost first become the nested `parent` chain LSP expects. */
export function toSelectionRange(doc: ComposeDocument, chain: readonly Span[]): SelectionRange {
  let range: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) range = { range: toRange(doc, chain[i]!), ...(range ? { parent: range } : {}) };
  return range ?? { range: toRange(doc, { start: 0, end: 0 }) };
}

export function toDocumentLink(doc: ComposeDocument, link: DocumentLink, fileUri: (path: string) => string): LspDocumentLink {
  const target = link.target.kind === 'url' ? link.target.url : fileUri(link.target.path);
  return { range: toRange(doc, link.span), target, tooltip: link.tooltip };
}

/** LSP's relative encoding: per token its line and start relative to the previous one, length, type, modifiers. */
export function toSemanticTokens(doc: ComposeDocument, tokens: readonly SemanticToken[]): { data: number[] } {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const start = doc.lineIndex.positionAt(token.span.start);
    data.push(start.line - line, start.line === line ? start.character - character : start.character, token.span.end - token.span.start, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
    line = start.line;
    character = start.character;
  }
  return { data };
}

export function toInlayHint(doc: ComposeDocument, hint: InlayHint): LspInlayHint {
  return { position: doc.lineIndex.positionAt(hint.offset), label: hint.label, paddingLeft: true, ...(hint.tooltip ? { tooltip: hint.tooltip } : {}) };
}

export function toCodeLens(doc: ComposeDocument, uri: string, lens: ReferenceLens): LspCodeLens {
  const range = toRange(doc, lens.span);
  const locations = lens.references.map((span) => toLocation(doc, uri, span));
  return { range, command: { title: referenceCount(lens.references.length), command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, locations] } };
}

export function toWorkspaceSymbol(doc: ComposeDocument, uri: string, symbol: WorkspaceSymbol): SymbolInformation {
  return { name: symbol.name, kind: SYMBOL_KIND[symbol.kind], location: toLocation(doc, uri, symbol.span), containerName: `${symbol.kind}s` };
}
