/** Decides whether a file is a Swarm stack file (`docker stack deploy`) or a Compose file. */
import type { ComposeMode } from './types';

export const DEFAULT_STACK_PATTERNS: readonly string[] = ['**/*stack*.yml', '**/*stack*.yaml'];

/**
 * `path` uses forward slashes; patterns are globs with `**`, `*`, `?` and `{a,b}`. A pattern with a
 * problem (`globProblem`) matches nothing: settings and configuration files are validated before they
 * get here, and a bad pattern must not make every request throw (issue 19 item 13).
 */
export function modeForPath(path: string, stackPatterns: readonly string[] = DEFAULT_STACK_PATTERNS): ComposeMode {
  return matchesAny(path, stackPatterns) ? 'stack' : 'compose';
}

/** Whether `path` (any separators) matches one of the globs, each anchored at a folder boundary. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/');
  return globs.some((glob) => compiled(glob)?.test(normalized) === true);
}

/** Why a glob cannot be used (unbalanced braces), or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  let depth = 0;
  for (const ch of glob) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return "has a '}' without its '{'";
  }
  return depth > 0 ? "has a '{' without its '}'" : undefined;
}

/**
 * Patterns come from a handful of settings, so each is compiled once and kept; the cache is emptied
 * when it grows past any real set of settings, so changing settings for a long time cannot grow it.
 */
const cache = new Map<string, RegExp | null>();
const CACHE_LIMIT = 256;

function compiled(glob: string): RegExp | null {
  let regExp = cache.get(glob);
  if (regExp === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    regExp = globProblem(glob) === undefined ? globToRegExp(glob) : null;
    cache.set(glob, regExp);
  }
  return regExp;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') i++;
      source += '(?:.*/)?';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      depth++;
      source += '(?:';
    } else if (ch === '}') {
      depth--;
      source += ')';
    } else if (ch === ',' && depth > 0) source += '|';
    else source += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Anchored at a folder boundary, so a pattern without a folder part matches the file name anywhere.
  return new RegExp(`(?:^|/)${source}$`);
}
