/**
 * What a file's name says about its mode. Compose's own names (`compose.yaml`, `docker-compose.yml`
 * and their `.override`/`.prod` variants) say Compose; a few names say stack; anything else, including
 * `full-stack.yml` or `kafka-stack.yml` (web-app and Kafka Compose files), says nothing and leaves the
 * decision to the content (mode/decide.ts).
 */
import type { ComposeMode } from '../types';
import { compileGlob, type Glob } from './glob';

/**
 * Names that mean a stack file: `docker-stack.yml` is the name Docker's docs and samples use
 * (docs.docker.com/engine/swarm/stack-deploy/, dockersamples/example-voting-app), `stack.yml`,
 * `stack-*.yml` and `*.stack.yml` are the other spellings found in repositories that deploy stacks
 * (docker/cli e2e/stack/testdata/stack-with-named-resources.yml).
 */
export const DEFAULT_STACK_PATTERNS: readonly string[] = [
  '**/docker-stack*.{yml,yaml}',
  '**/stack.{yml,yaml}',
  '**/stack-*.{yml,yaml}',
  '**/stack.*.{yml,yaml}',
  '**/*.stack.{yml,yaml}',
];

/** The names `docker compose` looks for, and the variants projects add beside them. */
const COMPOSE_PATTERNS: readonly string[] = ['**/{docker-compose,compose}*.{yml,yaml}'];

/**
 * YAML files that may be stack files whatever their exact name, so editors and folder walks hand them
 * to Shipshape (which then decides from the content): any name with `stack` in it.
 */
export const STACK_CANDIDATE_PATTERNS: readonly string[] = ['**/*stack*.{yml,yaml}'];

/** Whether Shipshape should look at a YAML file that is not named like a Compose file: its name has `stack` in it. */
export function mayBeStackFile(path: string): boolean {
  return matchesAny(path, STACK_CANDIDATE_PATTERNS);
}

/** The mode the file name alone gives, with the default patterns; undefined when it says nothing. */
export function modeOfName(path: string): ComposeMode | undefined {
  if (matchesAny(path, COMPOSE_PATTERNS)) return 'compose';
  return matchesAny(path, DEFAULT_STACK_PATTERNS) ? 'stack' : undefined;
}

/** Whether `path` (any separators) matches one of the globs, each anchored at a folder boundary. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/');
  return globs.some((glob) => compiled(glob)?.test(normalized) === true);
}

/**
 * Patterns come from a handful of settings, so each is compiled once and kept; the cache is emptied
 * when it grows past any real set of settings, so changing settings for a long time cannot grow it.
 */
const cache = new Map<string, Glob | null>();
const CACHE_LIMIT = 256;

function compiled(glob: string): Glob | null {
  let matcher = cache.get(glob);
  if (matcher === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    matcher = compileGlob(glob) ?? null;
    cache.set(glob, matcher);
  }
  return matcher;
}
