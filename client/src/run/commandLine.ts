/**
 * What a "Run" code lens types into a terminal: the command a user would type in the file's folder. Pure, so
 * it is tested without VS Code.
 */
import * as path from 'node:path';

export interface RunRequest {
  readonly mode: 'compose' | 'stack';
  /** Absolute path of the Compose or stack file. */
  readonly file: string;
  /** One service (Compose only); all of them when absent. */
  readonly service?: string;
  readonly platform: NodeJS.Platform;
}

export interface TerminalCommand {
  readonly name: string;
  readonly cwd: string;
  readonly text: string;
}

/**
 * The names `docker compose` finds by itself in a folder (compose-go cli/options.go DefaultFileNames). For
 * those the command names no file, so the `*.override.*` twin and `.env` apply exactly as they do when the
 * user runs `docker compose up` there.
 */
const DEFAULT_FILE_NAMES: ReadonlySet<string> = new Set(['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']);

/** Quotes a word for the default shell: POSIX shells, or PowerShell on Windows (both take single quotes). */
export function shellWord(word: string, platform: NodeJS.Platform): string {
  if (/^[\w./:@%+=-]+$/.test(word)) return word;
  return platform === 'win32' ? `'${word.replace(/'/g, "''")}'` : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * A stack name from the folder, as `docker stack deploy` needs one: lower case letters, digits, `-` and `_`
 * (docker/cli cli/command/stack/options.go validates it as a namespace for service names).
 */
export function stackName(folder: string): string {
  const name = path
    .basename(folder)
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return name || 'stack';
}

export function runCommand(request: RunRequest): TerminalCommand {
  const paths = request.platform === 'win32' ? path.win32 : path.posix;
  const cwd = paths.dirname(request.file);
  const base = paths.basename(request.file);
  const word = (text: string) => shellWord(text, request.platform);
  if (request.mode === 'stack') {
    const stack = stackName(cwd);
    return { name: `Shipshape: deploy ${stack}`, cwd, text: `docker stack deploy -c ${word(base)} ${word(stack)}` };
  }
  const file = DEFAULT_FILE_NAMES.has(base) ? '' : ` -f ${word(base)}`;
  const service = request.service === undefined ? '' : ` ${word(request.service)}`;
  return { name: `Shipshape: ${request.service ?? base}`, cwd, text: `docker compose${file} up${service}` };
}
