/**
 * The messages between the graph panel (extension host) and its webview, one union per direction,
 * discriminated on `kind`. Imported by both sides; plain data only, since postMessage clones it.
 */
import type { LspPosition, LspRange, NetworkGraphResult } from '../../../server/src/protocol';

/** Host to webview. */
export type ToWebview =
  /** A new graph for the shown document (after opening, an edit, or switching editors). */
  | { readonly kind: 'setGraph'; readonly uri: string; readonly graph: NetworkGraphResult; readonly cursor?: LspPosition }
  /** The server could not compute the graph: say why, and offer the output channel. */
  | { readonly kind: 'error'; readonly uri: string; readonly message: string }
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
  | { readonly kind: 'export'; readonly format: ExportFormat; readonly data: string }
  /** The user asked for the Shipshape output channel (after a server error). */
  | { readonly kind: 'showOutput' };

/** What the webview keeps across reloads (`vscode.setState`); the host reads `uri` to revive the panel. */
export interface WebviewState {
  readonly uri?: string;
  readonly zoom?: number;
  readonly panX?: number;
  readonly panY?: number;
  readonly selected?: string;
  readonly filter?: string;
  readonly view?: 'networks' | 'dependencies' | 'ports';
  /** Layers switched off in the Networks view. */
  readonly hidden?: readonly ('volumes' | 'secrets' | 'dependencies')[];
  /** Zoom and position per document and view (`uri view`), the most recent last, a few kept. */
  readonly places?: readonly (readonly [string, { readonly zoom: number; readonly panX: number; readonly panY: number }])[];
}

export const GRAPH_VIEW_TYPE = 'shipshape.networkGraph';
