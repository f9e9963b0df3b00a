/**
 * Variable substitution in a string, as the two loaders do it. They differ, so a value means something
 * else to `docker compose` than to `docker stack deploy`:
 *
 * - Compose (compose-go `template/template.go`): `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR-x}`, `${VAR:?msg}`,
 *   `${VAR?msg}`, `${VAR:+x}`, `${VAR+x}`, nested templates inside defaults, `$$` for `$`. A `$` before
 *   anything else stays a `$`; a `${` that is not a valid template is an error. An unset bare reference
 *   becomes the blank string with a warning.
 * - Stack (docker/cli `cli/compose/template/template.go`): one regular expression,
 *   `[_a-z][_a-z0-9]*(?::?[-?][^}]*)?`, braced or not, and no nesting: a default is used as written. Every
 *   other `$` (`$1`, `${VAR:+x}`, a trailing `$`) stops the deploy with "invalid interpolation format".
 *   Unset variables are blank without a warning.
 *
 * Both look names up case-sensitively; names match `[_a-zA-Z][_a-zA-Z0-9]*`.
 */

/** What a lookup of one variable gave; undefined when it is not set at all. */
export type Lookup = (name: string) => string | undefined;

export type Dialect = 'compose' | 'stack';

export type TemplateProblem =
  /** A bare reference to an unset variable (Compose warns and uses the blank string). */
  | { readonly kind: 'unset'; readonly name: string; readonly start: number; readonly end: number }
  /** `${VAR:?msg}` / `${VAR?msg}` with the variable missing; `message` already substituted. */
  | { readonly kind: 'required'; readonly name: string; readonly message: string; readonly start: number; readonly end: number }
  /** Not a template the loader accepts. `operator` is set for stack files using `:+`/`+`. */
  | { readonly kind: 'invalid'; readonly operator?: string; readonly start: number; readonly end: number };

export interface Substitution {
  readonly value: string;
  /** Offsets (in the template) of each problem; nested problems point at their enclosing template. */
  readonly problems: readonly TemplateProblem[];
  /** Every variable whose value was read, in order of first use. */
  readonly used: readonly string[];
}

export function substitute(template: string, lookup: Lookup, dialect: Dialect): Substitution {
  const state: State = { lookup, problems: [], used: new Set() };
  const value = dialect === 'compose' ? composeSubstitute(template, state, 0) : stackSubstitute(template, state);
  return { value, problems: state.problems, used: [...state.used] };
}

interface State {
  readonly lookup: Lookup;
  readonly problems: TemplateProblem[];
  readonly used: Set<string>;
}

function read(state: State, name: string): string | undefined {
  state.used.add(name);
  return state.lookup(name);
}

const NAME = /[_a-zA-Z][_a-zA-Z0-9]*/y;

function nameAt(text: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0];
}

/**
 * compose-go's rules. `base` is where `template` starts in the outermost template, so that problems
 * inside a nested default still point into the value the user wrote.
 */
function composeSubstitute(template: string, state: State, base: number): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    const bare = nameAt(template, dollar + 1);
    if (bare) {
      const end = dollar + 1 + bare.length;
      out += valueOrWarn(state, bare, base + dollar, base + end);
      i = end;
      continue;
    }
    if (next !== '{') {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const close = closingBrace(template, dollar + 1);
    const body = close < 0 ? undefined : BRACED.exec(template.slice(dollar + 2, close));
    if (close < 0 || !body) {
      // compose-go stops at the first invalid template; the rest of the value is not substituted.
      state.problems.push({ kind: 'invalid', start: base + dollar, end: base + (close < 0 ? template.length : close + 1) });
      return out;
    }
    const [, name = '', operator, argument = ''] = body;
    const argumentBase = base + dollar + 2 + name.length + (operator?.length ?? 0);
    out += operator === undefined ? valueOrWarn(state, name, base + dollar, base + close + 1) : applyOperator(state, name, operator, argument, argumentBase, base + dollar, base + close + 1);
    i = close + 1;
  }
  return out;
}

/** The body of `${…}` (compose-go `substitutionBraced`); `.` there does not match a line break. */
const BRACED = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-+?])(.*))?$/;

function valueOrWarn(state: State, name: string, start: number, end: number): string {
  const value = read(state, name);
  if (value === undefined) state.problems.push({ kind: 'unset', name, start, end });
  return value ?? '';
}

function applyOperator(state: State, name: string, operator: string, argument: string, argumentBase: number, start: number, end: number): string {
  const value = read(state, name);
  const emptyCounts = operator.startsWith(':');
  const missing = value === undefined || (emptyCounts && value === '');
  switch (operator) {
    case ':-':
    case '-':
      return missing ? composeSubstitute(argument, state, argumentBase) : value;
    case ':+':
    case '+':
      return missing ? (value ?? '') : composeSubstitute(argument, state, argumentBase);
    default: {
      if (!missing) return value;
      const message = composeSubstitute(argument, state, argumentBase);
      state.problems.push({ kind: 'required', name, message, start, end });
      return '';
    }
  }
}

/**
 * compose-go `getFirstBraceClosingIndex`: the `}` that closes the `{` at `open`, counting nested braces
 * (a `{` also skips the character after it, as upstream does).
 */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
    if (text[i] === '{') {
      depth++;
      i++;
    }
  }
  return -1;
}

/** docker/cli's pattern, alternatives in its order: escaped, named, braced, invalid (empty). */
const STACK_PATTERN = /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*(?::?[-?][^}]*)?)|\{([_a-zA-Z][_a-zA-Z0-9]*(?::?[-?][^}]*)?)\}|)/g;
const UNSUPPORTED = /^\$\{[_a-zA-Z][_a-zA-Z0-9]*(:?\+)/;

function stackSubstitute(template: string, state: State): string {
  return template.replace(STACK_PATTERN, (match: string, escaped: string | undefined, named: string | undefined, braced: string | undefined, offset: number) => {
    if (escaped) return '$';
    const substitution = named ?? braced;
    if (!substitution) {
      const operator = UNSUPPORTED.exec(template.slice(offset))?.[1];
      const end = operator ? closingBrace(template, offset + 1) + 1 || template.length : offset + 1;
      state.problems.push(operator ? { kind: 'invalid', operator, start: offset, end } : { kind: 'invalid', start: offset, end });
      return '';
    }
    return stackValue(state, substitution, offset, offset + match.length);
  });
}

/** docker/cli `DefaultSubstituteFuncs`, tried in order; each checks whether its separator occurs at all. */
function stackValue(state: State, substitution: string, start: number, end: number): string {
  for (const separator of [':-', '-', ':?', '?']) {
    const at = substitution.indexOf(separator);
    if (at < 0) continue;
    const name = substitution.slice(0, at);
    const argument = substitution.slice(at + separator.length);
    const value = read(state, name);
    const missing = value === undefined || (separator.startsWith(':') && value === '');
    if (!missing) return value;
    if (separator.endsWith('-')) return argument;
    state.problems.push({ kind: 'required', name, message: argument, start, end });
    return '';
  }
  return read(state, substitution) ?? '';
}
