/**
 * The Compose project a file belongs to: its environment (`.env`, env files, in the CLI the process
 * environment) and the findings of the whole project, each in the file it belongs to. A file with no
 * project around it (no `.env`, no other file) gets no project, so a lone file costs nothing extra and is
 * checked exactly as before.
 */
import { dirname, type FileHost } from '../host';
import type { ComposeDocument } from '../parse/model';
import { get } from '../parse/tree';
import type { Finding } from '../types';
import { loadEnvironment, type EnvFileRequest, type LoadedEnvironment, type VariableValue } from './environment';
import { interpolateDocument, type InterpolatedDocument } from './interpolate';

export interface ProjectOptions {
  /** The process environment (the CLI); the editor passes none, so results do not depend on its shell. */
  readonly processEnv?: Readonly<Record<string, string>>;
  /** Env files to read instead of the project directory's `.env` (`--env-file`, `envFiles`). */
  readonly envFiles?: readonly string[];
}

export interface ProjectView {
  /** The file's document with the project's environment applied: what hovers and analyses read. */
  readonly doc: ComposeDocument;
  /** Findings by absolute path (the compose file and its env files), before settings. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** Computes a file's project view; caches what did not change between calls (env texts, interpolated trees). */
export class Projects {
  private readonly environments = new Map<string, { readonly key: string; readonly loaded: LoadedEnvironment }>();
  private readonly interpolated = new WeakMap<ComposeDocument, { readonly loaded: LoadedEnvironment; readonly result: InterpolatedDocument }>();

  constructor(private readonly findingsOf: (doc: ComposeDocument) => readonly Finding[]) {}

  view(path: string, doc: ComposeDocument, host: FileHost, options: ProjectOptions = {}): ProjectView | undefined {
    const directory = dirname(path);
    const requests: EnvFileRequest[] = options.envFiles?.map((file) => ({ path: file, required: true })) ?? [{ path: `${directory === '/' ? '' : directory}/.env`, required: false }];
    // docker stack deploy reads no `.env`: only the process environment.
    const loaded = this.environment(host, doc.mode === 'stack' ? [] : requests, options.processEnv);
    if (loaded.files.length === 0 && !options.processEnv) return undefined;
    const interpolated = this.interpolate(doc, loaded, directory);
    const findings = new Map<string, Finding[]>([[path, [...this.findingsOf(interpolated.doc), ...interpolated.findings]]]);
    const used = new Set([...interpolated.used, ...passedThrough(doc)]);
    for (const file of loaded.files) {
      if (file.unreadable) findings.get(path)!.push(unreadableEnvFile(file.path, file.unreadable));
      else findings.set(file.path, [...file.findings, ...unusedVariables(file, used)]);
    }
    return { doc: interpolated.doc, findings };
  }

  private environment(host: FileHost, requests: readonly EnvFileRequest[], processEnv: Readonly<Record<string, string>> | undefined): LoadedEnvironment {
    const loaded = loadEnvironment(host, requests, processEnv);
    // The same texts give the same environment object, so the interpolated documents stay cached.
    const key = JSON.stringify([loaded.files.map((file) => [file.path, file.text]), processEnv ?? null]);
    const cacheKey = requests.map((request) => request.path).join('\n');
    const cached = this.environments.get(cacheKey);
    if (cached?.key === key) return cached.loaded;
    this.environments.set(cacheKey, { key, loaded });
    return loaded;
  }

  private interpolate(doc: ComposeDocument, loaded: LoadedEnvironment, directory: string): InterpolatedDocument {
    const cached = this.interpolated.get(doc);
    if (cached?.loaded === loaded) return cached.result;
    const result = interpolateDocument(doc, loaded.environment, (value) => describeSource(value, directory));
    this.interpolated.set(doc, { loaded, result });
    return result;
  }
}

function describeSource(value: VariableValue, directory: string): string {
  if (value.source.kind === 'process') return 'the environment';
  const { path, line } = value.source;
  const name = path.startsWith(`${directory}/`) ? path.slice(directory.length + 1) : path;
  return `${name} line ${line}`;
}

/** An env file named by a setting or `--env-file` that cannot be read: docker compose stops ("couldn't find env file"). */
function unreadableEnvFile(path: string, reason: string): Finding {
  return { code: 'env-file-unreadable', severity: 'error', message: `The env file ${path} cannot be read: ${reason}.`, span: { start: 0, end: 0 } };
}

/**
 * Variables a service passes on by name (`environment: [FOO]` or `FOO:` with no value): compose-go
 * `ResolveEnvironment` fills them in from the project environment, `.env` included.
 */
function passedThrough(doc: ComposeDocument): string[] {
  const names: string[] = [];
  for (const service of doc.model.services.values()) {
    const environment = get(service.node, 'environment');
    if (environment?.kind === 'seq') {
      for (const item of environment.items) if (item.kind === 'scalar' && typeof item.value === 'string' && !item.value.includes('=')) names.push(item.value);
    } else if (environment?.kind === 'map') {
      for (const { key, value } of environment.entries) if (value.kind === 'scalar' && value.value === null) names.push(key);
    }
  }
  return names;
}

/** compose-go reads every variable of `.env`; one that no value uses is likely a leftover or a typo. */
function unusedVariables(file: LoadedEnvironment['files'][number], used: ReadonlySet<string>): Finding[] {
  return file.entries
    .filter((entry) => !used.has(entry.name) && !entry.name.startsWith('COMPOSE_') && !entry.name.startsWith('DOCKER_'))
    .map((entry) => ({
      code: 'env-variable-unused',
      severity: 'information',
      message: `'${entry.name}' is set here but no value in the Compose file uses it.`,
      span: entry.keySpan,
      tags: ['unnecessary'],
    }));
}
