/**
 * The Compose project a file belongs to: its environment (`.env`, env files, in the CLI the process
 * environment) and the findings of the whole project, each in the file it belongs to. A file with no
 * project around it (no `.env`, no other file) gets no project, so a lone file costs nothing extra and is
 * checked exactly as before.
 */
import { dirname, resolvePath, type FileHost } from '../host';
import { LineIndex } from '../parse/lineIndex';
import { parseCompose, type ComposeDocument, type Element } from '../parse/model';
import type { SectionName } from '../parse/sections';
import { perDocument } from '../perDocument';
import { get } from '../parse/tree';
import { perServiceFacts } from '../analyses/serviceFacts';
import type { Finding, RelatedSpan, Span } from '../types';
import { explicitProject, folderProject, projectsOf, type ProjectSpec } from './discovery';
import { effectiveProject, type EffectiveProject, type ProjectFile, type ProjectLoader } from './effective';
import { Slots, type FileSpan } from './layout';
import { loadEnvironment, type EnvFileRequest, type Environment, type LoadedEnvironment, type VariableValue } from './environment';
import { interpolateDocument, type InterpolatedDocument } from './interpolate';

export { explicitProject, listedProjects, type ProjectSpec } from './discovery';

export interface ProjectOptions {
  /** The process environment (the CLI); the editor passes none, so results do not depend on its shell. */
  readonly processEnv?: Readonly<Record<string, string>>;
  /** Env files to read instead of the project directory's `.env` (`--env-file`, `envFiles`). */
  readonly envFiles?: readonly string[];
  /** Explicit sets of files (`-f`, the `shipshape.projects` setting); a file they list is checked in them. */
  readonly projects?: readonly ProjectSpec[];
}

export interface ProjectView {
  /** The file's document with the project's environment applied: what hovers and analyses read. */
  readonly doc: ComposeDocument;
  /** Findings by absolute path (the compose file, the other files of its project, env files), before settings. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Every file the view read or looked for: when one changes, the view is stale. */
  readonly files: readonly string[];
  /** Line indexes of the files findings and related spans point into. */
  lineIndex(path: string): LineIndex | undefined;
  /** The project's Compose files as read (own offsets), for navigation across files; one entry for a lone file. */
  readonly members: readonly ProjectFile[];
  /**
   * `doc` whose model also holds the services, networks, volumes, secrets and configs only the other files
   * declare: what hover and completion read to describe and offer names. Their nodes lie in other files,
   * so nothing may take a position from them (other features keep `doc`).
   */
  readonly lookupDoc: ComposeDocument;
  /** The merged model of a project of several files and where its spans lie; undefined for a lone file. */
  readonly merged?: { readonly doc: ComposeDocument; locate(span: Span): FileSpan | undefined };
}

/** What the project needs from the language service: findings of a document, whole or per file. */
export interface ProjectFindings {
  /** Every finding of a document (syntax, schema, analyses). */
  readonly all: (doc: ComposeDocument) => readonly Finding[];
  /**
   * What compose-go checks on each file before merging (schema, obsolete keys) and YAML syntax: run on
   * every file of a project, so a value a later file overrides is still judged where it is written.
   */
  readonly perFile: (doc: ComposeDocument) => readonly Finding[];
}

/** Files of a project beyond this many are not read (a COMPOSE_FILE listing hundreds is a mistake). */
const MAX_PROJECT_FILES = 64;

/** Computes a file's project view; caches what did not change between calls (env texts, parsed and interpolated files, the merged model). */
export class Projects {
  private readonly environments = new Map<string, { readonly key: string; readonly loaded: LoadedEnvironment }>();
  private readonly interpolated = new WeakMap<ComposeDocument, { readonly environment: Environment; readonly result: InterpolatedDocument }>();
  /** Compose files of a project that are not the document asked about, by path: parsed once per text. */
  private readonly parsed = new Map<string, ComposeDocument>();
  private readonly effective = new Map<string, EffectiveProject>();
  private readonly slots = new Map<string, Slots>();

  constructor(private readonly findingsOf: ProjectFindings) {}

  view(path: string, doc: ComposeDocument, host: FileHost, options: ProjectOptions = {}): ProjectView | undefined {
    const directory = dirname(path);
    // docker stack deploy reads no `.env` and merges no override: only the process environment.
    if (doc.mode === 'stack') return this.singleFile(path, doc, this.environment(host, [], options.processEnv), directory, options);
    const folderEnv = this.environment(host, envRequests(directory, options.envFiles), options.processEnv);
    const folder = options.projects?.length ? undefined : folderProject(directory, host, folderEnv.environment);
    let specs = projectsOf(path, options.projects ?? [], folder).filter((spec) => spec.files.length > 1 || readsOtherFiles(doc));
    if (specs.length === 0 && readsOtherFiles(doc)) specs = [explicitProject([path])];
    if (specs.length === 0) return this.singleFile(path, doc, folderEnv, directory, options);
    const views = specs.map((spec) => this.projectView(path, doc, host, spec, options));
    return views.length === 1 ? views[0] : combine(views);
  }

  /** The files `docker compose` run in `directory` loads (COMPOSE_FILE from its `.env` or the process, else the default names). */
  folderFiles(directory: string, host: FileHost, options: ProjectOptions = {}): readonly string[] | undefined {
    return folderProject(directory, host, this.environment(host, envRequests(directory, options.envFiles), options.processEnv).environment)?.files;
  }

  /** A file with no other Compose file around it: its environment applied, when it has one. */
  private singleFile(path: string, doc: ComposeDocument, loaded: LoadedEnvironment, directory: string, options: ProjectOptions): ProjectView | undefined {
    if (loaded.files.length === 0 && !options.processEnv) return undefined;
    const interpolated = this.interpolate(doc, loaded.environment, directory);
    const findings = new Map<string, Finding[]>([[path, [...this.findingsOf.all(interpolated.doc), ...interpolated.findings]]]);
    envFindings(findings, path, loaded, new Set([...interpolated.used, ...passedThrough(doc)]));
    const lineIndexes = new Map([[path, doc.lineIndex], ...envLineIndexes(loaded)]);
    return { doc: interpolated.doc, findings, files: [path, ...loaded.files.map((file) => file.path), `${directory === '/' ? '' : directory}/.env`], lineIndex: (file) => lineIndexes.get(file), members: [{ path, doc: interpolated.doc, environment: loaded.environment }], lookupDoc: interpolated.doc };
  }

  private projectView(path: string, doc: ComposeDocument, host: FileHost, spec: ProjectSpec, options: ProjectOptions): ProjectView {
    const loaded = this.environment(host, envRequests(spec.directory, spec.envFiles ?? options.envFiles), options.processEnv);
    const used = new Set<string>();
    const interpolationFindings = new Map<string, readonly Finding[]>();
    const loader: ProjectLoader = {
      file: (file, environment) => {
        const own = file === path ? doc : this.parse(file, host);
        if ('problem' in own) return own;
        const interpolated = this.interpolate(own, environment, spec.directory);
        for (const name of interpolated.used) used.add(name);
        for (const name of passedThrough(own)) used.add(name);
        interpolationFindings.set(file, interpolated.findings);
        return { path: file, doc: interpolated.doc, environment };
      },
      includedEnvironment: (parent, envFiles, required) => {
        const included = this.environment(host, envFiles.map((file) => ({ path: file, required })), undefined);
        // compose-go `ApplyInclude`: the including project's variables win over the included `.env`.
        return { get: (name) => parent.get(name) ?? included.environment.get(name) };
      },
    };
    const project = this.effectiveProject(spec, loaded.environment, loader);
    const findings = new Map<string, Finding[]>();
    const add = (file: string, finding: Finding) => {
      const list = findings.get(file);
      if (list) list.push(finding);
      else findings.set(file, [finding]);
    };
    for (const member of project.files) {
      if (findings.has(member.path)) continue;
      findings.set(member.path, []);
      for (const finding of this.findingsOf.perFile(member.doc)) add(member.path, finding);
      for (const finding of interpolationFindings.get(member.path) ?? []) add(member.path, finding);
    }
    for (const finding of [...this.findingsOf.all(project.doc), ...project.findings]) {
      const located = locateFinding(project, finding, path);
      if (located) add(located.path, located.finding);
    }
    for (const [file, list] of findings) findings.set(file, dedupe(list));
    envFindings(findings, path, loaded, used);
    const lineIndexes = new Map<string, LineIndex>([...project.files.map((member): [string, LineIndex] => [member.path, member.doc.lineIndex]), ...envLineIndexes(loaded)]);
    const own = project.files.find((member) => member.path === path)?.doc ?? doc;
    const files = [...new Set([...spec.files, ...project.files.map((member) => member.path), ...loaded.files.map((file) => file.path), resolvePath(spec.directory, '.env')])];
    const members = uniqueMembers(project.files);
    return { doc: own, findings, files, lineIndex: (file) => lineIndexes.get(file), members, lookupDoc: withNamesOf(own, members), merged: { doc: project.doc, locate: (span) => project.layout.locate(span) } };
  }

  /** The merged model, reused while every file it read is the same version. */
  private effectiveProject(spec: ProjectSpec, environment: Environment, loader: ProjectLoader): EffectiveProject {
    const key = JSON.stringify([spec.directory, spec.files, spec.envFiles ?? null]);
    const cached = this.effective.get(key);
    // Reading each file again also gathers its interpolation findings for this view.
    if (cached?.environment === environment && cached.files.every((member) => sameFile(loader.file(member.path, member.environment), member))) return cached;
    const slots = this.slots.get(key) ?? new Slots();
    this.slots.set(key, slots);
    const project = effectiveProject({ ...spec, files: spec.files.slice(0, MAX_PROJECT_FILES) }, environment, loader, slots);
    this.effective.set(key, project);
    return project;
  }

  /** A Compose file of the project other than the document asked about, parsed once per text. */
  private parse(path: string, host: FileHost): ComposeDocument | { readonly problem: string; readonly refused?: boolean } {
    const read = host.read(path);
    if (read.kind !== 'text') return read.kind === 'missing' ? { problem: 'it does not exist' } : { problem: read.reason, refused: true };
    const previous = this.parsed.get(path);
    if (previous?.text === read.text) return previous;
    const doc = parseCompose(read.text, 'compose', previous);
    this.parsed.set(path, doc);
    return doc;
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

  private interpolate(doc: ComposeDocument, environment: Environment, directory: string): InterpolatedDocument {
    const cached = this.interpolated.get(doc);
    if (cached?.environment === environment) return cached.result;
    const result = interpolateDocument(doc, environment, (value) => describeSource(value, directory));
    this.interpolated.set(doc, { environment, result });
    return result;
  }
}

function sameFile(read: ProjectFile | { readonly problem: string }, member: ProjectFile): boolean {
  return !('problem' in read) && read.doc === member.doc;
}

function envRequests(directory: string, envFiles: readonly string[] | undefined): EnvFileRequest[] {
  return envFiles?.map((file) => ({ path: file, required: true })) ?? [{ path: resolvePath(directory, '.env'), required: false }];
}

/**
 * Whether the file reads other Compose files itself (`include`, `extends: {file}`): then it is a project even
 * alone. Once per version: every hover and completion asks (issue 18). Each service's answer is kept with its
 * facts (serviceFacts.ts), so a version does not read the tree of every service an edit moved.
 */
const readsOtherFiles = perDocument((doc: ComposeDocument): boolean => doc.model.topLevel.some((entry) => entry.key === 'include') || extendsFiles(doc).some((service) => service.facts));

const extendsFiles = perServiceFacts((service, _mode, frame): boolean => {
  const file = get(get(service.node, 'extends'), 'file');
  // The span makes the answer found again for every version when it comes from an anchor outside the service.
  if (file) frame.span(file.span);
  return file !== undefined;
});

/** A finding of the merged model in the file it lies in, its related spans naming their files. */
function locateFinding(project: EffectiveProject, finding: Finding, fallback: string): { path: string; finding: Finding } | undefined {
  const at = project.layout.locate(finding.span);
  const path = at?.path ?? fallback;
  const related = finding.related?.flatMap((item): RelatedSpan[] => {
    const where = project.layout.locate(item.span);
    if (!where) return [];
    return [where.path === path ? { span: where.span, message: item.message } : { span: where.span, message: item.message, path: where.path }];
  });
  return { path, finding: { ...finding, span: at?.span ?? { start: 0, end: 0 }, ...(related ? { related } : {}) } };
}

/** Findings that several files or projects report alike, once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}\0${finding.span.start}\0${finding.span.end}\0${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A file in several projects: each project's findings, without duplicates. */
function combine(views: readonly ProjectView[]): ProjectView {
  const findings = new Map<string, Finding[]>();
  for (const view of views) for (const [path, list] of view.findings) findings.set(path, dedupe([...(findings.get(path) ?? []), ...list]));
  const first = views[0]!;
  const members = uniqueMembers(views.flatMap((view) => view.members));
  return { doc: first.doc, findings, files: [...new Set(views.flatMap((view) => view.files))], lineIndex: (path) => views.map((view) => view.lineIndex(path)).find(Boolean), members, lookupDoc: withNamesOf(first.doc, members) };
}

/** The document with the names its project's other files declare added to its model (its own win). */
function withNamesOf(doc: ComposeDocument, members: readonly ProjectFile[]): ComposeDocument {
  const others = members.filter((member) => member.doc !== doc);
  if (others.length === 0) return doc;
  const section = (name: SectionName): ReadonlyMap<string, Element> => {
    const names = new Map(doc.model[name]);
    for (const member of others) for (const [key, element] of member.doc.model[name]) if (!names.has(key)) names.set(key, element);
    return names;
  };
  return { ...doc, model: { ...doc.model, services: section('services'), networks: section('networks'), volumes: section('volumes'), secrets: section('secrets'), configs: section('configs') } };
}

function uniqueMembers(members: readonly ProjectFile[]): ProjectFile[] {
  const seen = new Set<string>();
  return members.filter((member) => !seen.has(member.path) && Boolean(seen.add(member.path)));
}

function envLineIndexes(loaded: LoadedEnvironment): [string, LineIndex][] {
  return loaded.files.flatMap((file): [string, LineIndex][] => (file.text === undefined ? [] : [[file.path, new LineIndex(file.text)]]));
}

/** Env file findings (bad lines, unused variables) in each env file; an unreadable one on the compose file. */
function envFindings(findings: Map<string, Finding[]>, path: string, loaded: LoadedEnvironment, used: ReadonlySet<string>): void {
  for (const file of loaded.files) {
    if (file.unreadable) findings.set(path, [...(findings.get(path) ?? []), unreadableEnvFile(file.path, file.unreadable)]);
    else findings.set(file.path, [...file.findings, ...unusedVariables(file, used)]);
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
