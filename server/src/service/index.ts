/**
 * The Shipshape language service: the only surface the LSP binding, the CLI and the tests use.
 * It is transport-free: text and settings in, offsets and plain data out. The schema is passed in by
 * the entry points, so the core never touches the file system.
 */
import type { Analysis } from './analyses/analysis';
import { createAnalyses } from './analyses/index';
import type { SchemaSet } from './analyses/schemaCompile';
import { checkOverlaps } from './analyses/subnets/overlaps';
import { checkPools } from './analyses/subnets/pools';
import { codeAction, quickFixes } from './features/codeAction';
import { fixAll, type FixResult } from './features/fixAll';
import { definition } from './features/definition';
import { documentHighlight, type DocumentHighlight } from './features/documentHighlight';
import { references } from './features/references';
import { prepareRename, prepareRenameInFiles, rename, renameInFiles, type PrepareRenameResult, type ProjectRenameResult, type RenameResult } from './features/rename';
import { projectDefinition, projectReferences, type FileSpan, type ProjectMember } from './features/projectNavigation';
import { applyRuleSettings, diagnostics, sortFindings } from './features/diagnostics';
import { completion, type CompletionItem } from './features/completion';
import { documentSymbol, type DocumentSymbol } from './features/documentSymbol';
import { mapGraphRanges, networkGraph } from './features/networkGraph';
import { peerCompletes } from './features/peers';
import { hover, type Hover } from './features/hover';
import { foldingRange, type FoldingRange } from './features/foldingRange';
import { selectionRange } from './features/selectionRange';
import { documentLink, type DocumentLink } from './features/documentLink';
import { semanticTokens, type SemanticToken } from './features/semanticTokens';
import { inlayHint, type InlayHint, type InlayHintSettings } from './features/inlayHint';
import { codeLens, type ReferenceLens } from './features/codeLens';
import { formatting, type FormatOptions } from './features/formatting';
import { workspaceSymbol, type WorkspaceFile, type WorkspaceSymbol } from './features/workspaceSymbol';
import { NO_FILES, type FileHost } from './host';
import type { LineIndex } from './parse/lineIndex';
import { parseCompose, type ComposeDocument } from './parse/model';
import { perDocument } from './perDocument';
import { append } from './append';
import { schemaCatalog } from './schemaCatalog';
import { Projects, type ProjectOptions } from './project/index';
import { checkBuildTargets } from './project/buildTarget';
import type { CodeAction, Finding, ModeChoice, NetworkGraph, ServiceSettings, Span, TextEdit } from './types';

export { looksLikeCompose, type ComposeDocument } from './parse/model';
export type { DocumentSymbol, SymbolKind } from './features/documentSymbol';
export type { Hover } from './features/hover';
export type { FixResult } from './features/fixAll';
export type { FoldingRange } from './features/foldingRange';
export type { DocumentLink, LinkTarget } from './features/documentLink';
export type { InlayHint, InlayHintSettings } from './features/inlayHint';
export { referenceCount, type ReferenceLens } from './features/codeLens';
export type { WorkspaceFile, WorkspaceSymbol } from './features/workspaceSymbol';
export type { FormatOptions, SequenceIndent } from './features/formatting';
export { TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken, type TokenType } from './features/semanticTokens';
export type { FileHost, FileRead, DirectoryEntry, TextEncoding } from './host';
export { decodeBytes, encodeText } from './encoding';
export { dirname, resolvePath } from './host';
export type { CompletionItem, CompletionKind } from './features/completion';
export type { DocumentHighlight } from './features/documentHighlight';
export type { PrepareRenameResult, ProjectRenameResult, RenameResult } from './features/rename';
export type { FileSpan, ProjectMember } from './features/projectNavigation';
export { mapGraphRanges } from './features/networkGraph';
export { LineIndex, type LineCharacter } from './parse/lineIndex';
export { DEFAULT_STACK_PATTERNS, mayBeStackFile } from './mode/paths';
export { RULES, ruleDocUrl, ruleInfo, RULES_DOC_URL, type RuleGroup, type RuleInfo } from './rules/catalogue';
export * from './types';
export type { SchemaSet, VendoredSchema } from './analyses/schemaCompile';
export { explicitProject, listedProjects, type ProjectOptions, type ProjectSpec } from './project/index';
export * from './config/index';

/** A file seen in its Compose project. */
export interface ProjectView {
  /** The document with the project's environment applied: hand it to hover, completion and quick fixes. */
  readonly doc: ComposeDocument;
  /**
   * Findings by absolute path (the file itself, the other files of its project, its env files), after
   * settings and suppression comments; related spans in another file carry its `path`.
   */
  readonly diagnostics: ReadonlyMap<string, Finding[]>;
  /** Every file the view read or looked for (Compose files, env files): when one changes, it is stale. */
  readonly files: readonly string[];
  /** Line positions in the files `diagnostics` and related spans point into. */
  lineIndex(path: string): LineIndex | undefined;
  /** The project's Compose files (each with the environment applied, in its own offsets): what navigation across files reads. */
  readonly members: readonly ProjectMember[];
  /** `doc` with the names the other files declare added to its model: hand it to hover and completion only. */
  readonly lookupDoc: ComposeDocument;
  /** The merged model when the project has several files (see `projectNetworkGraph`). */
  readonly merged?: { readonly doc: ComposeDocument; locate(span: Span): FileSpan | undefined };
}

export interface LanguageServiceOptions {
  /**
   * The vendored schemas (server/src/schemas): compose-go's Compose Specification schema and Docker CLI's
   * v3 stack schemas by version, with the validators the build generated for some of them.
   */
  readonly schemas: SchemaSet;
  /** How the core reads files other than the document (links, path completion); none by default. */
  readonly host?: FileHost;
}

export interface LanguageService {
  /**
   * Parses one version of a document. Never throws. Given the document's previous version, re-parses
   * only what the edit touched when that is safe. Without YAML errors the result equals a full parse;
   * in a file over 256 KB a YAML error is kept to the piece or service it is in. `mode` is the mode
   * itself, or the file's path and configured patterns to decide it from (with its modeline and content).
   */
  parse(text: string, mode: ModeChoice, previous?: ComposeDocument): ComposeDocument;
  /**
   * Computes the findings of `doc` one analysis per step, so that a caller whose version went stale
   * meanwhile can stop between steps (cooperative cancellation); once run to its end, diagnostics,
   * code actions and the graph reuse what it found. Nothing to do when they are known already.
   */
  findingsInSteps(doc: ComposeDocument): Generator<void, void>;
  /** All findings (syntax, schema, analyses) after settings and suppression comments, sorted. */
  diagnostics(doc: ComposeDocument, settings?: ServiceSettings): Finding[];
  /** Quick fixes and refactorings for the range `span`. */
  codeActions(doc: ComposeDocument, span: Span, settings?: ServiceSettings): CodeAction[];
  /** The quick fixes `codeActions` offers for one finding of `diagnostics` (the CLI's `--fix` and its fixable flag). */
  quickFixes(doc: ComposeDocument, finding: Finding): CodeAction[];
  /** The text with every preferred, unambiguous quick fix applied until stable (`shipshape check --fix`). */
  fixAll(text: string, mode: ModeChoice, settings?: ServiceSettings): FixResult;
  documentSymbols(doc: ComposeDocument): DocumentSymbol[];
  /**
   * Markdown documentation or explanation for the key or value at `offset`. While a peer's hover shows
   * the schema's key descriptions (`settings.peers`), a key gets only Shipshape's own notes, or no hover.
   */
  hover(doc: ComposeDocument, offset: number, settings?: ServiceSettings): Hover | undefined;
  /**
   * Keys, values, references and snippets for the cursor at `offset`; `triggerCharacter` as typed, if any.
   * Key names that an installed peer already completes (`settings.peers`) are left out. With the document's
   * absolute `path`, file-valued keys complete files and folders, and `build.target` the Dockerfile's stages.
   */
  completion(doc: ComposeDocument, offset: number, triggerCharacter?: string, settings?: ServiceSettings, path?: string): CompletionItem[];
  /** The declaration(s) of the name at `offset` (or the anchor of the alias there). */
  definition(doc: ComposeDocument, offset: number): Span[];
  /** Every occurrence of the service/network/volume/secret/config named at `offset`. */
  references(doc: ComposeDocument, offset: number, includeDeclaration: boolean): Span[];
  documentHighlights(doc: ComposeDocument, offset: number): DocumentHighlight[];
  /** The renameable name at `offset`, a reason it cannot be renamed, or undefined when there is none. */
  prepareRename(doc: ComposeDocument, offset: number): PrepareRenameResult | undefined;
  /** Edits renaming the name at `offset` everywhere in the file, or a reason it cannot be renamed. */
  rename(doc: ComposeDocument, offset: number, newName: string): RenameResult | undefined;
  /** `definition` across the files of a project (`view.members`): the declaration may be in another file. */
  projectDefinition(members: readonly ProjectMember[], path: string, offset: number): FileSpan[];
  /** `references` across the files of a project. */
  projectReferences(members: readonly ProjectMember[], path: string, offset: number, includeDeclaration: boolean): FileSpan[];
  /** `prepareRename` across the files of a project. */
  projectPrepareRename(members: readonly ProjectMember[], path: string, offset: number): PrepareRenameResult | undefined;
  /** `rename` in every file of a project that names the symbol, by path. */
  projectRename(members: readonly ProjectMember[], path: string, offset: number, newName: string): ProjectRenameResult | undefined;
  /** The topology for the graph view, with the findings diagnostics would show attached to its items. */
  networkGraph(doc: ComposeDocument, settings?: ServiceSettings): NetworkGraph;
  /**
   * The topology of the merged project the view belongs to (every file), each range in the file it is
   * written in; undefined for a file that is alone.
   */
  projectNetworkGraph(view: ProjectView, settings?: ServiceSettings): NetworkGraph<FileSpan> | undefined;
  /** Foldable mappings, sequences, block scalars and comment runs. */
  foldingRanges(doc: ComposeDocument): FoldingRange[];
  /** For each offset, the enclosing spans from the innermost (word, scalar, entry) out to the document. */
  selectionRanges(doc: ComposeDocument, offsets: readonly number[]): Span[][];
  /**
   * Links from images to their registry pages and from file-valued keys to the files, resolved against
   * the folder of `path` (the document's absolute `/`-separated path; without it only image links).
   * Image links a peer already gives (`settings.peers`) are left out.
   */
  documentLinks(doc: ComposeDocument, path?: string, settings?: ServiceSettings): DocumentLink[];
  /**
   * The project the file at absolute `path` belongs to, read through the service's host: its `.env` (or the
   * env files in `options`) applied, and the files it builds from (a `build.target` missing from its Dockerfile).
   * Undefined when the file stands alone: then the other methods on `doc` are the whole story.
   */
  project(path: string, doc: ComposeDocument, options?: ProjectOptions, settings?: ServiceSettings): ProjectView | undefined;
  /** The Compose files `docker compose` run in the folder `directory` would load, in merge order; undefined when it has none. */
  folderProject(directory: string, options?: ProjectOptions): readonly string[] | undefined;
  /** Names, `${VAR}` variables, anchors and aliases in text order (only those overlapping `range`, when given). */
  semanticTokens(doc: ComposeDocument, range?: Span): SemanticToken[];
  /** Resolved `${VAR:-default}` values, values overridden from an `extends` base, where portless ports publish; within `range`. */
  inlayHints(doc: ComposeDocument, range: Span, settings?: InlayHintSettings): InlayHint[];
  /** One lens per declared service and network, with the places that reference it. */
  codeLenses(doc: ComposeDocument): ReferenceLens[];
  /**
   * Edits re-indenting the file (or only the top-level and service entries `range` touches), trimming
   * trailing spaces and ending it with one line break; none unless the result means the same YAML.
   */
  format(doc: ComposeDocument, options: FormatOptions, range?: Span): TextEdit[];
  /** The declared names of every given file that fuzzy-match `query`, best first. */
  workspaceSymbols(files: readonly WorkspaceFile[], query: string): WorkspaceSymbol[];
}

/** The analyses compose-go's checks run on each file before merging (see `ProjectFindings.perFile`). */
const PER_FILE_ANALYSES = new Set(['schema', 'obsoleteKeys']);

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const schemas = schemaCatalog(options.schemas);
  const analyses: readonly Analysis[] = createAnalyses(schemas.validators);
  const host = options.host ?? NO_FILES;
  const schemaKeys = schemas.composeKeys;
  // Findings are computed once per parsed version and shared by diagnostics and quick fixes.
  /** Runs every analysis on `doc`, yielding after each one; returns all findings, sorted. */
  function* runAnalyses(doc: ComposeDocument): Generator<void, Finding[]> {
    const found: Finding[] = [...doc.syntaxFindings];
    for (const analysis of analyses) {
      append(found, analysis.run(doc));
      yield;
    }
    return sortFindings(found);
  }
  const findingsOf = perDocument((doc) => {
    const steps = runAnalyses(doc);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  });
  // Before diagnostics have run for a version, a subnet hover asks only the overlap checks (network-sized work).
  const overlapsOf = perDocument((doc) => [...checkOverlaps(doc), ...checkPools(doc)]);
  // compose-go validates each file as it merges it: a value a later file overrides is still judged.
  const perFileAnalyses = analyses.filter((analysis) => PER_FILE_ANALYSES.has(analysis.name));
  const perFileFindingsOf = perDocument((doc) => {
    const found: Finding[] = [...doc.syntaxFindings];
    for (const analysis of perFileAnalyses) append(found, analysis.run(doc));
    return found;
  });
  const projects = new Projects({ all: findingsOf, perFile: perFileFindingsOf });
  const service: LanguageService = {
    parse: parseCompose,
    findingsInSteps: function* (doc) {
      if (!findingsOf.cached(doc)) findingsOf.set(doc, yield* runAnalyses(doc));
    },
    diagnostics: (doc, settings = {}) => diagnostics(doc, findingsOf(doc), settings),
    codeActions: (doc, span, settings = {}) => codeAction(doc, span, diagnostics(doc, findingsOf(doc), settings), analyses, { schemaKeys, stackKeys: schemas.stackKeys(doc) }),
    quickFixes: (doc, finding) => quickFixes(doc, finding, analyses, { schemaKeys, stackKeys: schemas.stackKeys(doc) }),
    fixAll: (text, mode, settings = {}) => fixAll(service, text, mode, settings),
    documentSymbols: documentSymbol,
    completion: (doc, offset, triggerCharacter, settings = {}, path = undefined) =>
      completion(doc, offset, { schemaKeys, stackKeys: schemas.stackKeys(doc), ...(triggerCharacter ? { triggerCharacter } : {}), ...(path === undefined ? {} : { files: { host, path } }) }).filter(
        (item) => !peerCompletes(item, settings.peers),
      ),
    hover: (doc, offset, settings = {}) =>
      hover(doc, offset, { schemaKeys: schemas.hoverKeys(doc), stackKeys: schemas.stackKeys(doc), findings: () => findingsOf.cached(doc) ?? overlapsOf(doc), peers: settings.peers }),
    definition,
    references,
    documentHighlights: documentHighlight,
    prepareRename,
    rename,
    projectDefinition,
    projectReferences,
    projectPrepareRename: prepareRenameInFiles,
    projectRename: renameInFiles,
    networkGraph: (doc, settings = {}) => networkGraph(doc, diagnostics(doc, findingsOf(doc), settings)),
    projectNetworkGraph: (view, settings = {}) => {
      const merged = view.merged;
      if (!merged) return undefined;
      // Findings are attached by span in the merged text, then every range is mapped to its file.
      const graph = networkGraph(merged.doc, applyRuleSettings(findingsOf(merged.doc), settings));
      return mapGraphRanges(graph, (span) => merged.locate(span) ?? { path: '', span });
    },
    foldingRanges: foldingRange,
    selectionRanges: selectionRange,
    documentLinks: (doc, path, settings = {}) => documentLink(doc, { host, path, peers: settings.peers }),
    project: (path, doc, options, settings = {}) => {
      const view = projects.view(path, doc, host, options);
      const targets = checkBuildTargets(view?.doc ?? doc, path, host);
      if (!view) {
        if (targets.length === 0) return undefined;
        return { doc, diagnostics: new Map([[path, diagnostics(doc, [...findingsOf(doc), ...targets], settings)]]), files: [path], lineIndex: (file) => (file === path ? doc.lineIndex : undefined), members: [{ path, doc }], lookupDoc: doc };
      }
      const result = new Map<string, Finding[]>();
      const member = (file: string) => view.members.find((candidate) => candidate.path === file)?.doc;
      for (const [file, findings] of view.findings) {
        // Suppression comments are read in each Compose file's own text; env files have none.
        const doc = file === path ? view.doc : member(file);
        const own = file === path ? [...findings, ...targets] : findings;
        result.set(file, doc ? diagnostics(doc, own, settings) : applyRuleSettings(own, settings));
      }
      return { doc: view.doc, diagnostics: result, files: view.files, lineIndex: (file) => view.lineIndex(file), members: view.members, lookupDoc: view.lookupDoc, ...(view.merged ? { merged: view.merged } : {}) };
    },
    folderProject: (directory, options) => projects.folderFiles(directory, host, options),
    semanticTokens,
    inlayHints: inlayHint,
    codeLenses: codeLens,
    workspaceSymbols: workspaceSymbol,
    format: formatting,
  };
  return service;
}

