/**
 * Reads one Shipshape configuration file: `.shipshape.yaml` / `.shipshape.yml`, or the `shipshape` key of
 * a `package.json`. The text is parsed with the core's YAML reader (so a problem points at the key where it
 * is written), validated by validate.ts, and the valid part is kept: an editor goes on with what is right,
 * the CLI refuses a file with errors. Paths in it are resolved against the file's folder.
 */
import { dirname, resolvePath } from '../host';
import { LineIndex } from '../parse/lineIndex';
import { parseYaml } from '../parse/parse';
import { entry, type Node } from '../parse/tree';
import type { Finding, RuleSetting, Span } from '../types';
import { checkConfig, type ValueProblem } from './validate';

/** Where the configuration file is documented (the README's section). */
export const CONFIG_DOCS = 'https://github.com/shipshape/shipshape#configuration';

/** A Compose project the configuration names, as `docker compose -f … --env-file …` would give it. */
export interface ProjectConfig {
  /** Absolute paths of its Compose files, in `-f` order (later files override earlier ones). */
  readonly files: readonly string[];
  /** Absolute paths of its env files, in order; empty for the `.env` beside the first file. */
  readonly envFiles: readonly string[];
}

export interface ShipshapeConfig {
  /** Severity or `off` by rule code. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Stack-file globs, relative to the configuration's folder; undefined when the file sets none. */
  readonly stackFilePatterns: readonly string[] | undefined;
  /** Globs of files and folders never checked, relative to the configuration's folder. */
  readonly exclude: readonly string[];
  readonly projects: readonly ProjectConfig[];
}

export interface ConfigFile {
  /** Absolute `/`-separated path of the file. */
  readonly path: string;
  /** Its folder: what the globs and project paths are relative to. */
  readonly folder: string;
  readonly config: ShipshapeConfig;
  /** YAML and validation problems, with spans in the file's text (`config-invalid`, `config-unknown-rule`, `yaml-*`). */
  readonly findings: readonly Finding[];
  readonly lineIndex: LineIndex;
}

/** Whether a file by this name holds its configuration under the `shipshape` key. */
export function isPackageJson(path: string): boolean {
  return path.endsWith('/package.json') || path === 'package.json';
}

/**
 * The configuration in `text`, read from `path`; undefined for a package.json without a `shipshape` key
 * (or one that is not JSON: npm reports that, and it configures nothing).
 */
export function readConfig(path: string, text: string): ConfigFile | undefined {
  const parsed = parseYaml(text);
  const tree = parsed.documents[0]?.root;
  let raw: unknown;
  let root: Node | undefined = tree;
  let findings: Finding[] = [...parsed.syntaxFindings];
  if (isPackageJson(path)) {
    const json = parseJson(text);
    if (!isObject(json) || !('shipshape' in json)) return undefined;
    raw = json['shipshape'];
    // package.json is JSON: its YAML reading serves only to locate problems (JSON with tabs is no YAML).
    root = parsed.syntaxFindings.length === 0 ? entry(tree, 'shipshape')?.value : undefined;
    findings = [];
  } else {
    // What a broken file holds is a guess: none of it applies, and the YAML error says why.
    if (findings.length > 0) return configFile(path, text, {}, findings);
    raw = tree === undefined ? {} : plain(tree);
  }
  const checked = checkConfig(raw);
  for (const problem of checked.problems) findings.push(toFinding(problem, root));
  return configFile(path, text, checked.value, findings);
}

function configFile(path: string, text: string, value: Readonly<Record<string, unknown>>, findings: readonly Finding[]): ConfigFile {
  const folder = dirname(path);
  return { path, folder, config: configOf(value, folder), findings, lineIndex: new LineIndex(text) };
}

function configOf(value: Readonly<Record<string, unknown>>, folder: string): ShipshapeConfig {
  const strings = (list: unknown) => (Array.isArray(list) ? list.map(String) : []);
  return {
    rules: (value['rules'] ?? {}) as Record<string, RuleSetting>,
    stackFilePatterns: Array.isArray(value['stackFilePatterns']) ? strings(value['stackFilePatterns']) : undefined,
    exclude: strings(value['exclude']),
    projects: (Array.isArray(value['projects']) ? (value['projects'] as Record<string, unknown>[]) : []).map((project) => ({
      files: strings(project['files']).map((file) => resolvePath(folder, file)),
      envFiles: strings(project['envFiles']).map((file) => resolvePath(folder, file)),
    })),
  };
}

function toFinding(problem: ValueProblem, root: Node | undefined): Finding {
  const code = problem.severity === 'error' ? 'config-invalid' : 'config-unknown-rule';
  return { code, severity: problem.severity, message: problem.message, span: spanAt(root, problem), docUrl: CONFIG_DOCS };
}

/** The key (for an unknown key) or the value at the problem's path; as far down as the tree goes. */
function spanAt(root: Node | undefined, problem: ValueProblem): Span {
  let node = root;
  let keySpan: Span | undefined;
  for (const part of problem.path) {
    if (node?.kind === 'map') {
      const found = entry(node, part);
      if (!found) break;
      keySpan = found.keySpan;
      node = found.value;
    } else if (node?.kind === 'seq' && node.items[Number(part)]) {
      keySpan = undefined;
      node = node.items[Number(part)];
    } else break;
  }
  if (problem.atKey && keySpan) return keySpan;
  if (node && node.span.end > node.span.start) return node.span;
  return keySpan ?? node?.span ?? { start: 0, end: 0 };
}

/** The value as plain data, as a YAML loader gives it (aliases and merge keys are resolved in the tree). */
function plain(node: Node): unknown {
  switch (node.kind) {
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const item of node.entries) object[item.key] = plain(item.value);
      return object;
    }
    case 'seq':
      return node.items.map(plain);
    case 'scalar':
      return node.value;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
