/**
 * Glob patterns from settings (`stackFilePatterns`, `exclude`), matched in time proportional to the
 * path's length times the pattern's: the pattern is walked as a set of positions, one character of the
 * path at a time. A regular expression made from the glob (`*a*a*a…` as `[^/]*a[^/]*a…`) backtracks
 * exponentially on a long path that does not match: eight `*a` segments took 20 s on a 40-character
 * name (issue 19 item 11). picomatch compiles globs to such expressions too.
 *
 * Syntax, as VS Code's `files.associations` and the CLI's walk read it: `*` any characters but `/`,
 * `?` one character but `/`, `**` then `/` any number of folders (none included), `**` elsewhere
 * anything,
 * `{a,b}` alternatives (nested too). A pattern matches the whole path or any part of it that starts
 * after a `/`, so a pattern without a folder part matches the file name in any folder.
 */

/** Longer patterns are refused: no real setting comes near, and each costs time on every path. */
export const MAX_GLOB_LENGTH = 1000;
/** Brace alternatives a pattern may expand to; `{a,b}{c,d}…` doubles with each group. */
const MAX_ALTERNATIVES = 256;

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  let depth = 0;
  for (const ch of glob) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return "has a '}' without its '{'";
  }
  if (depth > 0) return "has a '{' without its '}'";
  return expandBraces(glob) ? undefined : `has more than ${MAX_ALTERNATIVES} alternatives in its braces`;
}

export interface Glob {
  test(path: string): boolean;
}

/** The glob's matcher; undefined when globProblem() has something to say. */
export function compileGlob(glob: string): Glob | undefined {
  const alternatives = globProblem(glob) === undefined ? expandBraces(glob) : undefined;
  if (!alternatives) return undefined;
  const programs = alternatives.map(steps);
  return { test: (path) => programs.some((program) => matches(program, path)) };
}

/**
 * One position of a pattern: a character, `?`, `*`, `**` (anything), or `**` then `/` as two positions: one
 * that skips it (no folder) or enters it, and one inside it that takes any character and leaves after
 * a `/`.
 */
type Step = { readonly kind: 'char'; readonly ch: string } | { readonly kind: 'one' | 'star' | 'any' | 'folders' | 'inFolders' };

function steps(glob: string): Step[] {
  const program: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        program.push({ kind: 'folders' }, { kind: 'inFolders' });
      } else program.push({ kind: 'any' });
    } else if (ch === '*') program.push({ kind: 'star' });
    else if (ch === '?') program.push({ kind: 'one' });
    else program.push({ kind: 'char', ch });
  }
  return program;
}

function matches(program: readonly Step[], path: string): boolean {
  const end = program.length;
  let current = new Uint8Array(end + 1);
  let next = new Uint8Array(end + 1);
  current[0] = 1;
  closeOver(program, current);
  for (const ch of path) {
    next.fill(0);
    for (let i = 0; i < end; i++) {
      if (!current[i]) continue;
      const step = program[i]!;
      if (step.kind === 'char') next[i + 1] ||= Number(step.ch === ch);
      else if (step.kind === 'one') next[i + 1] ||= Number(ch !== '/');
      else if (step.kind === 'star') next[i] ||= Number(ch !== '/');
      else if (step.kind === 'any') next[i] = 1;
      else if (step.kind === 'inFolders') {
        next[i] = 1;
        if (ch === '/') next[i + 1] = 1;
      }
    }
    // The pattern may also start after any folder boundary.
    if (ch === '/') next[0] = 1;
    closeOver(program, next);
    [current, next] = [next, current];
  }
  return current[end] === 1;
}

/** Adds the positions reachable without a character: past a `*` or `**`, and past or into folders. */
function closeOver(program: readonly Step[], positions: Uint8Array): void {
  for (let i = 0; i < program.length; i++) {
    if (!positions[i]) continue;
    const kind = program[i]!.kind;
    if (kind === 'star' || kind === 'any') positions[i + 1] = 1;
    else if (kind === 'folders') positions[i + 1] = positions[i + 2] = 1;
  }
}

/** Every pattern the braces stand for, or undefined past MAX_ALTERNATIVES. Braces are balanced. */
function expandBraces(glob: string): string[] | undefined {
  let at = 0;
  const sequence = (inGroup: boolean): string[] | undefined => {
    let results = [''];
    while (at < glob.length && !(inGroup && (glob[at] === ',' || glob[at] === '}'))) {
      let parts: string[] = [glob[at]!];
      if (glob[at++] === '{') {
        parts = [];
        for (let more = true; more; ) {
          const alternative = sequence(true);
          if (!alternative) return undefined;
          for (const part of alternative) parts.push(part);
          more = glob[at++] === ',';
        }
      }
      const combined: string[] = [];
      for (const head of results) for (const part of parts) combined.push(head + part);
      if (combined.length > MAX_ALTERNATIVES) return undefined;
      results = combined;
    }
    return results;
  };
  return sequence(false);
}
