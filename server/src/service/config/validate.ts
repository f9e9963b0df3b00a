/**
 * One validation for Shipshape's configuration file and for the editor settings the language server
 * receives, both against schemas/shipshape-config.schema.json (its generated validators): a value of the
 * wrong shape is reported and dropped, so the key falls back to its default and the rest still applies.
 * A problem inside a list drops the whole list (its items are not keys of their own); an unknown key
 * drops that key. Beyond the schema: globs must be usable (balanced braces) and rule codes should exist.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generated from '../../schemas/generated/shipshape-config';
import { append } from '../append';
import { globProblem } from '../mode/glob';
import { RULES } from '../rules/catalogue';
import { closest, didYouMean } from '../suggest';

/** Keys and list indexes from the top of the value, as ajv's instance paths give them. */
export type ValuePath = readonly string[];

export interface ValueProblem {
  /** Where the problem is. */
  readonly path: ValuePath;
  /** The problem is the key at `path` itself (unknown), not its value. */
  readonly atKey: boolean;
  /** Errors drop the value; warnings (a rule code that does not exist) keep it. */
  readonly severity: 'error' | 'warning';
  /** One sentence, naming the key (`rules.port-unquoted must be …`). */
  readonly message: string;
}

export interface Checked {
  /** The value with every key in error removed: what may be applied. */
  readonly value: Readonly<Record<string, unknown>>;
  readonly problems: readonly ValueProblem[];
}

/** Values that are lists of globs, in either kind of value. */
const GLOB_KEYS = ['stackFilePatterns', 'exclude'];

/** A configuration file's value (`.shipshape.yaml`, or package.json's `shipshape`). */
export function checkConfig(raw: unknown): Checked {
  return check(generated.config, raw, '');
}

/** The `shipshape.*` editor settings; keys are named as the user writes them (`shipshape.rules`). */
export function checkSettings(raw: unknown): Checked {
  return check(generated.settings, raw, 'shipshape.');
}

/** How a path reads in a message: `rules.port-unquoted`, `stackFilePatterns[0]`. */
export function keyName(path: ValuePath, prefix = ''): string {
  if (path.length === 0) return prefix === '' ? 'the configuration' : 'the shipshape settings';
  return prefix + path.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function check(validate: ValidateFunction, raw: unknown, prefix: string): Checked {
  const problems: ValueProblem[] = [];
  const dropped = new Set<string>();
  const drop = (path: ValuePath, problem: Omit<ValueProblem, 'severity'>) => {
    // Report once per value dropped: two bad items of one list are one list that falls back.
    const key = path.join('\0');
    if (dropped.has(key)) return;
    dropped.add(key);
    problems.push({ ...problem, severity: 'error' });
  };
  if (raw !== undefined && raw !== null && !validate(raw)) {
    for (const error of validate.errors ?? []) {
      const path = pathOf(error);
      drop(droppedPath(path, error), { path: error.keyword === 'additionalProperties' ? [...path, String(error.params['additionalProperty'])] : path, atKey: error.keyword === 'additionalProperties', message: messageOf(error, path, prefix) });
    }
  }
  let value = isObject(raw) ? (structuredClone(raw) as Record<string, unknown>) : {};
  if (dropped.has('')) value = {};
  for (const key of dropped) if (key !== '') remove(value, key.split('\0'));

  for (const key of GLOB_KEYS) {
    const globs = value[key];
    if (!Array.isArray(globs)) continue;
    const index = globs.findIndex((glob) => globProblem(String(glob)) !== undefined);
    if (index < 0) continue;
    drop([key], { path: [key, String(index)], atKey: false, message: `${keyName([key, String(index)], prefix)} ${globProblem(String(globs[index]))}.` });
    delete value[key];
  }
  append(problems, unknownRules(value['rules'], prefix));
  return { value, problems };
}

/** What is dropped for an error at `path`: the list the path enters first, the unknown key, or the value. */
function droppedPath(path: ValuePath, error: ErrorObject): ValuePath {
  const list = path.findIndex((part) => /^\d+$/.test(part));
  if (list >= 0) return path.slice(0, list);
  return error.keyword === 'additionalProperties' ? [...path, String(error.params['additionalProperty'])] : path;
}

/** Rule codes Shipshape does not report: kept (harmless), with the closest code named. */
function unknownRules(rules: unknown, prefix: string): ValueProblem[] {
  if (!isObject(rules)) return [];
  const codes = RULES.map((rule) => rule.code);
  const known = new Set(codes);
  return Object.keys(rules)
    .filter((code) => !known.has(code))
    .map((code) => ({
      path: ['rules', code],
      atKey: true,
      severity: 'warning' as const,
      message: `${keyName(['rules'], prefix)}: unknown rule '${code}'.${closest(code, codes) === undefined ? ' The rules are listed in docs/rules.md.' : didYouMean(code, codes)}`,
    }));
}

function messageOf(error: ErrorObject, path: ValuePath, prefix: string): string {
  const name = keyName(path, prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${name} must be ${typeName(String(params['type']))}, not ${describe(error.data)}.`;
    case 'enum':
      return `${name} must be ${choices(params['allowedValues'] as readonly unknown[])}, not ${describe(error.data)}.`;
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
      return `unknown key '${key}'${path.length > 0 ? ` in ${name}` : ''}.${didYouMean(key, known)}${known.length > 0 ? ` Keys: ${known.join(', ')}.` : ''}`;
    }
    case 'required':
      return `${name} needs '${String(params['missingProperty'])}'.`;
    case 'minimum':
      return `${name} must be ${String(params['limit'])} or more, not ${describe(error.data)}.`;
    case 'maximum':
      return `${name} must be ${String(params['limit'])} or less, not ${describe(error.data)}.`;
    case 'minItems':
      return `${name} must list at least ${String(params['limit'])}.`;
    case 'minLength':
      return `${name} must not be empty.`;
    case 'maxLength':
      return `${name} must be at most ${String(params['limit'])} characters long.`;
    default:
      return `${name} ${error.message ?? 'is not valid'}.`;
  }
}

function pathOf(error: ErrorObject): ValuePath {
  return error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function remove(value: Record<string, unknown>, path: ValuePath): void {
  let parent: unknown = value;
  for (const part of path.slice(0, -1)) parent = isObject(parent) ? parent[part] : undefined;
  if (isObject(parent)) delete parent[path[path.length - 1]!];
}

function typeName(type: string): string {
  return ({ object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' } as Record<string, string>)[type] ?? type;
}

function describe(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `'${data.length > 60 ? `${data.slice(0, 60)}…` : data}'`;
  return String(data);
}

function choices(values: readonly unknown[]): string {
  const names = values.map(String);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
