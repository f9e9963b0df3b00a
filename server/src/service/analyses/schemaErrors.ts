/**
 * The vocabulary shared by the Compose and the stack reading of schema errors: where an ajv error sits in
 * the document (`Located`), how a path reads in a message, and the default finding for each keyword.
 * It depends on no validator, so `schema.ts` (the analysis) and `stackSchema.ts` (the stack reading) both
 * build on it without depending on each other in a cycle.
 */
import type { ErrorObject } from 'ajv';
import { COMPOSE_FILE_DOCS } from '../facts/composeFileDocs';
import { entry as entryAt, type Entry, type Node } from '../parse/tree';
import { didYouMean } from '../suggest';
import type { Finding, Span } from '../types';

export type Path = readonly string[];

export interface Located {
  readonly error: ErrorObject;
  readonly path: Path;
  readonly node: Node | undefined;
  readonly entry: Entry | undefined;
}




export function locate(error: ErrorObject, root: Node): Located {
  const path = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Node | undefined = root;
  let entry: Entry | undefined;
  for (const segment of path) {
    if (node?.kind === 'map') {
      entry = entryAt(node, segment);
      node = entry?.value;
    } else if (node?.kind === 'seq') {
      entry = undefined;
      node = node.items[Number(segment)];
    } else {
      node = undefined;
    }
  }
  return { error, path, node, entry };
}


export function toFinding(item: Located): Finding {
  const { error, path, node } = item;
  const where = describe(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(error.params['additionalProperty']);
      const propertyEntry = entryAt(node, property);
      const span = propertyEntry?.keySpan ?? spanOf(item);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      if (known.length === 0) {
        return finding('schema-invalid-name', 'error', `'${property}' is not a valid name in ${where}.`, span);
      }
      return finding('schema-unknown-property', 'error', `Unknown property '${property}' ${placeOf(path)}.${didYouMean(property, known)}`, span);
    }
    case 'required':
      return finding('schema-missing-property', 'error', `Missing required property '${String(error.params['missingProperty'])}' in ${where}.`, keyOrValueSpan(item));
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      const value = String(valueOf(node));
      return finding('schema-invalid-value', 'error', `'${value}' is not allowed for ${label(path)}. Expected one of: ${allowed.join(', ')}.${didYouMean(value, allowed)}`, spanOf(item));
    }
    case 'uniqueItems': {
      const duplicate = node?.kind === 'seq' ? node.items[Number(error.params['i'])] : undefined;
      return finding('schema-duplicate-item', 'error', `Duplicate item in ${label(path)}: Compose requires its items to be unique.`, duplicate?.span ?? spanOf(item));
    }
    case 'pattern':
      return finding('schema-invalid-value', 'error', `'${String(valueOf(node))}' is not a valid value for ${label(path)}.`, spanOf(item));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'minProperties':
      return finding('schema-invalid-value', 'error', `${capitalize(label(path))} ${error.message ?? 'is out of range'}.`, spanOf(item));
    default:
      return finding('schema-invalid', 'error', `${capitalize(label(path))} ${error.message ?? 'is invalid'}.`, spanOf(item));
  }
}

export function typeFinding(items: readonly Located[]): Finding {
  const first = items[0]!;
  const expected = new Set<string>();
  for (const { error } of items) {
    if (error.keyword === 'const') expected.add(`'${String(error.params['allowedValue'])}'`);
    else for (const type of String(error.params['type']).split(',')) expected.add(TYPE_NAMES[type] ?? type);
  }
  const list = [...expected];
  const text = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : (list[0] ?? 'another type');
  return finding('schema-invalid-type', 'error', `${capitalize(label(first.path))} must be ${text}.`, spanOf(first));
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'empty',
};

const SECTION_NAMES: Record<string, string> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
};

/** Where a key is, as a phrase: "at the top level" or "in <describe(path)>". */
export function placeOf(path: Path): string {
  const place = describe(path);
  return place === 'the top level' ? 'at the top level' : `in ${place}`;
}

function describe(path: Path): string {
  if (path.length === 0) return 'the top level';
  const section = SECTION_NAMES[path[0]!];
  if (path.length === 1) return section ? `'${path[0]}' (the ${section} list)` : `'${path[0]}'`;
  const owner = section ? `${section} '${path[1]}'` : `'${path[0]}'`;
  if (path.length === 2) return owner;
  return `${label(path)} of ${owner}`;
}

/** "'ports'", "'ports' item 2", "'ipam.config[0].subnet'" (relative to the element when inside one). */
export function label(path: Path): string {
  if (path.length === 0) return 'the file';
  const relative = SECTION_NAMES[path[0]!] && path.length > 2 ? path.slice(2) : path;
  const last = relative[relative.length - 1]!;
  const isIndex = (segment: string): boolean => /^\d+$/.test(segment);
  const dotted = (segments: readonly string[]): string =>
    segments.map((segment, i) => (isIndex(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
  if (isIndex(last) && relative.length > 1) return `'${dotted(relative.slice(0, -1))}' item ${Number(last) + 1}`;
  return `'${dotted(relative)}'`;
}

function valueOf(node: Node | undefined): unknown {
  return node?.kind === 'scalar' ? node.value : node?.kind;
}

/** The value's span, or the key's when the value is empty (a zero-width span is hard to see). */
export function spanOf({ node, entry }: Located): Span {
  if (node && node.span.end > node.span.start) return node.span;
  return entry?.keySpan ?? node?.span ?? { start: 0, end: 0 };
}

function keyOrValueSpan({ node, entry }: Located): Span {
  return entry?.keySpan ?? node?.span ?? { start: 0, end: 0 };
}

export function finding(code: string, severity: Finding['severity'], message: string, span: Span): Finding {
  return { code, severity, message, span, docUrl: COMPOSE_FILE_DOCS };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

