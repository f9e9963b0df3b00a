/**
 * Checks one file's text and keeps only what the reports need: findings with 0-based line/character
 * positions. The parsed document is dropped as soon as this returns, so checking many large files holds
 * one document at a time, never all of them (issue 19 item 14).
 */
import { createHash } from 'node:crypto';
import type { LanguageService, ModeChoice, ServiceSettings, Severity } from '../service/index';
import { looksLikeCompose, type ComposeDocument, type Finding, type Span } from '../service/index';

/** 0-based, UTF-16 characters, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface ReportedFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly { readonly range: Range; readonly message: string }[];
  readonly docUrl?: string;
  /** The editor offers a quick fix for it (and `--fix` may apply it). */
  readonly fixable: boolean;
  /**
   * Identifies the finding across runs while the lines around it move: a hash of the rule, the text of
   * the line it is on, and how many identical (rule, line text) pairs came before it in the file.
   */
  readonly fingerprint: string;
}

export interface CheckedFile {
  /** The path as the user should read it (relative to where they ran the command, or as given). */
  readonly display: string;
  /**
   * With `/` separators, relative to the current folder when the file is inside it, else absolute;
   * `-` for standard input. What machine-read formats (SARIF URIs, Code Climate paths) use.
   */
  readonly path: string;
  readonly findings: readonly ReportedFinding[];
}

export interface CheckOptions {
  readonly mode: ModeChoice;
  readonly settings: ServiceSettings;
  /** Only check the text when its content looks like Compose (a stack-named file found in a folder). */
  readonly requireCompose: boolean;
}

/** The findings of one file, or `undefined` when `requireCompose` is set and the file is no Compose file. */
export function checkText(service: LanguageService, text: string, options: CheckOptions): ReportedFinding[] | undefined {
  const doc = service.parse(text, options.mode);
  if (options.requireCompose && !looksLikeCompose(doc)) return undefined;
  const occurrences = new Map<string, number>();
  return service.diagnostics(doc, options.settings).map((finding): ReportedFinding => {
    const key = `${finding.code}\0${lineText(doc, finding.span.start).trim()}`;
    const ordinal = occurrences.get(key) ?? 0;
    occurrences.set(key, ordinal + 1);
    return {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: rangeOf(doc, finding.span),
      related: (finding.related ?? []).map((related) => ({ range: rangeOf(doc, related.span), message: related.message })),
      ...(finding.docUrl ? { docUrl: finding.docUrl } : {}),
      fixable: hasFix(service, doc, finding),
      fingerprint: createHash('sha256').update(`${key}\0${ordinal}`).digest('hex').slice(0, 32),
    };
  });
}

function hasFix(service: LanguageService, doc: ComposeDocument, finding: Finding): boolean {
  return service.quickFixes(doc, finding).length > 0;
}

function rangeOf(doc: ComposeDocument, span: Span): Range {
  return { start: doc.lineIndex.positionAt(span.start), end: doc.lineIndex.positionAt(span.end) };
}

function lineText(doc: ComposeDocument, offset: number): string {
  const { line } = doc.lineIndex.positionAt(offset);
  const next = line + 1 < doc.lineIndex.lineCount ? doc.lineIndex.lineStart(line + 1) : doc.text.length;
  return doc.text.slice(doc.lineIndex.lineStart(line), next);
}
