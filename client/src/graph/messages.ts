/**
 * The messages between the graph panel (extension host) and its webview, one union per direction,
 * discriminated on `kind`. Imported by both sides; plain data only, since postMessage clones it.
 */
import type { LspPosition, LspRange, NetworkGraphResult } from '../../../server/src/protocol';

/** Host to webview. */
export type ToWebview =
  /** A new graph for the shown document (after opening, an edit, or switching editors). */
  | { readonly kind: 'setGraph'; readonly uri: string; readonly graph: NetworkGraphResult }
  /** The editor's cursor moved in the shown document: highlight the items it is in. */
  | { readonly kind: 'cursor'; readonly position: LspPosition };

export type ExportFormat = 'svg' | 'png' | 'mermaid';

/** Webview to host. */
export type FromWebview =
  /** The webview's script runs and listens; the host may send the graph. */
  | { readonly kind: 'ready' }
  /** The user clicked a node or an edge: reveal and select its source. */
  | { readonly kind: 'revealRange'; readonly uri: string; readonly range: LspRange }
  /** The user asked to save the graph; `data` is SVG or Mermaid text, or a base64 PNG. */
  | { readonly kind: 'export'; readonly format: ExportFormat; readonly data: string };

/** What the webview keeps across reloads (`vscode.setState`); the host reads `uri` to revive the panel. */
export interface WebviewState {
  readonly uri?: string;
  readonly zoom?: number;
  readonly panX?: number;
  readonly panY?: number;
  readonly selected?: string;
  readonly filter?: string;
}

export const GRAPH_VIEW_TYPE = 'shipshape.networkGraph';
