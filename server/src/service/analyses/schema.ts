/**
 * Validation against the Compose Specification JSON schema (schemas/compose-spec.json) for Compose files,
 * and against Docker CLI's Compose file v3.13 schema (schemas/stack-v3.13.json) for stack files, which is
 * what `docker stack deploy` validates with. Both are compiled once per language service (the stack schema
 * when a stack file first needs it). ajv's raw output
 * (one error per failed `oneOf` branch) is reduced to one human message per problem, placed on the key or
 * value the user has to change. Errors another analysis explains better (with its own code and quick fix)
 * are left to it through `SchemaClaim`s.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { contentIdentity } from '../parse/incremental';
import type { ComposeDocument } from '../parse/model';
import { SECTIONS } from '../parse/sections';
import { get, isInterpolated, type MapNode, type Node } from '../parse/tree';
import type { ComposeMode, Finding } from '../types';
import type { Analysis } from './analysis';
import { locate, toFinding, typeFinding, type Located } from './schemaErrors';
import { composeVerdict, stackFinding } from './stackSchema';
import { pushTo } from '../multimap';
import { append } from '../append';

export interface SchemaValidators {
  readonly compose: CompiledSchema;
  readonly stack: CompiledSchema;
}

/** A schema's validator for a whole file and the one for a single service, compiled once. */
export interface CompiledSchema {
  readonly file: ValidateFunction;
  readonly service: ValidateFunction;
}

/** True when another analysis reports this schema error itself (e.g. `duration-invalid` for `delay: 5`). */
export type SchemaClaim = (item: Located, mode: ComposeMode) => boolean;

export function compileSchema(schema: object): CompiledSchema {
  const options = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false, validateSchema: false };
  const file = withoutDraft4Ids(schema) as Record<string, unknown>;
  // compose-go's schema is draft 2020-12 (`$defs`); Docker CLI's v3 schemas are draft-04 (`definitions`).
  const ajv = String(file['$schema']).includes('2020-12') ? new Ajv2020(options) : new Ajv(options);
  const definitions = '$defs' in file ? '$defs' : 'definitions';
  // Every `$ref` in both schemas points into the definitions, so the service part compiles on its own.
  return { file: ajv.compile(file), service: ajv.compile({ [definitions]: file[definitions], $ref: `#/${definitions}/service` }) };
}

/**
 * A schema compiled when a validator is first needed: most sessions never open a stack file, and
 * compiling a schema takes about 100 ms of the server's start.
 */
export function compileSchemaOnFirstUse(schema: object): CompiledSchema {
  let compiled: CompiledSchema | undefined;
  const compiledSchema = (): CompiledSchema => (compiled ??= compileSchema(schema));
  return {
    get file() {
      return compiledSchema().file;
    },
    get service() {
      return compiledSchema().service;
    },
  };
}

/**
 * Docker CLI's v3 schemas are draft-04 and name their parts with `id`, which ajv 8 refuses; the ids are
 * only labels there (every `$ref` is a `#/definitions/...` pointer), so they are dropped.
 */
function withoutDraft4Ids(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraft4Ids);
  if (!isObject(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'id' || key === '$schema') && typeof value === 'string') continue;
    result[key] = withoutDraft4Ids(value);
  }
  return result;
}

export function schemaAnalysis(validators: SchemaValidators, claims: readonly SchemaClaim[]): Analysis {
  // compose-go reads an empty element as `{}` (see normalize); the stack schema judges the file as written.
  const compose = cachedValidation(validators.compose, true);
  const stack = cachedValidation(validators.stack, false);
  return {
    name: 'schema',
    run(doc: ComposeDocument): Finding[] {
      const findings: Finding[] = [];
      const mode = doc.mode;
      for (const { root } of doc.documents) {
        if (!root) continue;
        const composeErrors = compose(root);
        if (mode === 'compose') {
          append(findings, reduceErrors(composeErrors, root, (items) => (claims.some((claim) => claim(items[0], mode)) ? null : undefined)));
          continue;
        }
        // Stack files: Docker validates with the v3.13 schema only. The Compose Specification's verdict
        // tells a key stacks do not support (valid Compose) from a typo (invalid in both).
        const verdict = composeVerdict(composeErrors.map((error) => locate(error, root)));
        const stackErrors = stack(root);
        append(findings, reduceErrors(stackErrors, root, (items) => (claims.some((claim) => claim(items[0], mode)) ? null : stackFinding(items, verdict))));
      }
      return findings;
    },
  };
}

/**
 * Validates a file's root like `schema.file` would, but service by service with the errors cached by
 * content identity: after an edit only the edited service is validated again (services an edit merely
 * moved keep their identity). The rest of the file is validated with each service replaced by an empty
 * mapping, whose errors are dropped. With `emptyAsMapping`, an empty service reads as `{}` (see normalize).
 */
function cachedValidation(schema: CompiledSchema, emptyAsMapping: boolean): (root: Node) => ErrorObject[] {
  const cache = new WeakMap<object, readonly ErrorObject[]>();
  const serviceErrors = (node: Node): readonly ErrorObject[] => {
    const identity = contentIdentity(node);
    let errors = cache.get(identity);
    if (!errors) {
      const json = toJson(node);
      errors = validate(schema.service, emptyAsMapping && json === null ? {} : json);
      cache.set(identity, errors);
    }
    return errors;
  };
  return (root) => {
    const services = get(root, 'services');
    const perService = services?.kind === 'map' ? services : undefined;
    const json = toJson(root, perService);
    const errors = validate(schema.file, emptyAsMapping ? normalize(json) : json).filter((error) => !perService || !SERVICE_PATH.test(error.instancePath));
    for (const [name, position] of perService?.index ?? []) {
      const { value } = perService!.entries[position]!;
      const prefix = `/services/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      for (const error of serviceErrors(value)) errors.push({ ...error, instancePath: prefix + error.instancePath });
    }
    return errors;
  };
}

/** An error inside one service (reported by the service validator instead). */
const SERVICE_PATH = /^\/services\/[^/]+(\/|$)/;

function validate(validator: ValidateFunction, json: unknown): ErrorObject[] {
  validator(json);
  return [...(validator.errors ?? [])];
}

/**
 * Plain JSON for ajv; interpolated scalars carry their default (errors on them are dropped anyway).
 * The values of `placeholders`' entries become empty mappings.
 */
function toJson(node: Node, placeholders?: MapNode): unknown {
  switch (node.kind) {
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const entry of node.entries) object[entry.key] = node === placeholders ? {} : toJson(entry.value, placeholders);
      return object;
    }
    case 'seq':
      return node.items.map((item) => toJson(item, placeholders));
    case 'scalar':
      return node.interpolation?.resolved ?? node.value;
  }
}

/**
 * compose-go reads an empty element (`web:` with nothing under it) as an empty mapping; the schema
 * only allows that for some sections, so empty elements are made empty mappings before validation.
 */
function normalize(json: unknown): unknown {
  if (!isObject(json)) return json;
  for (const section of SECTIONS) {
    const elements = json[section];
    if (!isObject(elements)) continue;
    for (const name of Object.keys(elements)) if (elements[name] === null) elements[name] = {};
  }
  return json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TYPE_KEYWORDS = new Set(['type', 'const']);

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not']);

/**
 * Replaces the default finding for an error (or for the type errors of one value, which come as a group):
 * a finding, `null` to drop it, `undefined` for the default.
 */
type ErrorMapper = (items: readonly [Located, ...Located[]]) => Finding | null | undefined;

function reduceErrors(errors: readonly ErrorObject[], root: Node, mapper: ErrorMapper): Finding[] {
  const mapped = (items: readonly [Located, ...Located[]], fallback: () => Finding): Finding[] => {
    const result = mapper(items);
    return result === null ? [] : [result ?? fallback()];
  };
  const located = errors.map((error) => locate(error, root)).filter((item) => !isExempt(item));
  const findings: Finding[] = [];
  const byPath = new Map<string, Located[]>();
  // Every proper prefix of an error path: a path in this set has errors deeper below it.
  const ancestors = new Set<string>();
  for (const item of located) {
    pushTo(byPath, item.path.join('\u0000'), item);
    for (let length = 0; length < item.path.length; length++) ancestors.add(item.path.slice(0, length).join('\u0000'));
  }
  for (const [key, group] of byPath) {
    const deeper = ancestors.has(key);
    const specific = group.filter((item) => !TYPE_KEYWORDS.has(item.error.keyword) && !COMBINATORS.has(item.error.keyword));
    if (specific.length > 0 || deeper) {
      for (const item of specific) append(findings, mapped([item], () => toFinding(item)));
      continue;
    }
    const typeErrors = group.filter((item) => TYPE_KEYWORDS.has(item.error.keyword));
    if (typeErrors.length > 0) append(findings, mapped([typeErrors[0]!, ...typeErrors.slice(1)], () => typeFinding(typeErrors)));
    else if (group[0]) append(findings, mapped([group[0]], () => toFinding(group[0]!)));
  }
  return dedupe(findings);
}

/** Values that depend on the environment or carry Compose merge tags are not judged by the schema. */

function isExempt({ node }: Located): boolean {
  return isInterpolated(node) || node?.tag !== undefined;
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
