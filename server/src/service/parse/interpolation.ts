/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`,
 * `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, and `$$` as a literal `$`).
 * Spec: https://docs.docker.com/reference/compose-file/interpolation/
 */

export interface Variable {
  readonly name: string;
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or '' for a bare reference. */
  readonly operator: string;
  /** The text after the operator (a default, an error message or an alternative), if any. */
  readonly argument?: string;
  /** Offsets of the whole `${...}` or `$NAME` inside the scanned string. */
  readonly start: number;
  readonly end: number;
}

export interface Interpolation {
  readonly variables: readonly Variable[];
  /**
   * The value with `$$` unescaped and every default applied; undefined when some variable has no default.
   * Once a project's environment is applied: the value Compose will see, undefined when a variable it
   * needs is unset.
   */
  readonly resolved: string | undefined;
  /** Set once a project's environment is applied: each variable read, its value and where it came from. */
  readonly environment?: readonly BoundVariable[];
}

/** A variable as a project's environment answered it, for hovers. */
export interface BoundVariable {
  readonly name: string;
  /** Undefined when the variable is unset. */
  readonly value: string | undefined;
  /** Where the value comes from, fit to show the user (".env line 3", "the process environment"). */
  readonly origin: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'];

/** Returns undefined when the string holds no interpolation (only possibly `$$`-free text). */
export function parseInterpolation(value: string): Interpolation | undefined {
  if (!value.includes('$')) return undefined;
  const variables: Variable[] = [];
  let resolved: string | undefined = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (ch !== '$') {
      if (resolved !== undefined) resolved += ch;
      i++;
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      if (resolved !== undefined) resolved += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(value, i + 1);
      if (close < 0) {
        // An unterminated `${` is left to Compose to reject; treat the rest as unknowable.
        variables.push({ name: '', operator: '', start: i, end: value.length });
        return { variables, resolved: undefined };
      }
      const body = value.slice(i + 2, close);
      const name = NAME.exec(body)?.[0] ?? '';
      const rest = body.slice(name.length);
      const operator = OPERATORS.find((op) => rest.startsWith(op)) ?? '';
      const argument = operator ? rest.slice(operator.length) : undefined;
      variables.push(argument === undefined ? { name, operator, start: i, end: close + 1 } : { name, operator, argument, start: i, end: close + 1 });
      if (resolved !== undefined) {
        if (operator === ':-' || operator === '-') {
          const inner = parseInterpolation(argument ?? '');
          resolved = inner ? (inner.resolved === undefined ? undefined : resolved + inner.resolved) : resolved + (argument ?? '');
        } else {
          resolved = undefined;
        }
      }
      i = close + 1;
      continue;
    }
    const bare = NAME.exec(value.slice(i + 1))?.[0];
    if (bare) {
      variables.push({ name: bare, operator: '', start: i, end: i + 1 + bare.length });
      resolved = undefined;
      i += 1 + bare.length;
      continue;
    }
    if (resolved !== undefined) resolved += '$';
    i++;
  }
  if (variables.length === 0 && resolved === value) return undefined;
  return { variables, resolved };
}

function matchingBrace(value: string, open: number): number {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
