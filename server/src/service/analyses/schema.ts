/**
 * Validation against the Compose Specification JSON schema as compose-go embeds it (schemas/compose-spec.json)
 * for Compose files, and for stack files against the Docker CLI v3 schema their `version:` names
 * (schemas/stack/config_schema_v3.N.json), which is what `docker stack deploy` validates with. ajv's raw
 * output (one error per failed `oneOf` branch) is reduced to one human message per problem, placed on the
 * key or value the user has to change. Errors another analysis explains better (with its own code and
 * quick fix) are left to it through `SchemaClaim`s.
 */
import type { ErrorObject } from 'ajv';
import type { SchemaKeys } from '../facts/schemaKeys';
import { contentIdentity } from '../parse/incremental';
import type { ComposeDocument } from '../parse/model';
import type { YamlPath } from '../parse/path';
import { isSection, SECTIONS } from '../parse/sections';
import { get, isInterpolated, type MapNode, type Node } from '../parse/tree';
import type { ComposeMode, Finding } from '../types';
import type { Analysis } from './analysis';
import type { CompiledSchema } from './schemaCompile';
import { locate, toFinding, typeFinding, type Located, type Path } from './schemaErrors';
import { stackCast } from './stackCasts';
import { composeVerdict, needsVersionFinding, stackFinding } from './stackSchema';
import { laterVersions, LATEST_STACK_VERSION, stackVersion } from './stackVersion';
import { pushTo } from '../multimap';
import { append } from '../append';

export interface SchemaValidators {
  readonly compose: CompiledSchema;
  /** Docker CLI's schema of a stack file version ("3.0" … "3.13"), compiled when first needed. */
  stack(version: string): CompiledSchema;
  /** The keys that version's schema knows (for "needs version N" without compiling every version). */
  stackKeys(version: string): SchemaKeys;
}

/** True when another analysis reports this schema error itself (e.g. `duration-invalid` for `delay: 5`). */
export type SchemaClaim = (item: Located, mode: ComposeMode) => boolean;

type Validation = (root: Node) => ErrorObject[];

export function schemaAnalysis(validators: SchemaValidators, claims: readonly SchemaClaim[]): Analysis {
  // compose-go reads an empty element as `{}` (see normalize); the stack schema judges the file as written,
  // after docker/cli's type casts of interpolated values (stackCasts.ts).
  const compose = cachedValidation(validators.compose, 'compose');
  const stackValidations = new Map<string, Validation>();
  const stack = (version: string): Validation => {
    let validation = stackValidations.get(version);
    if (!validation) stackValidations.set(version, (validation = cachedValidation(validators.stack(version), 'stack')));
    return validation;
  };
  return {
    name: 'schema',
    run(doc: ComposeDocument): Finding[] {
      // Past the alias limit the tree holds empty values where expansion stopped: judging them would
      // add "must be a mapping" errors about values the file does have. The limit finding says it all.
      if (doc.syntaxFindings.some((finding) => finding.code === 'yaml-alias-limit')) return [];
      const findings: Finding[] = [];
      const mode = doc.mode;
      const claimed = (items: readonly [Located, ...Located[]]): boolean => claims.some((claim) => claim(items[0], mode));
      // An unsupported version is reported by the stack analysis; the rest is judged as the latest format.
      const { schema = LATEST_STACK_VERSION, declared } = mode === 'stack' ? stackVersion(doc) : { schema: LATEST_STACK_VERSION, declared: undefined };
      for (const { root } of doc.documents) {
        if (!root) continue;
        const composeErrors = compose(root);
        if (mode === 'compose') {
          append(findings, reduceErrors(composeErrors, root, (items) => (claimed(items) ? null : undefined)));
          continue;
        }
        // Stack files: Docker validates with the declared version's schema only. The Compose Specification's
        // verdict tells a key stacks do not support (valid Compose) from a typo (invalid in both), and the
        // later versions tell a key this version is too old for.
        const verdict = composeVerdict(composeErrors.map((error) => locate(error, root)));
        const allowedFrom = schema === LATEST_STACK_VERSION ? undefined : firstVersionAllowing(root, schema, stack, validators.stackKeys);
        append(
          findings,
          reduceErrors(stack(schema)(root), root, (items) => {
            if (claimed(items)) return null;
            const version = allowedFrom?.(items[0]);
            return version ? needsVersionFinding(items[0], version, declared ?? schema) : stackFinding(items, verdict, schema);
          }),
        );
      }
      return findings;
    },
  };
}

/**
 * For a stack file declaring `version`, the first later version whose schema accepts what an error of
 * `version`'s schema refuses, or undefined when 3.13 refuses it too. An unknown key is looked up in the
 * later schemas' keys; any other error by validating with the later schemas in turn.
 */
function firstVersionAllowing(root: Node, version: string, stack: (version: string) => Validation, keys: (version: string) => SchemaKeys): (item: Located) => string | undefined {
  let latest: { readonly unknown: ReadonlySet<string>; readonly failing: ReadonlySet<string> } | undefined;
  const latestVerdict = (): NonNullable<typeof latest> => {
    if (latest) return latest;
    const unknown = new Set<string>();
    const failing = new Set<string>();
    for (const error of stack(LATEST_STACK_VERSION)(root)) {
      const { path } = locate(error, root);
      if (error.keyword === 'additionalProperties') unknown.add([...path, String(error.params['additionalProperty'])].join('\u0000'));
      // An error here or below means 3.13 refuses this value as well.
      for (let length = 0; length <= path.length; length++) failing.add(path.slice(0, length).join('\u0000'));
    }
    return (latest = { unknown, failing });
  };
  /** The first later version whose validation of the file has no error `refuses` says is this one. */
  const firstValidating = (refuses: (error: ErrorObject) => boolean): string | undefined =>
    laterVersions(version).find((later) => !stack(later)(root).some(refuses));
  return ({ error, path }) => {
    const verdict = latestVerdict();
    const key = path.join('\u0000');
    if (error.keyword === 'additionalProperties') {
      const property = String(error.params['additionalProperty']);
      if (verdict.unknown.has([...path, property].join('\u0000'))) return undefined;
      const keyPath = [...yamlPath(root, path), property];
      // A later schema that names the key; else one that allows any key there (3.11 opened `build`).
      return (
        laterVersions(version).find((later) => keys(later).info(keyPath) !== undefined) ??
        firstValidating((e) => e.keyword === 'additionalProperties' && String(e.params['additionalProperty']) === property && locate(e, root).path.join('\u0000') === key)
      );
    }
    if (verdict.failing.has(key)) return undefined;
    return firstValidating((e) => isAtOrBelow(locate(e, root).path, key));
  };
}

function isAtOrBelow(path: Path, key: string): boolean {
  const joined = path.join('\u0000');
  return joined === key || joined.startsWith(`${key}\u0000`) || key === '';
}

/** An ajv instance path as a YAML path: list indexes become numbers. */
function yamlPath(root: Node, path: Path): YamlPath {
  const result: (string | number)[] = [];
  let node: Node | undefined = root;
  for (const segment of path) {
    if (node?.kind === 'seq') {
      result.push(Number(segment));
      node = node.items[Number(segment)];
    } else {
      result.push(segment);
      node = node?.kind === 'map' ? get(node, segment) : undefined;
    }
  }
  return result;
}

/**
 * Validates a file's root like `schema.file` would, but service by service with the errors cached by
 * content identity: after an edit only the edited service is validated again (services an edit merely
 * moved keep their identity). The rest of the file is validated with each service replaced by an empty
 * mapping, whose errors are dropped. In Compose mode an empty service reads as `{}` (see normalize).
 */
function cachedValidation(schema: CompiledSchema, mode: ComposeMode): Validation {
  const cache = new WeakMap<object, readonly ErrorObject[]>();
  const emptyAsMapping = mode === 'compose';
  const casts = mode === 'stack';
  const serviceErrors = (node: Node): readonly ErrorObject[] => {
    const identity = contentIdentity(node);
    let errors = cache.get(identity);
    if (!errors) {
      // The casts depend on the path below the service only; `*` stands for the name, as in docker/cli.
      const json = toJson(node, undefined, casts ? ['services', '*'] : undefined);
      errors = schema.service(emptyAsMapping && json === null ? {} : json);
      cache.set(identity, errors);
    }
    return errors;
  };
  // The errors of the last root validated with its services as placeholders, and what they came from.
  let last: { readonly signature: readonly unknown[]; readonly errors: readonly ErrorObject[] } | undefined;
  const fileErrors = (root: Node, perService: MapNode | undefined): readonly ErrorObject[] => {
    const signature = placeholderSignature(root, perService);
    if (last && sameItems(last.signature, signature)) return last.errors;
    const json = toJson(root, perService, casts ? [] : undefined);
    const errors = schema.file(emptyAsMapping ? normalize(json) : json).filter((error) => !perService || !SERVICE_PATH.test(error.instancePath));
    last = { signature, errors };
    return errors;
  };
  return (root) => {
    const services = get(root, 'services');
    const perService = services?.kind === 'map' ? services : undefined;
    const errors = [...fileErrors(root, perService)];
    for (const [name, position] of perService?.index ?? []) {
      const own = serviceErrors(perService!.entries[position]!.value);
      // Most services have no error: their JSON pointer is not worth writing on every keystroke.
      if (own.length === 0) continue;
      const prefix = `/services/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      for (const error of own) errors.push({ ...error, instancePath: prefix + error.instancePath });
    }
    return errors;
  };
}

/**
 * What the placeholder file's validation depends on: each top-level key with its content identity, a
 * section's elements one by one (an edit shifts the section but keeps its elements' identities) and
 * only the names of the services. Equal signatures mean equal JSON, so an edit inside a service does
 * not validate 5,000 placeholders again.
 */
function placeholderSignature(root: Node, services: MapNode | undefined): unknown[] {
  if (root.kind !== 'map') return [contentIdentity(root)];
  const signature: unknown[] = [];
  for (const { key, value } of root.entries) {
    signature.push(key);
    if (value === services || (isSection(key) && value.kind === 'map')) {
      signature.push(value.entries.length);
      for (const element of value.entries) signature.push(element.key, value === services ? undefined : contentIdentity(element.value));
    } else signature.push(contentIdentity(value));
  }
  return signature;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** An error inside one service (reported by the service validator instead). */
const SERVICE_PATH = /^\/services\/[^/]+(\/|$)/;

/**
 * Plain JSON for ajv; interpolated scalars carry their default (errors on them are dropped anyway), cast
 * as docker/cli casts them when `castPath` (the path so far, list items as `[]`) is given.
 * The values of `placeholders`' entries become empty mappings.
 */
function toJson(node: Node, placeholders: MapNode | undefined, castPath: string[] | undefined): unknown {
  switch (node.kind) {
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const entry of node.entries) {
        if (node === placeholders) {
          object[entry.key] = {};
          continue;
        }
        castPath?.push(entry.key);
        object[entry.key] = toJson(entry.value, placeholders, castPath);
        castPath?.pop();
      }
      return object;
    }
    case 'seq': {
      castPath?.push('[]');
      const items = node.items.map((item) => toJson(item, placeholders, castPath));
      castPath?.pop();
      return items;
    }
    case 'scalar': {
      const interpolation = node.interpolation;
      if (castPath && interpolation && interpolation.variables.length > 0) {
        const cast = stackCast(castPath, interpolation.resolved);
        if (cast !== undefined) return cast;
      }
      return interpolation?.resolved ?? node.value;
    }
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
