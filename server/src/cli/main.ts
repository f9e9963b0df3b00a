/**
 * `shipshape check`: the language service core in a terminal or CI. Three steps, each its own module:
 * resolve the operands into files (inputs.ts, readFile.ts), check each file (check.ts), report it
 * (report/). Files are checked and reported one at a time, so memory stays that of the largest file.
 */
import { version } from '../../../package.json';
import { VENDORED_SCHEMAS } from '../schemas/index';
import { createLanguageService, rulesWith, stackModeFor, type LanguageService, type ModeChoice, type ServiceSettings } from '../service/index';
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

/** The language service with the vendored schemas; created on the first file read. */
export function defaultService(): LanguageService {
  return createLanguageService({ schemas: VENDORED_SCHEMAS });
}

export async function main(argv: readonly string[], io: CliEnvironment, createService: () => LanguageService = defaultService): Promise<number> {
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

async function check(options: CliOptions, io: CliEnvironment, createService: () => LanguageService): Promise<number> {
  let service: LanguageService | undefined;
  const config = new CliConfig(io);
  const unreadable = options.config === undefined ? undefined : config.useFile(options.config);
  if (unreadable !== undefined) {
    io.err(`shipshape: ${unreadable}\n`);
    return 2;
  }
  // With --fix-dry-run the diff is the output; the findings after the fixes are only counted.
  const reporter = createReporter(options.fix === 'dry-run' ? 'summary' : options.format, io, version);
  const totals: { files: number } & Counts = { files: 0, error: 0, warning: 0, information: 0, hint: 0 };
  let failedInputs = false;
  const problem = (display: string, reason: string) => {
    io.err(`shipshape: ${display}: ${reason}\n`);
    failedInputs = true;
  };

  const inputOptions = { cwd: io.cwd, exclude: options.exclude, modeOf: (absolute: string) => config.modeOf(absolute), configExcluded: (absolute: string) => config.excluded(absolute) };
  for (const input of resolveInputs(options.operands, inputOptions)) {
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
      service ??= createService();
      let text = read.text;
      if (options.fix !== 'none') {
        const fixed = fixFile(service, { display: input.display, absolute: input.kind === 'file' ? input.absolute : undefined, requireCompose: input.kind === 'file' && input.requireCompose }, text, mode, settings, options.fix, io);
        if ('problem' in fixed) {
          problem(input.display, fixed.problem);
          continue;
        }
        text = fixed.text;
      }
      findings = checkText(service, text, { mode, settings, requireCompose: input.kind === 'file' && input.requireCompose });
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
  reporter.end(totals);
  return failedInputs ? 2 : exitStatus(totals, options);
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
