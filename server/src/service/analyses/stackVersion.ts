/**
 * Which of Docker CLI's v3 schemas `docker stack deploy` validates a file with: the one its `version:`
 * names (docker/cli cli/compose/schema/schema.go `Version`, `normalizeVersion`, `Validate`).
 * A missing version, `""` or `"3"` means the latest, 3.13. A YAML number is printed the way Go's `%v`
 * prints it (`3.10` reads as 3.1) to pick the schema, whose `version: {type: string}` then refuses it
 * ("version must be a string", loader_test.go TestInvalidVersion).
 */
import type { ComposeDocument } from '../parse/model';
import { isInterpolated } from '../parse/tree';

export const LATEST_STACK_VERSION = '3.13';

/** "3.0" … "3.13", oldest first: every version docker/cli ships a schema for. */
export const STACK_SCHEMA_VERSIONS: readonly string[] = Array.from({ length: 14 }, (_, minor) => `3.${minor}`);

export interface StackVersion {
  /** The schema version docker/cli picks ("3.0" … "3.13"), or undefined when it has no such schema. */
  readonly schema: string | undefined;
  /** The version as the file writes it, when it writes one. */
  readonly declared: string | undefined;
}

export function stackVersion(doc: ComposeDocument): StackVersion {
  const node = doc.model.topLevel.find((item) => item.key === 'version')?.node;
  if (!node || node.kind !== 'scalar' || isInterpolated(node)) return { schema: LATEST_STACK_VERSION, declared: undefined };
  const value = node.interpolation?.resolved ?? node.value;
  // `version:` with no value is Go's nil, printed "<nil>": no schema has that name.
  const declared = value === null ? '<nil>' : String(value);
  const normalized = declared === '' || declared === '3' ? LATEST_STACK_VERSION : declared;
  return { schema: STACK_SCHEMA_VERSIONS.includes(normalized) ? normalized : undefined, declared };
}

/** The schema versions after `version`, oldest first. */
export function laterVersions(version: string): readonly string[] {
  return STACK_SCHEMA_VERSIONS.slice(STACK_SCHEMA_VERSIONS.indexOf(version) + 1);
}
