/** The LSP binding: capabilities, settings and a one-line handler table over the language service. */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  type CodeAction as LspCodeAction,
  type Connection,
  type InitializeParams,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { NETWORK_GRAPH_METHOD, RUN_TARGETS_METHOD, type NetworkGraphParams, type NetworkGraphResult, type RunTargetsParams, type RunTargetsResult, type ShipshapeSettings } from '../protocol';
import { createLanguageService, LineIndex, looksLikeCompose, type ComposeDocument, type Finding, type PeerCoverage, type InlayHintSettings, type RuleSetting, type SchemaSet, type ServiceSettings, type FileSpan, type ProjectView, listedProjects, resolvePath, type ProjectSpec, dirname } from '../service/index';
import { toCompletionItem, toDiagnostic, toDocumentHighlight, toDocumentLink, toDocumentSymbol, toFoldingRange, toHover, toSelectionRange, toSemanticTokens, toInlayHint, toCodeLens, toWorkspaceSymbol, toFormatOptions, toLocation, toNetworkGraph, toOffset, toRange, toSpan, toTextEdit, toProjectNetworkGraph } from './convert';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { EditorConfig } from './editorConfig';
import { Documents } from './documents';
import { LspFileHost } from './fileHost';
import { runSafe } from './runSafe';
import { readSettings } from './settings';
import { contentModified, FindingsRunner, settle } from './staleWork';
import { filePath, fileUri } from './uri';
import { WorkspaceFiles } from './workspaceFiles';

export interface ServerRuntime {
  readonly schemas: SchemaSet;
  /** Methods whose handler is made to throw, to test that the server survives a failing feature. */
  readonly faultyMethods?: ReadonlySet<string>;
}

const DEFAULT_DEBOUNCE_MS = 150;
/** What a project reads besides its open documents: env files, Compose files (for overrides, includes and extends), configuration. */
const WATCHED_FILES = ['**/.env', '**/*.env', '**/*.{yaml,yml}', '**/package.json'];

/** Keeps only the boolean flags of a peer coverage sent by the client; anything else counts as not covered. */
function peerCoverage(value: unknown): PeerCoverage {
  if (typeof value !== 'object' || value === null) return {};
  const flags = value as Record<string, unknown>;
  const flag = (name: Exclude<keyof PeerCoverage, 'imageLinks'>) => flags[name] === true;
  const registries = Array.isArray(flags['imageLinks']) ? flags['imageLinks'].filter((item): item is string => typeof item === 'string') : [];
  return {
    syntaxDiagnostics: flag('syntaxDiagnostics'),
    duplicateKeys: flag('duplicateKeys'),
    schemaDiagnostics: flag('schemaDiagnostics'),
    keyCompletion: flag('keyCompletion'),
    keyHovers: flag('keyHovers'),
    imageLinks: registries,
  };
}

/** `shipshape.projects` entries as project specs, their paths resolved against the first workspace folder. */
function explicitProjects(projects: ShipshapeSettings['projects'], root: string | undefined): ProjectSpec[] {
  if (!Array.isArray(projects) || root === undefined) return [];
  const paths = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').map((item) => resolvePath(root, item)) : []);
  return listedProjects(projects.map((project) => ({ files: paths(project?.files), envFiles: paths(project?.envFiles) })));
}

/** The request's `textDocument.uri`, or undefined when a client left it out or sent something else. */
function requestUri(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * Registers every handler but `initialize`'s on a connection that is already listening (main.ts answers
 * initialize from capabilities.ts and loads this module at the next message); `initialize` applies the
 * client's params, whenever they come.
 */
export function startServer(connection: Connection, runtime: ServerRuntime): { initialize(params: InitializeParams): void } {
  const host = new LspFileHost();
  const service = createLanguageService({ schemas: runtime.schemas, host });
  let roots: readonly string[] = [];
  let stackPatterns: readonly string[] | undefined;
  const config = new EditorConfig(host, () => roots, (path, findings, lineIndex) => publishOtherFile(path, findings, () => (lineIndex ? { lineIndex } : undefined)));
  const documents = new Documents(service, (uri) => config.modeOf(uri, stackPatterns));
  host.setBuffers(documents.text);
  let watchFiles = false;
  let enabled = true;
  let serviceSettings: ServiceSettings = {};
  const logger = { error: (message: string) => connection.console.error(message) };

  /** The parsed document, when Shipshape serves it: files matched only by a stack-file pattern (language `yaml`) must look like Compose. */
  const composeDocument = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || !enabled) return undefined;
    return documents.text.get(uri)?.languageId === 'dockercompose' || looksLikeCompose(doc) ? doc : undefined;
  };

  /** Explicit projects from the `shipshape.projects` setting, resolved against the first workspace folder. */
  let projectSpecs: readonly ProjectSpec[] = [];
  /**
   * The settings for a file, with the peers' coverage only where the peers serve it: Docker DX serves the
   * `dockercompose` language and Red Hat YAML's SchemaStore association matches Compose file names, which the
   * client opens as that language (client/src/peers.ts); nobody else checks or completes the stack files
   * Shipshape also reads as `yaml`, so those keep every finding, completion, description and link.
   */
  const scopedSettings = (uri: string): ServiceSettings => {
    if (documents.text.get(uri)?.languageId === 'dockercompose') return serviceSettings;
    return serviceSettings.rules ? { rules: serviceSettings.rules } : {};
  };
  /** The document in its project (its `.env` applied, its other files merged), when it has one. */
  const projectView = (uri: string, doc: ComposeDocument) => {
    const path = filePath(uri);
    if (path === undefined) return undefined;
    // The settings' projects and those of the file's .shipshape.yaml.
    const projects = [...projectSpecs, ...listedProjects(config.forDocument(uri)?.config.projects ?? [])];
    return service.project(path, doc, projects.length > 0 ? { projects } : {}, config.settingsFor(uri, scopedSettings(uri)));
  };

  /** Open documents that read each file (through their project), so an edit there re-checks them. */
  const dependents = new Map<string, Set<string>>();
  const recordDependencies = (uri: string, files: readonly string[]) => {
    for (const set of dependents.values()) set.delete(uri);
    for (const file of files) {
      const set = dependents.get(file) ?? new Set<string>();
      set.add(uri);
      dependents.set(file, set);
    }
  };
  /** The open document of an absolute path, if any. */
  const openUri = (path: string) => documents.text.all().find((document) => filePath(document.uri) === path)?.uri;

  const computeDiagnostics = (uri: string) => {
    const doc = composeDocument(uri);
    if (!doc || config.excludes(uri)) return [];
    const view = projectView(uri, doc);
    const own = filePath(uri);
    recordDependencies(uri, view?.files ?? []);
    if (!view) return service.diagnostics(doc, config.settingsFor(uri, scopedSettings(uri))).map((finding) => toDiagnostic(doc, uri, finding));
    const lines = (path: string) => {
      const lineIndex = view.lineIndex(path);
      return lineIndex && { lineIndex };
    };
    for (const [path, findings] of view.diagnostics) {
      if (path === own) continue;
      // An open file of the project publishes its own findings (the same project seen from there).
      const open = openUri(path);
      if (open === undefined) publishOtherFile(path, findings, lines);
    }
    return (view.diagnostics.get(own!) ?? []).map((finding) => toDiagnostic(view.doc, uri, finding, lines));
  };
  /** Findings in a file that is not open (`.env`, another file of the project), published under its URI. */
  const publishOtherFile = (path: string, findings: readonly Finding[], lines: (path: string) => { lineIndex: LineIndex } | undefined) => {
    const own = lines(path) ?? { lineIndex: new LineIndex('') };
    void connection.sendDiagnostics({ uri: fileUri(path), diagnostics: findings.map((finding) => toDiagnostic(own, fileUri(path), finding, lines)) });
  };
  /** Re-checks the other open documents that read `uri`'s file. */
  const scheduleDependents = (uri: string) => {
    const path = filePath(uri);
    for (const dependent of (path && dependents.get(path)) || []) if (dependent !== uri && documents.text.get(dependent)) scheduler.schedule(dependent);
  };
  const runner = new FindingsRunner(service, (uri, doc) => documents.isCurrent(uri, doc));
  /** Parses the current version and computes its findings in steps: false when a newer version came first. */
  const findingsReady = async (uri: string): Promise<boolean> => {
    const doc = runSafe(logger, 'parse', uri, undefined, undefined, () => composeDocument(uri));
    if (!doc || doc instanceof ResponseError) return true;
    return runner.findings(uri, doc).catch(() => true); // a throwing analysis is logged where it is read
  };
  const safeDiagnostics = async (uri: string) => {
    if (!(await findingsReady(uri))) return undefined;
    const result = runSafe(logger, 'diagnostics', uri, [], undefined, () => computeDiagnostics(uri));
    return Array.isArray(result) ? result : [];
  };
  const scheduler = new DiagnosticsScheduler(connection, documents, safeDiagnostics, DEFAULT_DEBOUNCE_MS);

  let inlayHintSettings: InlayHintSettings = {};
  let inlayHintRefresh = false;
  let referenceLenses = false;
  let codeLensRefresh = false;
  let sequenceIndent: string | undefined;
  const workspaceFiles = new WorkspaceFiles(service, host, () => roots, () => stackPatterns);
  const applySettings = (raw: unknown) => {
    const settings = readSettings(raw, (line) => connection.console.warn(line));
    enabled = settings?.enable ?? true;
    inlayHintSettings = settings?.inlayHints ?? {};
    // Hints already drawn follow a changed setting only when the client is asked to refresh them.
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    referenceLenses = settings?.codeLens?.references ?? false;
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    sequenceIndent = settings?.format?.sequenceIndent;
    stackPatterns = settings?.stackFilePatterns;
    projectSpecs = explicitProjects(settings?.projects, roots[0]);
    serviceSettings = { rules: (settings?.rules ?? {}) as Record<string, RuleSetting>, peers: peerCoverage(settings?.peers) };
    scheduler.debounceMs = settings?.diagnostics?.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    for (const document of documents.text.all()) scheduler.schedule(document.uri, true);
  };

  /**
   * Wraps a request handler with runSafe and the fault-injection hook, and hands it the parsed document;
   * a document Shipshape does not serve gets `fallback`. Edits received before the request go first:
   * a request whose document changed meanwhile answers ContentModified rather than parse a stale
   * version, and one that needs every finding (`findings`) gives way to newer versions while they
   * are computed.
   */
  const handle = <P extends { textDocument: { uri: string } }, R>(method: string, fallback: R, run: (doc: ComposeDocument, params: P, view: ProjectView | undefined) => R, needs: { findings?: boolean } = {}) =>
    async (params: P, token?: { isCancellationRequested: boolean; onCancellationRequested: unknown }): Promise<R | ResponseError<undefined>> => {
      const uri = requestUri(params);
      if (uri === undefined) return new ResponseError(ErrorCodes.InvalidParams, `${method} needs textDocument.uri`);
      const before = documents.text.get(uri);
      const version = before?.version;
      const text = before?.getText();
      await settle();
      const now = documents.text.get(uri);
      if (now?.version !== version || now?.getText() !== text) return contentModified();
      if (needs.findings && !(await findingsReady(uri))) return contentModified();
      return runSafe(logger, method, uri, fallback, token as never, () => {
        if (runtime.faultyMethods?.has(method)) throw new Error(`injected fault in ${method}`);
        const doc = composeDocument(uri);
        if (!doc) return fallback;
        const view = projectView(uri, doc);
        return run(view?.doc ?? doc, params, view);
      });
    };

  /** Applies the client's `initialize` params (main.ts has answered the request). */
  const initialize = (params: InitializeParams) => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.flatMap((uri) => filePath(uri) ?? []);
    host.setRoots(roots);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    applySettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  };

  // `.env` files and Compose files that are not open change on disk: re-check every open document.
  connection.onInitialized(() => {
    if (!watchFiles) return;
    // A client that refuses must not take the server down (an unhandled rejection ends the process).
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })) })
      .catch((error: unknown) => logger.error(`Watching project files failed: ${String(error)}`));
  });
  // A changed configuration file re-checks everything; another changed file the open documents that
  // read it, and those in its folder (a new `.env` or override file there changes their project).
  connection.onDidChangeWatchedFiles((params) => {
    config.changed();
    const affected = new Set<string>();
    for (const change of params.changes) {
      const path = filePath(change.uri);
      if (path === undefined) continue;
      if (/(?:^|\/)(?:\.shipshape\.ya?ml|package\.json)$/.test(path)) for (const document of documents.text.all()) affected.add(document.uri);
      for (const uri of dependents.get(path) ?? []) affected.add(uri);
      const folder = dirname(path);
      for (const document of documents.text.all()) if (dirname(filePath(document.uri) ?? '') === folder) affected.add(document.uri);
    }
    for (const uri of affected) if (documents.text.get(uri)) scheduler.schedule(uri, true);
  });

  connection.onDidChangeConfiguration((change) => applySettings((change.settings as { shipshape?: unknown } | undefined)?.shipshape));

  documents.text.onDidOpen((event) => scheduler.schedule(event.document.uri, true));
  documents.text.onDidChangeContent((event) => {
    scheduler.schedule(event.document.uri);
    scheduleDependents(event.document.uri);
  });
  documents.text.onDidClose((event) => {
    scheduler.clear(event.document.uri);
    // The disk version of the closed file now counts for the documents of its project.
    scheduleDependents(event.document.uri);
  });

  connection.onDocumentSymbol(
    handle('textDocument/documentSymbol', [], (doc) => service.documentSymbols(doc).map((symbol) => toDocumentSymbol(doc, symbol))),
  );

  connection.onHover(
    handle('textDocument/hover', null, (doc, params, view) => {
      // A reference to a service of another file of the project is described from there.
      const result = service.hover(view?.lookupDoc ?? doc, toOffset(doc, params.position), scopedSettings(params.textDocument.uri));
      return result ? toHover(doc, result) : null;
    }),
  );

  connection.onCompletion(
    handle('textDocument/completion', null, (doc, params, view) => {
      // Names declared anywhere in the project are offered.
      const items = service.completion(view?.lookupDoc ?? doc, toOffset(doc, params.position), params.context?.triggerCharacter, scopedSettings(params.textDocument.uri), filePath(params.textDocument.uri));
      return { isIncomplete: false, items: items.map((item) => toCompletionItem(doc, item)) };
    }),
  );

  connection.onCodeAction(
    handle('textDocument/codeAction', [] as LspCodeAction[], (doc, params) => {
      const uri = params.textDocument.uri;
      return service.codeActions(doc, toSpan(doc, params.range), config.settingsFor(uri, scopedSettings(uri))).map((action): LspCodeAction => ({
        title: action.title,
        kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
        edit: { changes: { [uri]: action.edits.map((edit) => toTextEdit(doc, edit)) } },
        ...(action.fixes ? { diagnostics: [toDiagnostic(doc, uri, action.fixes)] } : {}),
        ...(action.isPreferred ? { isPreferred: true } : {}),
      }));
    }, { findings: true }),
  );

  /** An LSP location for a span of a project file: the open document's URI when it is open, else the file's. */
  const projectLocation = (view: ProjectView, at: FileSpan) => {
    const uri = openUri(at.path) ?? fileUri(at.path);
    const lineIndex = view.lineIndex(at.path);
    return lineIndex ? [toLocation({ lineIndex }, uri, at.span)] : [];
  };
  /** The project's files when the document has a project with other Compose files; undefined for a lone file. */
  const membersOf = (uri: string, view: ProjectView | undefined) => {
    const path = filePath(uri);
    return view && path !== undefined && view.members.length > 1 ? { members: view.members, path } : undefined;
  };

  connection.onDefinition(
    handle('textDocument/definition', [], (doc, params, view) => {
      const offset = toOffset(doc, params.position);
      const project = membersOf(params.textDocument.uri, view);
      if (project) return service.projectDefinition(project.members, project.path, offset).flatMap((at) => projectLocation(view!, at));
      return service.definition(doc, offset).map((span) => toLocation(doc, params.textDocument.uri, span));
    }),
  );

  connection.onReferences(
    handle('textDocument/references', [], (doc, params, view) => {
      const offset = toOffset(doc, params.position);
      const project = membersOf(params.textDocument.uri, view);
      if (project) return service.projectReferences(project.members, project.path, offset, params.context.includeDeclaration).flatMap((at) => projectLocation(view!, at));
      return service.references(doc, offset, params.context.includeDeclaration).map((span) => toLocation(doc, params.textDocument.uri, span));
    }),
  );

  connection.onDocumentHighlight(
    handle('textDocument/documentHighlight', [], (doc, params) => service.documentHighlights(doc, toOffset(doc, params.position)).map((highlight) => toDocumentHighlight(doc, highlight))),
  );

  // A refusal is answered as an error, which editors show to the user ("cannot rename …").
  connection.onPrepareRename(
    handle('textDocument/prepareRename', null, (doc, params, view): { range: Range; placeholder: string } | ResponseError | null => {
      const project = membersOf(params.textDocument.uri, view);
      const offset = toOffset(doc, params.position);
      const result = project ? service.projectPrepareRename(project.members, project.path, offset) : service.prepareRename(doc, offset);
      if (!result) return null;
      if ('refused' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.refused);
      return { range: toRange(doc, result.span), placeholder: result.placeholder };
    }),
  );

  connection.onRenameRequest(
    handle('textDocument/rename', null, (doc, params, view): WorkspaceEdit | ResponseError | null => {
      // The protocol says string; a client sending anything else gets a clear refusal, not a TypeError.
      if (typeof params.newName !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
      const project = membersOf(params.textDocument.uri, view);
      if (project) {
        // One edit set per file of the project that names the symbol, open or not.
        const result = service.projectRename(project.members, project.path, toOffset(doc, params.position), params.newName);
        if (!result) return null;
        if ('refused' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.refused);
        const changes: Record<string, ReturnType<typeof toTextEdit>[]> = {};
        for (const [path, edits] of result.edits) {
          const lineIndex = view!.lineIndex(path);
          if (lineIndex) changes[path === project.path ? params.textDocument.uri : (openUri(path) ?? fileUri(path))] = edits.map((edit) => toTextEdit({ lineIndex }, edit));
        }
        return { changes };
      }
      const result = service.rename(doc, toOffset(doc, params.position), params.newName);
      if (!result) return null;
      if ('refused' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.refused);
      return { changes: { [params.textDocument.uri]: result.edits.map((edit) => toTextEdit(doc, edit)) } };
    }),
  );

  connection.onFoldingRanges(handle('textDocument/foldingRange', [], (doc) => service.foldingRanges(doc).map((range) => toFoldingRange(doc, range))));

  connection.onSelectionRanges(
    handle('textDocument/selectionRange', [], (doc, params) => service.selectionRanges(doc, params.positions.map((position) => toOffset(doc, position))).map((chain) => toSelectionRange(doc, chain))),
  );

  connection.onDocumentLinks(
    handle('textDocument/documentLink', [], (doc, params) => service.documentLinks(doc, filePath(params.textDocument.uri), scopedSettings(params.textDocument.uri)).map((link) => toDocumentLink(doc, link, fileUri))),
  );

  connection.languages.semanticTokens.on(handle('textDocument/semanticTokens/full', { data: [] }, (doc) => toSemanticTokens(doc, service.semanticTokens(doc))));
  connection.languages.semanticTokens.onRange(
    handle('textDocument/semanticTokens/range', { data: [] }, (doc, params) => toSemanticTokens(doc, service.semanticTokens(doc, toSpan(doc, params.range)))),
  );

  connection.languages.inlayHint.on(
    handle('textDocument/inlayHint', [], (doc, params) => service.inlayHints(doc, toSpan(doc, params.range), inlayHintSettings).map((hint) => toInlayHint(doc, hint))),
  );

  connection.onCodeLens(
    handle('textDocument/codeLens', [], (doc, params) => (referenceLenses ? service.codeLenses(doc).map((lens) => toCodeLens(doc, params.textDocument.uri, lens)) : [])),
  );

  connection.onDocumentFormatting(
    handle('textDocument/formatting', [], (doc, params) => service.format(doc, toFormatOptions(params.options, sequenceIndent)).map((edit) => toTextEdit(doc, edit))),
  );
  connection.onDocumentRangeFormatting(
    handle('textDocument/rangeFormatting', [], (doc, params) => service.format(doc, toFormatOptions(params.options, sequenceIndent), toSpan(doc, params.range)).map((edit) => toTextEdit(doc, edit))),
  );

  // Not about one document, so not through `handle`; open buffers win over the disk through the host.
  connection.onWorkspaceSymbol((params, token) =>
    runSafe(logger, 'workspace/symbol', '', [], token, () => {
      if (!enabled) return [];
      const files = workspaceFiles.documents();
      const docs = new Map(files.map((file) => [file.path, file.doc]));
      return service.workspaceSymbols(files, params.query).map((symbol) => toWorkspaceSymbol(docs.get(symbol.path)!, fileUri(symbol.path), symbol));
    }),
  );

  const emptyGraph: NetworkGraphResult = { nodes: [], edges: [] };
  connection.onRequest(
    NETWORK_GRAPH_METHOD,
    handle(NETWORK_GRAPH_METHOD, emptyGraph, (doc, params: NetworkGraphParams, view) => {
      // A file of a project of several files shows the merged project, each item pointing into its file.
      const settings = config.settingsFor(params.textDocument.uri, scopedSettings(params.textDocument.uri));
      const project = view && service.projectNetworkGraph(view, settings);
      const own = filePath(params.textDocument.uri);
      if (!project || own === undefined) return toNetworkGraph(doc, service.networkGraph(doc, settings));
      const lines = (path: string) => {
        const lineIndex = view.lineIndex(path);
        return lineIndex && { lineIndex };
      };
      return toProjectNetworkGraph(project, own, lines, (path) => openUri(path) ?? fileUri(path));
    }, { findings: true }),
  );

  connection.onRequest(
    RUN_TARGETS_METHOD,
    handle(RUN_TARGETS_METHOD, undefined, (doc, _params: RunTargetsParams): RunTargetsResult => {
      const services = service.documentSymbols(doc).find((symbol) => symbol.kind === 'section' && symbol.name === 'services');
      return {
        mode: doc.mode,
        servicesRange: services && toRange(doc, services.selectionSpan),
        services: (services?.children ?? []).map((child) => ({ name: child.name, range: toRange(doc, child.selectionSpan) })),
      };
    }),
  );

  documents.listen(connection);
  return { initialize };
}
