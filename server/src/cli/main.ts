/** `shipshape check [--stack] [--format text|json] FILE...`: the language service core in a terminal or CI. */
import { readFileSync } from 'node:fs';
import schema from '../../../schemas/compose-spec.json';
import stackSchema from '../../../schemas/stack-v3.13.json';
import { createLanguageService, modeForPath } from '../service/index';
import { formatJson, formatText, summary, type FileReport } from './format';
import { append } from '../service/append';

const USAGE = `Usage: shipshape check [--stack] [--format text|json] FILE...

Checks Docker Compose and Swarm stack files for YAML, schema, network and deploy problems.

Options:
  --stack          check every FILE as a Swarm stack file (docker stack deploy);
                   otherwise files named *stack*.yml / *stack*.yaml are stack files
  --format FORMAT  text (default): file:line:col severity code message
                   json: one array of findings with 0-based LSP ranges
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.
`;

/** Files larger than this are refused rather than parsed: Compose files are never this big. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

interface Options {
  readonly stack: boolean;
  readonly format: 'text' | 'json';
  readonly files: readonly string[];
}

class UsageError extends Error {}

export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let options: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      out(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      out('0.1.0\n');
      return 0;
    }
    options = parsed;
  } catch (error) {
    err(`shipshape: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const service = createLanguageService({ schema, stackSchema });
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of options.files) {
    const text = readText(file, err);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const doc = service.parse(text, options.stack ? 'stack' : modeForPath(file));
    reports.push({ file, doc, findings: service.diagnostics(doc) });
  }
  out(options.format === 'json' ? formatJson(reports) : formatText(reports));
  if (options.format === 'text' && reports.length > 0) err(summary(reports));
  if (unreadable) return 2;
  return reports.some((report) => report.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help')) return 'help';
  if (args.includes('-v') || args.includes('--version')) return 'version';
  const command = args.shift();
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
  let stack = false;
  let format: Options['format'] = 'text';
  const files: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--stack') stack = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args.shift();
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be 'text' or 'json', not '${value ?? ''}'`);
      format = value;
    } else if (arg === '--') append(files, args.splice(0));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('no files given');
  return { stack, format, files };
}

function readText(file: string, err: (s: string) => void): string | undefined {
  try {
    const bytes = readFileSync(file === '-' ? 0 : file);
    if (bytes.length > MAX_FILE_BYTES) {
      err(`shipshape: ${file}: file is ${(bytes.length / 1048576).toFixed(0)} MB; Compose files over ${MAX_FILE_BYTES / 1048576} MB are not checked\n`);
      return undefined;
    }
    if (bytes.includes(0)) {
      err(`shipshape: ${file}: binary file (contains NUL bytes), not a Compose file\n`);
      return undefined;
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    err(`shipshape: ${file}: ${reason}\n`);
    return undefined;
  }
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } catch (error) {
    // A bug in the core: say so in one line rather than with a stack trace, and exit as for unreadable input.
    process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
