/** Public types of the Shipshape core. Offsets are UTF-16 code units into the document text. */

/** A half-open range of offsets `[start, end)` into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Whether a file is read by `docker compose` or deployed with `docker stack deploy`. */
export type ComposeMode = 'compose' | 'stack';

/**
 * What decided a file's mode, strongest first (mode/decide.ts): the caller (`--stack`, a test), a
 * configured stack-file pattern, a `# shipshape: stack|compose` modeline, the file name, the content,
 * or nothing (then Compose).
 */
export type ModeSource = 'given' | 'setting' | 'modeline' | 'name' | 'content' | 'default';

/** What a binding knows about a file so the core can decide its mode: its path, and whether a setting makes it a stack file. */
export interface ModeFacts {
  /** The file's `/`-separated path, when it has one. */
  readonly path?: string | undefined;
  /** A `stackFilePatterns` glob the user set (editor setting or configuration file) matches the file: the strongest signal. */
  readonly stackBySetting?: boolean | undefined;
}

/** A mode the caller fixes, or the facts to decide it from. */
export type ModeChoice = ComposeMode | ModeFacts;

/** A second place in the same document that explains a finding (the other side of a conflict, an alias use). */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
  /** The absolute path of the file the span is in, when that is another file of the project. */
  readonly path?: string;
}

/**
 * One problem found in a document. Diagnostics, quick fixes and the CLI all read findings;
 * quick fixes match them by `code` and `span`, never by message.
 */
export interface Finding {
  /** Stable kebab-case rule code; users suppress and configure rules by it. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  /** Link to the Docker documentation or Compose specification behind the rule. */
  readonly docUrl?: string;
  /** Rendered faded (unused declarations) or struck through (deprecated keys) by editors. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** A replacement of the text in `span` by `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor.rewrite';
  readonly edits: readonly TextEdit[];
  /** The finding this action fixes, if any. */
  readonly fixes?: Finding;
  readonly isPreferred?: boolean;
}

/** Per-rule configuration: a new severity, or 'off'. */
export type RuleSetting = Severity | 'off';

/**
 * What other installed Compose tools already report for Compose files (features/peers.ts steps back
 * for them). Absent means false.
 */
export interface PeerCoverage {
  /** YAML syntax errors (every peer that parses the file reports them). */
  readonly syntaxDiagnostics?: boolean;
  /** Keys repeated in one mapping (peers built on the `yaml` package report them as syntax errors). */
  readonly duplicateKeys?: boolean;
  /** Compose-schema errors (Red Hat YAML with the Compose schema from SchemaStore). */
  readonly schemaDiagnostics?: boolean;
  /** Compose key names (Red Hat with the schema, Docker DX, Container Tools). */
  readonly keyCompletion?: boolean;
  /** The schema's description and allowed values of a key, in hovers (Red Hat with the schema, Docker DX). */
  readonly keyHovers?: boolean;
  /**
   * Registries whose image pages a peer links from `image:` (Docker DX). `docker.io` stands for Docker Hub
   * names written without a registry host; only tag references written literally count (see features/peers.ts).
   */
  readonly imageLinks?: readonly string[];
}

export interface ServiceSettings {
  /** Rule code -> severity override or 'off'. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** What other installed Compose tools already report, which Shipshape then leaves out (editor only). */
  readonly peers?: PeerCoverage;
}

/**
 * The `compose/networkGraph` result: the file's topology as plain data, drawn by the graph webview.
 * Generic over the location type `L`: the core fills in offsets (`Span`), the LSP binding converts them
 * to ranges, so the same shape serves both sides.
 */
export interface NetworkGraph<L = Span> {
  readonly nodes: readonly GraphNode<L>[];
  readonly edges: readonly GraphEdge<L>[];
  /** YAML syntax errors in the file: the graph is partial, so the webview keeps its last good one. */
  readonly syntaxErrors?: number;
}

/** A finding shown on the node, edge or port whose source it falls in. */
export interface GraphFinding<L = Span> {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: L;
}

interface GraphItemBase<L> {
  /** Unique in the graph, e.g. `service:web`, `network:back`. */
  readonly id: string;
  readonly range: L;
  readonly findings: readonly GraphFinding<L>[];
}

export interface GraphPort<L = Span> {
  /** Host address when bound to one; absent means every address. */
  readonly hostIp?: string;
  /** `8080` or `8000-8010`; absent when the engine picks an ephemeral host port. */
  readonly published?: string;
  readonly target?: string;
  /** The short-syntax item as written, when its ports are unknown until run time (`"${WEB_PORT}:80"`). */
  readonly written?: string;
  readonly protocol: string;
  /** Swarm publish mode: `ingress` or `host`. */
  readonly mode: string;
  readonly range: L;
  readonly findings: readonly GraphFinding<L>[];
}

export interface ServiceGraphNode<L = Span> extends GraphItemBase<L> {
  readonly kind: 'service';
  readonly name: string;
  /** As Compose resolves it, or as written when it uses a variable without a default. */
  readonly image?: string;
  /** Set when the service is built rather than pulled (and has no image). */
  readonly build?: boolean;
  readonly ports: readonly GraphPort<L>[];
  /** Undefined when it depends on a variable without a default. */
  readonly replicas?: number;
  readonly deployMode: string;
  /** `network_mode` as written, e.g. `host` or `service:vpn`. */
  readonly networkMode?: string;
}

export interface NetworkGraphNode<L = Span> extends GraphItemBase<L> {
  readonly kind: 'network';
  readonly name: string;
  /** The driver, with the engine default (bridge; overlay for stacks) when not written. */
  readonly driver: string;
  readonly subnets: readonly { readonly subnet: string; readonly gateway?: string; readonly ipRange?: string }[];
  readonly internal: boolean;
  readonly external: boolean;
  readonly attachable: boolean;
  /** False for a network services use but the file does not declare (the implicit `default`, or a typo). */
  readonly declared: boolean;
}

/** A named volume, secret or config. */
export interface ResourceGraphNode<L = Span> extends GraphItemBase<L> {
  readonly kind: 'volume' | 'secret' | 'config';
  readonly name: string;
  readonly external: boolean;
  readonly declared: boolean;
}

export type GraphNode<L = Span> = ServiceGraphNode<L> | NetworkGraphNode<L> | ResourceGraphNode<L>;

interface GraphEdgeBase<L> extends GraphItemBase<L> {
  /** Node ids. */
  readonly from: string;
  readonly to: string;
}

/** A service attached to a network (`networks:` entry, or the implicit default network). */
export interface AttachmentGraphEdge<L = Span> extends GraphEdgeBase<L> {
  readonly kind: 'network';
  /** Not written: Compose attaches a service without `networks:` to the `default` network. */
  readonly implicit?: true;
  readonly ipv4Address?: string;
  readonly ipv6Address?: string;
  readonly aliases: readonly string[];
}

export interface DependsOnGraphEdge<L = Span> extends GraphEdgeBase<L> {
  readonly kind: 'dependsOn';
  readonly condition: string;
  readonly required: boolean;
}

/** `network_mode: service:x`: the service shares x's network stack. */
export interface NetworkModeGraphEdge<L = Span> extends GraphEdgeBase<L> {
  readonly kind: 'networkMode';
}

/** A named volume mounted, or a secret or config granted, to a service. */
export interface MountGraphEdge<L = Span> extends GraphEdgeBase<L> {
  readonly kind: 'volume' | 'secret' | 'config';
  /** Path in the container, when written. */
  readonly target?: string;
  readonly readOnly: boolean;
}

export type GraphEdge<L = Span> = AttachmentGraphEdge<L> | DependsOnGraphEdge<L> | NetworkModeGraphEdge<L> | MountGraphEdge<L>;
