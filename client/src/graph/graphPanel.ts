/**
 * The network-graph webview host: one panel beside the editor that follows the active Compose document,
 * asks the server for `compose/networkGraph` (debounced while typing), forwards the result to the webview,
 * and acts on what the webview posts back (reveal a range, save an export).
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NETWORK_GRAPH_METHOD, type GraphRange, type LspRange, type NetworkGraphParams, type NetworkGraphResult } from '../../../server/src/protocol';
import { documentSelector } from '../languageClient';
import { graphHtml } from './html';
import { GRAPH_VIEW_TYPE, type ExportFormat, type FromWebview, type ToWebview, type WebviewState } from './messages';

const REFRESH_DELAY_MS = 300;

const EXPORTS: Record<ExportFormat, { extension: string; filter: string }> = {
  svg: { extension: 'svg', filter: 'SVG image' },
  png: { extension: 'png', filter: 'PNG image' },
  mermaid: { extension: 'mmd', filter: 'Mermaid diagram' },
};

export interface GraphHost {
  readonly context: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** Resolves once the language server answers requests. */
  readonly started: Promise<void>;
}

/** The document's URI when Shipshape serves it, else undefined. */
function composeUri(document: vscode.TextDocument | undefined): string | undefined {
  return document && vscode.languages.match(documentSelector(), document) > 0 ? document.uri.toString() : undefined;
}

export class GraphPanel {
  private static current: GraphPanel | undefined;

  /** Shows the panel beside the editor for `document` (or the active Compose document). */
  static show(host: GraphHost, document: vscode.TextDocument | undefined): void {
    const uri = composeUri(document);
    if (GraphPanel.current) {
      GraphPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (uri) GraphPanel.current.follow(uri);
      return;
    }
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Network Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, GraphPanel.options(host));
    GraphPanel.current = new GraphPanel(panel, host, uri);
  }

  /** Registers the serializer that brings the panel back after a window reload. */
  static registerSerializer(host: GraphHost): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        panel.webview.options = GraphPanel.options(host);
        GraphPanel.current?.panel.dispose();
        GraphPanel.current = new GraphPanel(panel, host, (state as WebviewState | undefined)?.uri);
      },
    });
  }

  private static options(host: GraphHost): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(host.context.extensionUri, 'dist', 'webview')] };
  }

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private requests = 0;
  /** Files of the shown project other than the shown document, which the webview may ask to reveal. */
  private projectUris = new Set<string>();

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly host: GraphHost,
    private uri: string | undefined,
  ) {
    const webview = panel.webview;
    const resource = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(host.context.extensionUri, 'dist', 'webview', file)).toString();
    webview.html = graphHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scriptUri: resource('main.js'), styleUri: resource('graph.css') });
    this.uri ??= composeUri(vscode.window.activeTextEditor?.document);
    this.updateTitle();
    this.disposables.push(
      webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const uri = composeUri(editor?.document);
        if (uri) this.follow(uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.uri) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const active = event.selections[0]?.active;
        if (active && event.textEditor.document.uri.toString() === this.uri) this.post({ kind: 'cursor', position: { line: active.line, character: active.character } });
      }),
    );
  }

  private follow(uri: string): void {
    if (uri === this.uri) return;
    this.uri = uri;
    this.updateTitle();
    void this.refresh();
  }

  private updateTitle(): void {
    this.panel.title = this.uri ? `Network: ${path.posix.basename(vscode.Uri.parse(this.uri).path)}` : 'Network Graph';
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Failed requests are logged by the language client in the Shipshape output channel; the panel says so. */
  private refresh(): Promise<void> {
    const uri = this.uri;
    return this.request().catch((error: unknown) => {
      if (uri && uri === this.uri) this.post({ kind: 'error', uri, message: error instanceof Error ? error.message : String(error) });
    });
  }

  private async request(): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.ready) return;
    const mine = ++this.requests;
    await this.host.started;
    // Opening the document makes the client sync it to the server (needed after a window reload).
    await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const params: NetworkGraphParams = { textDocument: { uri } };
    const graph = await this.host.client.sendRequest<NetworkGraphResult>(NETWORK_GRAPH_METHOD, params);
    if (mine !== this.requests) return;
    this.projectUris = otherFiles(graph);
    // Where the cursor is, so a graph too large to show whole opens on the part being edited.
    const active = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri)?.selection.active;
    this.post({ kind: 'setGraph', uri, graph, ...(active ? { cursor: { line: active.line, character: active.character } } : {}) });
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        return this.refresh();
      case 'revealRange':
        // Only the shown document and the other files of its project the server named: the webview is
        // not trusted to open arbitrary resources.
        return message.uri === this.uri || this.projectUris.has(message.uri) ? reveal(message.uri, message.range) : undefined;
      case 'export':
        return this.save(message.format, message.data);
      case 'showOutput':
        await vscode.commands.executeCommand('shipshape.showOutput');
        return;
    }
  }

  private async save(format: ExportFormat, data: string): Promise<void> {
    const { extension, filter } = EXPORTS[format];
    const source = this.uri ? vscode.Uri.parse(this.uri) : undefined;
    const base = source ? path.posix.basename(source.path).replace(/\.ya?ml$/i, '') : 'compose';
    const defaultUri = source?.scheme === 'file' ? vscode.Uri.joinPath(source, '..', `${base}-network.${extension}`) : undefined;
    const target = await vscode.window.showSaveDialog({ ...(defaultUri ? { defaultUri } : {}), filters: { [filter]: [extension] }, title: 'Save network graph' });
    if (!target) return;
    const bytes = format === 'png' ? Buffer.from(data, 'base64') : new TextEncoder().encode(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.setStatusBarMessage(`Network graph saved to ${target.fsPath}`, 3000);
  }

  private dispose(): void {
    clearTimeout(this.timer);
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The other files of the project the graph's items are written in (an override, an included file). */
function otherFiles(graph: NetworkGraphResult): Set<string> {
  const uris = new Set<string>();
  const add = (range: GraphRange) => void (range.uri !== undefined && uris.add(range.uri));
  for (const item of [...graph.nodes, ...graph.edges]) {
    add(item.range);
    for (const finding of item.findings) add(finding.range);
    if (item.kind === 'service') for (const port of item.ports) add(port.range);
  }
  return uris;
}

/** Reveals and selects `range` in the editor showing `uri`, opening it beside the graph if needed. */
async function reveal(uri: string, range: LspRange): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const target = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri);
  const editor = await vscode.window.showTextDocument(target, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
