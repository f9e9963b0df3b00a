/**
 * Shipshape's additions to the Language Server Protocol, declared once and imported by the server and
 * the VS Code client. Payloads are plain data.
 */
import type { ComposeMode, GraphEdge, GraphFinding, GraphNode, GraphPort, NetworkGraph, PeerCoverage } from './service/types';

/** Settings the client sends in `initializationOptions` and in `workspace/didChangeConfiguration` (section `shipshape`). */
export interface ShipshapeSettings {
  readonly enable?: boolean;
  readonly stackFilePatterns?: readonly string[];
  readonly rules?: Readonly<Record<string, string>>;
  readonly diagnostics?: { readonly debounceMs?: number };
  /** Each kind of inlay hint on or off (all on by default). */
  readonly inlayHints?: { readonly variables?: boolean; readonly inherited?: boolean; readonly ports?: boolean };
  /** Format Document: sequences under a key indented, flush with it, or as the file mostly writes them (`preserve`). */
  readonly format?: { readonly sequenceIndent?: string };
  /** "N references" lenses on services and networks (off by default). */
  readonly codeLens?: { readonly references?: boolean };
  /**
   * Explicit Compose projects (`docker compose -f a -f b --env-file e`), paths relative to the first
   * workspace folder: a file they list is checked merged with the others.
   */
  readonly projects?: readonly { readonly files?: readonly string[]; readonly envFiles?: readonly string[] }[];
  /**
   * Not a user setting: what other installed Compose extensions already report, worked out by the VS Code
   * client (client/src/peers.ts) so the server leaves those results out.
   */
  readonly peers?: PeerCoverage;
}

/** A position as LSP writes it: 0-based line, UTF-16 character offset. */
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

/**
 * `compose/networkGraph`: sent by the VS Code client when the network-graph panel opens or the shown
 * document changes, so the webview can draw the file's topology. The server answers with plain data
 * computed by the core: nodes, edges, their source ranges and the findings inside them. Unknown or
 * closed documents answer an empty graph.
 */
export const NETWORK_GRAPH_METHOD = 'compose/networkGraph';

export interface NetworkGraphParams {
  readonly textDocument: { readonly uri: string };
}

/**
 * A range in the graph: in the shown document, or, for a project of several files (an override, an
 * included file), in the file `uri` names. Only ranges in the shown document follow the editor's cursor.
 */
export interface GraphRange extends LspRange {
  readonly uri?: string;
}

export type NetworkGraphResult = NetworkGraph<GraphRange>;
export type GraphNodeDto = GraphNode<GraphRange>;
export type GraphEdgeDto = GraphEdge<GraphRange>;
export type GraphFindingDto = GraphFinding<GraphRange>;
export type GraphPortDto = GraphPort<GraphRange>;

/**
 * `compose/runTargets`: sent by the VS Code client for its "Run service" / "Deploy stack" code lenses (a
 * setting, off by default), which run `docker compose` or `docker stack deploy` in a terminal. The server
 * says how the file is checked and where its services are, so the client does not read Compose itself.
 * Unknown or closed documents answer `undefined`.
 */
export const RUN_TARGETS_METHOD = 'compose/runTargets';

export interface RunTargetsParams {
  readonly textDocument: { readonly uri: string };
}

export interface RunTargetsResult {
  readonly mode: ComposeMode;
  /** The range of the `services:` key, where the lens for the whole file goes; undefined without services. */
  readonly servicesRange: LspRange | undefined;
  readonly services: readonly { readonly name: string; readonly range: LspRange }[];
}

/**
 * The client command a "N references" code lens runs: the server sends the document URI, the lens
 * position and the reference locations; the client converts them and opens VS Code's reference peek.
 */
export const SHOW_REFERENCES_COMMAND = 'shipshape.showReferences';
