/**
 * How v3-schema errors read in stack files. `docker stack deploy` validates with the Docker CLI v3 schema
 * the file's `version:` names (docker/cli cli/compose/schema/schema.go), so in stack mode that schema
 * decides what is an error. A later version's schema accepting it makes `stack-key-needs-version`;
 * otherwise the Compose Specification's verdict on the same file tells two cases apart:
 * - a key both schemas reject is a typo: the default `schema-unknown-property` with a v3.13 suggestion;
 * - a key only the v3 schema rejects is valid Compose that stacks do not support: `stack-unsupported-key`;
 * - a type only the v3 schema rejects (e.g. `replicas: "2"`) says it is the stack format that requires it.
 */
import { UNSUPPORTED_ADVICE, STACK_DEPLOY_DOCS } from '../facts/stackKeys';
import type { Finding } from '../types';
import { finding, placeOf, spanOf, typeFinding, type Located, type Path } from './schemaErrors';
import { entry as entryAt } from '../parse/tree';
import { LATEST_STACK_VERSION } from './stackVersion';

export const STACK_FORMAT = stackFormat(LATEST_STACK_VERSION);

export function stackFormat(version: string): string {
  return `docker stack deploy (Compose file format ${version})`;
}

/** What the Compose Specification schema rejected in the same document. */
export interface ComposeVerdict {
  /** `path\0property` of every property it does not know. */
  readonly unknown: ReadonlySet<string>;
  /** Paths of every value it rejects for another reason. */
  readonly invalid: ReadonlySet<string>;
}

export function composeVerdict(located: readonly Located[]): ComposeVerdict {
  const unknown = new Set<string>();
  const invalid = new Set<string>();
  for (const { error, path } of located) {
    if (error.keyword === 'additionalProperties') unknown.add(propertyKey(path, String(error.params['additionalProperty'])));
    else invalid.add(path.join('\u0000'));
  }
  return { unknown, invalid };
}

/** The stack reading of an error of `version`'s schema, or undefined for the default schema finding. */
export function stackFinding(items: readonly [Located, ...Located[]], compose: ComposeVerdict, version: string): Finding | undefined {
  const format = stackFormat(version);
  const item = items[0];
  const { error, path, node } = item;
  if (error.keyword === 'additionalProperties') {
    const property = String(error.params['additionalProperty']);
    if (compose.unknown.has(propertyKey(path, property))) return undefined;
    const entry = entryAt(node, property);
    if (!entry) return undefined;
    const advice = adviceFor(path, property);
    return {
      ...finding('stack-unsupported-key', 'error', `'${property}' ${placeOf(path)} is not supported by ${format}${advice ? `: ${advice}` : ''}.`, entry.keySpan),
      docUrl: STACK_DEPLOY_DOCS,
    };
  }
  if (error.keyword !== 'type' || compose.invalid.has(path.join('\u0000'))) return undefined;
  if (isPublishedPort(path)) {
    return {
      ...finding('stack-unsupported-key', 'error', `A published port must be a single number in stack files: ${format} supports no strings or ranges here.`, spanOf(item)),
      docUrl: STACK_DEPLOY_DOCS,
    };
  }
  const base = typeFinding(items);
  return { ...base, message: `${base.message.replace(/\.$/, '')} for ${format}.` };
}

/**
 * What the declared version's schema refuses and `version` (a later one) accepts: the declared version is
 * too old for it (COMPOSE-SEMANTICS §3.4 `stack-key-needs-version`).
 */
export function needsVersionFinding(item: Located, version: string, declared: string): Finding {
  const { error, path, node } = item;
  const property = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
  const keySpan = property === undefined ? undefined : entryAt(node, property)?.keySpan;
  const what = property === undefined ? `The value ${placeOf(path)}` : `'${property}' ${placeOf(path)}`;
  return {
    ...finding(
      'stack-key-needs-version',
      'error',
      `${what} needs version ${version} or later; this file declares ${declared}. docker stack deploy validates with the schema its version names: raise version to "${version}" or later, or remove it for ${LATEST_STACK_VERSION}.`,
      keySpan ?? spanOf(item),
    ),
    docUrl: STACK_DEPLOY_DOCS,
  };
}

function propertyKey(path: Path, property: string): string {
  return [...path, property].join('\u0000');
}

/**
 * Looks the advice up by the path pattern of the object holding the key: element names, list indexes and
 * the network names under a service become `*` (`services.*.ports.*`); fixed keys stay.
 */
function adviceFor(path: Path, property: string): string | undefined {
  const pattern = path
    .map((segment, i) => (i === 1 || /^\d+$/.test(segment) || (i === 3 && path[0] === 'services' && path[2] === 'networks') ? '*' : segment))
    .join('.');
  return UNSUPPORTED_ADVICE[pattern]?.[property];
}

function isPublishedPort(path: Path): boolean {
  return path.length === 5 && path[0] === 'services' && path[2] === 'ports' && path[4] === 'published';
}
