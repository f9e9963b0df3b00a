/**
 * The command line of `shipshape check`, parsed into plain options. Option syntax is Node's own
 * (`util.parseArgs`: `--format json`, `--format=json`, repeatable options, `--` ends options); this module
 * adds the meaning and the checks of each value, so every mistake is one clear `UsageError`.
 */
import { parseArgs } from 'node:util';
import type { RuleSetting, Severity } from '../service/index';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'codeclimate'] as const;
export type Format = (typeof FORMATS)[number];

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const FAIL_ON: readonly Severity[] = ['error', 'warning', 'information'];

export interface CliOptions {
  readonly stack: boolean;
  readonly format: Format;
  /** Files, folders, globs and `-`, as given. */
  readonly operands: readonly string[];
  readonly exclude: readonly string[];
  /** `--rule CODE=SEVERITY|off`, later ones winning. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Fail when there are more warnings than this. */
  readonly maxWarnings: number | undefined;
  /** The least severe finding that fails the run (exit 1). */
  readonly failOn: Severity;
  /** Report errors only. */
  readonly quiet: boolean;
  /** `--fix` writes the fixed files; `--fix-dry-run` prints the diff instead. */
  readonly fix: 'none' | 'write' | 'dry-run';
  /** `--config FILE`: this configuration for every file, instead of the one found above each file. */
  readonly config: string | undefined;
  /** `-f FILE` (repeatable): the Compose files of one project, in merge order, as `docker compose -f`. */
  readonly files: readonly string[];
  /** `--env-file FILE` (repeatable): read instead of the project directory's `.env`. */
  readonly envFiles: readonly string[];
  /** `--project-directory DIR`: where relative paths and `.env` resolve (default: the first file's folder). */
  readonly projectDirectory: string | undefined;
}

export type Command = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'check'; readonly options: CliOptions };

export class UsageError extends Error {}

export const USAGE = `Usage: shipshape check [options] [FILE | FOLDER | 'GLOB' | -]...

Checks Docker Compose and Swarm stack files for YAML, schema, network and deploy problems.
A FOLDER is searched for Compose and stack files (compose.yaml, docker-compose*.yml, *compose*.yml,
*stack*.yml), skipping node_modules, .git and .gitignore'd paths. A quoted GLOB is expanded by
shipshape ('deploy/**/*.yml'). - reads standard input. With no operand, the project in the current
folder is checked as 'docker compose' would load it (COMPOSE_FILE, or compose.yaml and its override),
else the Compose files of the current folder. A file that belongs to its folder's project (with its
override, or listed in COMPOSE_FILE) is checked merged with the other files, with its .env and the
process environment applied, as 'docker compose' does.

Options:
  --format FORMAT     text (default): file:line:col severity code message
                      json: one array of findings with 0-based LSP ranges
                      sarif: SARIF 2.1.0 (GitHub code scanning)
                      github: GitHub Actions annotations
                      junit: JUnit XML, a test suite per file
                      codeclimate: GitLab Code Quality report
  --stack             check every file as a Swarm stack file (docker stack deploy); otherwise
                      files named *stack*.yml / *stack*.yaml are stack files
  --exclude GLOB      leave out matching files and folders (repeatable); a GLOB without '/'
                      matches a name at any depth
  --rule CODE=LEVEL   set a rule's severity (error, warning, information, hint) or turn it off
                      (off); repeatable
  --fail-on LEVEL     exit 1 when a finding is at least this severe: error (default), warning
                      or information
  --max-warnings N    also exit 1 when there are more than N warnings
  --quiet             report errors only
  --fix               apply the preferred quick fixes (as the editor offers them) until none
                      is left, write each file atomically, then report what remains; files
                      with YAML errors are left alone
  --fix-dry-run       print the fixes as a diff instead of writing them
  --config FILE       use this configuration (YAML, or package.json's "shipshape" key) for
                      every file; otherwise each file's .shipshape.yaml, .shipshape.yml or
                      package.json is found in its folder or above, up to the repository root
  -f, --file FILE     a Compose file of the project (repeatable, in merge order, as with
                      'docker compose -f'); the files are checked together, each finding in
                      its own file
  --env-file FILE     read FILE instead of the project directory's .env (repeatable)
  --project-directory DIR
                      the project directory (default: the folder of the first -f file, or
                      the current folder)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it (or more warnings than
--max-warnings), 2 usage error, an operand that could not be read or named no Compose file, or a
configuration file with errors.
`;

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        stack: { type: 'boolean' },
        format: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        config: { type: 'string' },
        file: { type: 'string', short: 'f', multiple: true },
        'env-file': { type: 'string', multiple: true },
        'project-directory': { type: 'string' },
      },
    });
  } catch (error) {
    // Node's message for an unknown option goes on about positionals; its first sentence says it all.
    // Some of Node's messages span lines: a usage error stays one line.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, '').replace(/\s*\n\s*/g, ' '));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...operands] = positionals;
  if (command === undefined) throw new UsageError('missing command (shipshape check ...)');
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (values.file?.length && operands.length > 0) throw new UsageError("-f names the project's files: give no other FILE or FOLDER with it");
  if (values.file?.includes('-')) throw new UsageError('-f - (standard input) is not supported: name the files');
  return {
    kind: 'check',
    options: {
      stack: values.stack ?? false,
      format: oneOf('--format', values.format ?? 'text', FORMATS),
      operands,
      exclude: values.exclude ?? [],
      rules: parseRules(values.rule ?? []),
      maxWarnings: values['max-warnings'] === undefined ? undefined : count('--max-warnings', values['max-warnings']),
      failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON),
      quiet: values.quiet ?? false,
      fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
      config: values.config,
      files: values.file ?? [],
      envFiles: values['env-file'] ?? [],
      projectDirectory: values['project-directory'],
    },
  };
}

function parseRules(items: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const item of items) {
    const match = /^([a-z0-9][a-z0-9-]*)=(.*)$/.exec(item);
    if (!match) throw new UsageError(`--rule takes CODE=LEVEL (e.g. port-unquoted=off), not '${item}'`);
    rules[match[1]!] = oneOf(`--rule ${match[1]}`, match[2]!, RULE_SETTINGS);
  }
  return rules;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be ${allowed.map((a) => `'${a}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}, not '${value}'`);
}

function count(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} takes a whole number of 0 or more, not '${value}'`);
  return Number(value);
}
