/**
 * Checks one file's text and keeps only what the reports need: findings with 0-based line/character
 * positions. The parsed document is dropped as soon as this returns, so checking many large files holds
 * one document at a time, never all of them (issue 19 item 14).
 */
import { createHash } from 'node:crypto';
import type { LanguageService, ModeChoice, ServiceSettings, Severity, ProjectOptions } from '../service/index';
import { looksLikeCompose, type ComposeDocument, type Finding, type Span, LineIndex } from '../service/index';

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
  /** `path`: the absolute path of another file of the project the related span is in. */
  readonly related: readonly { readonly range: Range; readonly message: string; readonly path?: string }[];
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
  /** The file's absolute path and its project's options: then it is checked in its project (`.env`, other files). */
  readonly project?: { readonly path: string; readonly options: ProjectOptions };
  /** The text of another file of the project (for positions and fingerprints), read as the service read it. */
  readonly textOf?: (path: string) => string | undefined;
}

export interface CheckResult {
  readonly findings: ReportedFinding[];
  /** Findings of the project in other files (`.env`, the other Compose files), by absolute path. */
  readonly others: ReadonlyMap<string, ReportedFinding[]>;
}

/** The text and line index of one file, what positions and fingerprints are computed from. */
interface Lines {
  readonly text: string;
  readonly lineIndex: LineIndex;
}

/** The findings of one file, or `undefined` when `requireCompose` is set and the file is no Compose file. */
export function checkText(service: LanguageService, text: string, options: CheckOptions): CheckResult | undefined {
  const doc = service.parse(text, options.mode);
  if (options.requireCompose && !looksLikeCompose(doc)) return undefined;
  const view = options.project && service.project(options.project.path, doc, options.project.options, options.settings);
  if (!view) return { findings: report(doc, service.diagnostics(doc, options.settings), () => undefined, (finding) => hasFix(service, doc, finding)), others: new Map() };
  const own = options.project!.path;
  const linesCache = new Map<string, Lines | undefined>([[own, doc]]);
  const lines = (path: string): Lines | undefined => {
    if (!linesCache.has(path)) {
      const other = options.textOf?.(path);
      linesCache.set(path, other === undefined ? undefined : { text: other, lineIndex: new LineIndex(other) });
    }
    return linesCache.get(path);
  };
  const others = new Map<string, ReportedFinding[]>();
  for (const [path, findings] of view.diagnostics) {
    if (path === own) continue;
    const file = lines(path);
    if (file) others.set(path, report(file, findings, lines, () => false));
  }
  return { findings: report(view.doc, view.diagnostics.get(own) ?? [], lines, (finding) => hasFix(service, view.doc, finding)), others };
}

/** Findings with positions, related spans in other files with theirs, and fingerprints. */
function report(file: Lines, findings: readonly Finding[], lines: (path: string) => Lines | undefined, fixable: (finding: Finding) => boolean): ReportedFinding[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding): ReportedFinding => {
    const key = `${finding.code}\0${fingerprintText(file, finding.span.start)}`;
    const ordinal = occurrences.get(key) ?? 0;
    occurrences.set(key, ordinal + 1);
    return {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: rangeOf(file, finding.span),
      related: (finding.related ?? []).flatMap((related) => {
        if (related.path === undefined) return [{ range: rangeOf(file, related.span), message: related.message }];
        const other = lines(related.path);
        return other ? [{ range: rangeOf(other, related.span), message: related.message, path: related.path }] : [];
      }),
      ...(finding.docUrl ? { docUrl: finding.docUrl } : {}),
      fixable: fixable(finding),
      fingerprint: createHash('sha256').update(`${key}\0${ordinal}`).digest('hex').slice(0, 32),
    };
  });
}

function hasFix(service: LanguageService, doc: ComposeDocument, finding: Finding): boolean {
  return service.quickFixes(doc, finding).length > 0;
}

function rangeOf(file: Lines, span: Span): Range {
  return { start: file.lineIndex.positionAt(span.start), end: file.lineIndex.positionAt(span.end) };
}

/** Characters of a long line around a finding that its fingerprint takes in. */
const FINGERPRINT_WINDOW = 100;

/**
 * The text a fingerprint is made from: the finding's line, trimmed, so the fingerprint survives edits
 * elsewhere. Of a long line (a whole flow-style file on one line) only the characters around the
 * finding: hashing a 2 MB line for each of 1,000 findings took most of a 30 s check.
 */
function fingerprintText(file: Lines, offset: number): string {
  const { line } = file.lineIndex.positionAt(offset);
  const start = file.lineIndex.lineStart(line);
  const end = line + 1 < file.lineIndex.lineCount ? file.lineIndex.lineStart(line + 1) : file.text.length;
  if (end - start <= 2 * FINGERPRINT_WINDOW) return file.text.slice(start, end).trim();
  return file.text.slice(Math.max(start, offset - FINGERPRINT_WINDOW), Math.min(end, offset + FINGERPRINT_WINDOW)).trim();
}
