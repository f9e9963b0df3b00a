/**
 * `shipshape check`: the language service core in a terminal or CI. Three steps, each its own module:
 * resolve the operands into files (inputs.ts, readFile.ts), check each file (check.ts), report it
 * (report/). Files are checked and reported one at a time, so memory stays that of the largest file.
 */
import { version } from '../../../package.json';
import { VENDORED_SCHEMAS } from '../schemas/index';
import { createLanguageService, rulesWith, stackModeFor, type LanguageService, type ModeChoice, type ServiceSettings, explicitProject, listedProjects, type ConfigFile, type FileHost, type ProjectOptions } from '../service/index';
import { LspFileHost } from '../lsp/fileHost';
import { parseCommand, USAGE, UsageError, type CliOptions } from './args';
import * as nodePath from 'node:path';
import { checkText, type ReportedFinding } from './check';
import { CliConfig } from './config';
import { fixFile } from './fix';
import type { CliEnvironment } from './environment';
import { resolveInputs } from './inputs';
import { readBounded, readStdin } from './readFile';
import { createReporter } from './report/index';
import type { Counts } from './report/reporter';
import { exitStatus, keepReported } from './thresholds';
import { toPosix } from './walk';

/** The language service with the vendored schemas, reading a project's other files through `host`. */
export function defaultService(host: FileHost): LanguageService {
  return createLanguageService({ schemas: VENDORED_SCHEMAS, host });
}

export async function main(argv: readonly string[], io: CliEnvironment, createService: (host: FileHost) => LanguageService = defaultService): Promise<number> {
  let options: CliOptions;
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command.kind === 'version') {
      io.out(`${version}\n`);
      return 0;
    }
    options = command.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`shipshape: ${error.message}\nRun 'shipshape --help' for usage.\n`);
    return 2;
  }
  return check(options, io, createService);
}

async function check(options: CliOptions, io: CliEnvironment, createService: (host: FileHost) => LanguageService): Promise<number> {
  const config = new CliConfig(io);
  const unreadable = options.config === undefined ? undefined : config.useFile(options.config);
  if (unreadable !== undefined) {
    io.err(`shipshape: ${unreadable}\n`);
    return 2;
  }
  // The project's other files (`.env`, overrides, includes) are read only under the folders the user
  // named: the current folder, the project directory, and each checked file's folder.
  const host = new LspFileHost();
  const roots = new Set([io.cwd, ...(options.projectDirectory ? [nodePath.resolve(io.cwd, options.projectDirectory)] : [])].map(toPosix));
  host.setRoots([...roots]);
  const allowFolderOf = (absolute: string) => {
    const folder = toPosix(nodePath.dirname(absolute));
    if (roots.has(folder)) return;
    roots.add(folder);
    host.setRoots([...roots]);
  };
  const service = createService(host);
  const projectOptions = cliProjectOptions(options, io);
  for (const file of options.files) allowFolderOf(nodePath.resolve(io.cwd, file));
  // No operand: the project `docker compose` would load here, when there is one.
  const operands = options.files.length > 0 ? options.files : options.operands.length > 0 ? options.operands : (service.folderProject(toPosix(io.cwd), projectOptions) ?? []).map((file) => nodePath.relative(io.cwd, file) || file);
  const others = new Map<string, ReportedFinding[]>();
  const checked = new Set<string>();
  // With --fix-dry-run the diff is the output; the findings after the fixes are only counted.
  const reporter = createReporter(options.fix === 'dry-run' ? 'summary' : options.format, io, version);
  const totals: { files: number } & Counts = { files: 0, error: 0, warning: 0, information: 0, hint: 0 };
  let failedInputs = false;
  const problem = (display: string, reason: string) => {
    io.err(`shipshape: ${display}: ${reason}\n`);
    failedInputs = true;
  };

  const inputOptions = { cwd: io.cwd, exclude: options.exclude, modeOf: (absolute: string) => config.modeOf(absolute), configExcluded: (absolute: string) => config.excluded(absolute) };
  for (const input of resolveInputs(operands, inputOptions)) {
    if (input.kind === 'problem') {
      problem(input.display, input.reason);
      continue;
    }
    // Standard input is configured as a file in the current folder would be.
    const configured = config.forFile(input.kind === 'stdin' ? nodePath.join(io.cwd, '-') : input.absolute);
    if (configured === 'broken') {
      failedInputs = true;
      continue;
    }
    // Precedence: defaults < configuration file < flags.
    const settings: ServiceSettings = { rules: rulesWith(configured.file, options.rules) };
    const read = input.kind === 'stdin' ? await readStdin(io.stdin) : readBounded(input.absolute);
    if (read.kind !== 'text') {
      problem(input.display, read.kind === 'missing' ? 'no such file' : read.reason);
      continue;
    }
    // --stack is the caller's choice; otherwise the core decides from the setting, the modeline, the name and the content.
    const mode: ModeChoice = options.stack ? 'stack' : input.kind === 'stdin' ? {} : stackModeFor(toPosix(input.absolute), configured.file);
    let findings: ReportedFinding[] | undefined;
    try {
      let text = read.text;
      if (options.fix !== 'none') {
        const fixed = fixFile(service, { display: input.display, absolute: input.kind === 'file' ? input.absolute : undefined, requireCompose: input.kind === 'file' && input.requireCompose }, text, mode, settings, options.fix, io);
        if ('problem' in fixed) {
          problem(input.display, fixed.problem);
          continue;
        }
        text = fixed.text;
      }
      if (input.kind === 'file') allowFolderOf(input.absolute);
      const result = checkText(service, text, {
        mode,
        settings,
        requireCompose: input.kind === 'file' && input.requireCompose,
        ...(input.kind === 'file' ? { project: { path: toPosix(input.absolute), options: withConfiguredProjects(projectOptions, configured.file) } } : {}),
        textOf: (path) => {
          const other = host.read(path);
          return other.kind === 'text' ? other.text : undefined;
        },
      });
      findings = result?.findings.map((finding) => relatedPaths(finding, io.cwd));
      if (input.kind === 'file') checked.add(toPosix(input.absolute));
      for (const [path, list] of result?.others ?? []) if (!others.has(path)) others.set(path, list.map((finding) => relatedPaths(finding, io.cwd)));
    } catch (error) {
      // A bug in the core: one line naming the file, and the other files are still checked.
      problem(input.display, `internal error: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (findings === undefined) continue;
    const path = input.kind === 'stdin' ? '-' : reportPath(io.cwd, input.absolute);
    const reported = keepReported({ display: input.display, path, findings }, options);
    totals.files++;
    for (const finding of reported.findings) totals[finding.severity]++;
    reporter.file(reported);
  }
  // Findings in files of the projects that were not checked themselves (`.env`, an included file), once each.
  for (const [path, findings] of others) {
    if (checked.has(path)) continue;
    const reported = keepReported({ display: reportPath(io.cwd, path), path: reportPath(io.cwd, path), findings }, options);
    if (reported.findings.length === 0) continue;
    totals.files++;
    for (const finding of reported.findings) totals[finding.severity]++;
    reporter.file(reported);
  }
  reporter.end(totals);
  return failedInputs ? 2 : exitStatus(totals, options);
}

/** What `docker compose` reads besides the files: the process environment, `--env-file`, `-f` as one project. */
function cliProjectOptions(options: CliOptions, io: CliEnvironment): ProjectOptions {
  const processEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(io.env)) if (value !== undefined) processEnv[name] = value;
  const absolute = (file: string) => toPosix(nodePath.resolve(io.cwd, file));
  const envFiles = options.envFiles.length > 0 ? options.envFiles.map(absolute) : undefined;
  const directory = options.projectDirectory === undefined ? undefined : absolute(options.projectDirectory);
  const projects = options.files.length > 0 ? [explicitProject(options.files.map(absolute), directory, envFiles)] : undefined;
  return { processEnv, ...(envFiles ? { envFiles } : {}), ...(projects ? { projects } : {}) };
}

/** The projects of the file's `.shipshape.yaml` join the options, unless `-f` named the project. */
function withConfiguredProjects(options: ProjectOptions, file: ConfigFile | undefined): ProjectOptions {
  const listed = listedProjects(file?.config.projects ?? []);
  if (listed.length === 0 || options.projects) return options;
  return { ...options, projects: listed };
}

/** Related spans in other files name them as the report names files. */
function relatedPaths(finding: ReportedFinding, cwd: string): ReportedFinding {
  if (!finding.related.some((related) => related.path !== undefined)) return finding;
  return { ...finding, related: finding.related.map((related) => (related.path === undefined ? related : { ...related, path: reportPath(cwd, related.path) })) };
}

/** `/`-separated, relative to `cwd` when inside it, else absolute. */
function reportPath(cwd: string, absolute: string): string {
  const relative = nodePath.relative(cwd, absolute);
  return toPosix(relative.startsWith('..') || nodePath.isAbsolute(relative) ? absolute : relative);
}

if (require.main === module) {
  const io: CliEnvironment = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
  main(process.argv.slice(2), io).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      // A bug in the CLI itself: say so in one line rather than with a stack trace.
      process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
