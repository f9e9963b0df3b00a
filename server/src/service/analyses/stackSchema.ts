/**
 * How v3.13-schema errors read in stack files. `docker stack deploy` validates with Docker CLI's v3.13
 * schema only (docker/cli cli/compose/schema/schema.go), so in stack mode that schema decides what is an
 * error, and the Compose Specification's verdict on the same file tells two cases apart:
 * - a key both schemas reject is a typo: the default `schema-unknown-property` with a v3.13 suggestion;
 * - a key only v3.13 rejects is valid Compose that stacks do not support: `stack-unsupported-key`;
 * - a type only v3.13 rejects (e.g. `replicas: "2"`) says it is the stack format that requires it.
 */
import { UNSUPPORTED_ADVICE, STACK_DEPLOY_DOCS } from '../facts/stackKeys';
import type { Finding } from '../types';
import { finding, placeOf, spanOf, typeFinding, type Located, type Path } from './schemaErrors';
import { entry as entryAt } from '../parse/tree';

export const STACK_FORMAT = 'docker stack deploy (Compose file format 3.13)';

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

/** The stack reading of a v3.13 error, or undefined for the default schema finding. */
export function stackFinding(items: readonly [Located, ...Located[]], compose: ComposeVerdict): Finding | undefined {
  const item = items[0];
  const { error, path, node } = item;
  if (error.keyword === 'additionalProperties') {
    const property = String(error.params['additionalProperty']);
    if (compose.unknown.has(propertyKey(path, property))) return undefined;
    const entry = entryAt(node, property);
    if (!entry) return undefined;
    const advice = adviceFor(path, property);
    return {
      ...finding('stack-unsupported-key', 'error', `'${property}' ${placeOf(path)} is not supported by ${STACK_FORMAT}${advice ? `: ${advice}` : ''}.`, entry.keySpan),
      docUrl: STACK_DEPLOY_DOCS,
    };
  }
  if (error.keyword !== 'type' || compose.invalid.has(path.join('\u0000'))) return undefined;
  if (isPublishedPort(path)) {
    return {
      ...finding('stack-unsupported-key', 'error', `A published port must be a single number in stack files: ${STACK_FORMAT} supports no strings or ranges here.`, spanOf(item)),
      docUrl: STACK_DEPLOY_DOCS,
    };
  }
  const base = typeFinding(items);
  return { ...base, message: `${base.message.replace(/\.$/, '')} for ${STACK_FORMAT}.` };
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
