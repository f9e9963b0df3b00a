/**
 * Turns the operands of `shipshape check` into the files to check, one at a time: files as named,
 * folders walked for the files `docker compose` and `docker stack deploy` users name Compose and stack
 * files, quoted globs (`'deploy/**\/*.yml'`), `-` for standard input, and with no operand the Compose
 * files of the current folder. `--exclude` globs apply to all of them. Operands that name nothing give a
 * `problem` input, so the caller reports it in line with the checked files and exits 2.
 */
import { statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { mayBeStackFile, type ModeChoice } from '../service/index';
import { failure } from './readFile';
import { toPosix, walkFiles, type PathFilter } from './walk';

export type Input =
  /**
   * `requireCompose`: found by a folder walk or a glob under a stack-file name (`*stack*.yml` also
   * matches Haskell's `stack.yaml`), so it is checked only when its content looks like Compose.
   */
  | { readonly kind: 'file'; readonly display: string; readonly absolute: string; readonly requireCompose: boolean }
  | { readonly kind: 'stdin'; readonly display: '-' }
  | { readonly kind: 'problem'; readonly display: string; readonly reason: string };

export interface InputOptions {
  readonly cwd: string;
  readonly exclude: readonly string[];
  /** Stack or Compose by the file's configuration (`stackFilePatterns`): stack files are found in folders too. */
  readonly modeOf: (absolute: string) => ModeChoice;
  /** Left out by the file's configuration (`exclude`), as `--exclude` leaves files out. */
  readonly configExcluded: (absolute: string) => boolean;
}

/**
 * Names Compose users give their files: `compose.yaml`, `docker-compose.yml`, the override files, and
 * variants such as `docker-compose.prod.yml`, `docker-compose-tls.yml`, `compose.observability.yaml`,
 * `monitoring-compose.yml`. (compose-go `cli/options.go` DefaultFileNames / DefaultOverrideFileNames
 * are the first four; the rest are what the corpus shows people write.)
 */
const COMPOSE_FILE_NAME = /(?:^|[-_.])compose(?:[-_.][^/]*)?\.ya?ml$/i;

export const LOOKED_FOR = 'compose.yaml, docker-compose.yml, *compose*.yml or *stack*.yml';

export function* resolveInputs(operands: readonly string[], options: InputOptions): Generator<Input> {
  const flags = excludeFilter(options.exclude, options.cwd);
  const filter: PathFilter = { excluded: (absolute, isDirectory) => flags.excluded(absolute, isDirectory) || options.configExcluded(absolute) };
  // A file named twice (`. compose.yaml`) is checked once.
  const seen = new Set<string>();
  const fresh = (absolute: string): boolean => {
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  };

  if (operands.length === 0) {
    let found = false;
    for (const absolute of walkFiles(options.cwd, filter, false)) {
      const kind = composeKind(absolute, options.modeOf);
      if (kind === undefined) continue;
      found = true;
      yield { kind: 'file', display: path.basename(absolute), absolute, requireCompose: kind === 'stack-name' };
    }
    if (!found) yield { kind: 'problem', display: '.', reason: `no Compose files in the current folder (looked for ${LOOKED_FOR}); name the files or folders to check` };
    return;
  }

  for (const operand of operands) {
    if (operand === '-') {
      yield { kind: 'stdin', display: '-' };
      continue;
    }
    const absolute = path.resolve(options.cwd, operand);
    const stats = statOrError(absolute);
    if (typeof stats === 'string' && picomatch.scan(operand).isGlob) {
      yield* globInputs(operand, options, filter, fresh);
    } else if (typeof stats === 'string') {
      yield { kind: 'problem', display: operand, reason: stats };
    } else if (stats.isDirectory()) {
      yield* folderInputs(operand, absolute, options, filter, fresh);
    } else if (!filter.excluded(absolute, false) && fresh(absolute)) {
      // Named explicitly: checked whatever its name, and refused by the reader if it is no regular file.
      yield { kind: 'file', display: operand, absolute, requireCompose: false };
    }
  }
}

function* folderInputs(operand: string, root: string, options: InputOptions, filter: PathFilter, fresh: (a: string) => boolean): Generator<Input> {
  let found = false;
  for (const absolute of walkFiles(root, filter)) {
    const kind = composeKind(absolute, options.modeOf);
    if (kind === undefined) continue;
    found = true;
    if (fresh(absolute)) yield { kind: 'file', display: path.join(operand, path.relative(root, absolute)), absolute, requireCompose: kind === 'stack-name' };
  }
  if (!found) yield { kind: 'problem', display: operand, reason: `no Compose or stack files found in this folder (looked for ${LOOKED_FOR})` };
}

function* globInputs(operand: string, options: InputOptions, filter: PathFilter, fresh: (a: string) => boolean): Generator<Input> {
  const { base, glob } = picomatch.scan(operand);
  const root = path.resolve(options.cwd, base || '.');
  const matches = picomatch(glob);
  let found = false;
  for (const absolute of walkFiles(root, filter)) {
    if (!matches(toPosix(path.relative(root, absolute)))) continue;
    found = true;
    if (fresh(absolute)) yield { kind: 'file', display: path.join(base, path.relative(root, absolute)), absolute, requireCompose: false };
  }
  if (!found) yield { kind: 'problem', display: operand, reason: 'no files match this pattern' };
}

/** A folder walk takes every name with `stack` in it, and whatever a user-set stack pattern matches. */
function composeKind(absolute: string, modeOf: InputOptions['modeOf']): 'compose-name' | 'stack-name' | undefined {
  if (COMPOSE_FILE_NAME.test(path.basename(absolute))) return 'compose-name';
  if (/\.ya?ml$/i.test(absolute) && (mayBeStackFile(toPosix(absolute)) || isStackBySetting(modeOf(absolute)))) return 'stack-name';
  return undefined;
}

function statOrError(absolute: string): Stats | string {
  try {
    return statSync(absolute);
  } catch (error) {
    const read = failure(error);
    return read.kind === 'refused' ? read.reason : 'no such file or folder';
  }
}

/**
 * `--exclude` globs, matched against the path relative to the current folder (and the absolute path);
 * a pattern without `/` matches a file or folder name anywhere (`--exclude 'test*'`), as in `.gitignore`.
 */
export function excludeFilter(patterns: readonly string[], cwd: string): PathFilter {
  if (patterns.length === 0) return { excluded: () => false };
  const matchers = patterns.map((pattern) => picomatch(pattern.replace(/\/$/, ''), { dot: true, basename: !pattern.replace(/\/$/, '').includes('/') }));
  return {
    excluded: (absolute) => {
      const relative = toPosix(path.relative(cwd, absolute));
      const posixAbsolute = toPosix(absolute);
      return matchers.some((match) => match(relative) || match(posixAbsolute));
    },
  };
}

function isStackBySetting(choice: ModeChoice): boolean {
  return choice === 'stack' || (typeof choice === 'object' && choice.stackBySetting === true);
}
