/**
 * The vendored schemas as the language service uses them: validators for the analyses (each stack
 * version compiled when a file first declares it) and key documentation for completion and hover, for
 * a stack file from the schema its `version:` names.
 */
import { compileSchema, compileSchemaOnFirstUse, type CompiledSchema, type SchemaSet, type VendoredSchema } from './analyses/schemaCompile';
import type { SchemaValidators } from './analyses/schema';
import { LATEST_STACK_VERSION, stackVersion } from './analyses/stackVersion';
import { createSchemaKeys, type KeyInfo, type SchemaKeys } from './facts/schemaKeys';
import type { ComposeDocument } from './parse/model';
import type { YamlPath } from './parse/path';

export interface SchemaCatalog {
  readonly validators: SchemaValidators;
  readonly composeKeys: SchemaKeys;
  /** The keys of the schema `docker stack deploy` checks this (stack) file with. */
  stackKeys(doc: ComposeDocument): SchemaKeys;
  /** The keys hover documents: the Compose schema's (the v3 schemas have no descriptions), see below. */
  hoverKeys(doc: ComposeDocument): SchemaKeys;
}

export function schemaCatalog(schemas: SchemaSet): SchemaCatalog {
  const schemaOf = (version: string): VendoredSchema => schemas.stack[version] ?? schemas.stack[LATEST_STACK_VERSION]!;
  const stackKeysOf = memoize((version) => createSchemaKeys(schemaOf(version).json));
  const stackValidators = memoize((version): CompiledSchema => compileSchemaOnFirstUse(schemaOf(version)));
  const composeKeys = createSchemaKeys(schemas.compose.json);
  const stackKeys = (doc: ComposeDocument): SchemaKeys => stackKeysOf(stackVersion(doc).schema ?? LATEST_STACK_VERSION);
  return {
    // Compose validators come ready from the build (or are compiled now), so the first file does not wait.
    validators: { compose: compileSchema(schemas.compose), stack: stackValidators, stackKeys: stackKeysOf },
    composeKeys,
    stackKeys,
    hoverKeys: (doc) => (doc.mode === 'stack' ? withoutComposeDeprecation(composeKeys, stackKeys(doc)) : composeKeys),
  };
}

function memoize<T>(make: (version: string) => T): (version: string) => T {
  const made = new Map<string, T>();
  return (version) => {
    let value = made.get(version);
    if (value === undefined) made.set(version, (value = make(version)));
    return value;
  };
}

/** Compose's "deprecated" flag (e.g. on `version`) does not hold for a key the stack file's schema has. */
function withoutComposeDeprecation(composeKeys: SchemaKeys, stackKeys: SchemaKeys): SchemaKeys {
  const undeprecated = (info: KeyInfo, path: YamlPath): KeyInfo => (info.deprecated && stackKeys.info(path) !== undefined ? { ...info, deprecated: false } : info);
  return {
    info: (path) => {
      const info = composeKeys.info(path);
      return info && undeprecated(info, path);
    },
    keys: (path) => composeKeys.keys(path).map((info) => undeprecated(info, [...path, info.key])),
    // What is undeprecated depends on the stack schema at the path (and, for keys, below it).
    shape: (path) => `${composeKeys.shape(path)}+${stackKeys.shape(path)}`,
  };
}
