/** Decides whether a file is a Swarm stack file (`docker stack deploy`) or a Compose file. */
import type { ComposeMode } from './types';

export const DEFAULT_STACK_PATTERNS: readonly string[] = ['**/*stack*.yml', '**/*stack*.yaml'];

/** `path` uses forward slashes; patterns are globs with `**`, `*`, `?` and `{a,b}`. */
export function modeForPath(path: string, stackPatterns: readonly string[] = DEFAULT_STACK_PATTERNS): ComposeMode {
  const normalized = path.replace(/\\/g, '/');
  return stackPatterns.some((pattern) => globToRegExp(pattern).test(normalized)) ? 'stack' : 'compose';
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') i++;
      source += '(?:.*/)?';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') source += '(?:';
    else if (ch === '}') source += ')';
    else if (ch === ',') source += '|';
    else source += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Anchored at a folder boundary, so a pattern without a folder part matches the file name anywhere.
  return new RegExp(`(?:^|/)${source}$`);
}
