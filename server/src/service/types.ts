/** Public types of the Shipshape core. Offsets are UTF-16 code units into the document text. */

/** A half-open range of offsets `[start, end)` into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Whether a file is read by `docker compose` or deployed with `docker stack deploy`. */
export type ComposeMode = 'compose' | 'stack';

/** A second place in the same document that explains a finding (the other side of a conflict, an alias use). */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
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

export interface ServiceSettings {
  /** Rule code -> severity override or 'off'. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}
