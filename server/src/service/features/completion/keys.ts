/** Key completion: the schema's keys valid in the mapping at the cursor, minus those already written. */
import { keyDocumentation, typeName } from '../../docs/keyDocumentation';
import type { KeyInfo, SchemaKeys } from '../../facts/schemaKeys';
import type { YamlPath } from '../../parse/path';
import type { ComposeDocument } from '../../parse/model';
import type { MapNode } from '../../parse/tree';
import type { Span } from '../../types';
import { IGNORED_SERVICE_KEYS } from '../../facts/stackKeys';
import { colonFollows, writtenKeys, type CompletionItem } from './item';

/**
 * Keys people write most, first, per mapping (by the pattern of its path); the rest follow in
 * alphabetical order. The schema's order puts `develop`, `deploy` and `annotations` before `image`.
 */
const PROMINENT: Readonly<Record<string, readonly string[]>> = {
  '': ['services', 'networks', 'volumes', 'secrets', 'configs', 'name', 'include'],
  'services.*': ['image', 'build', 'ports', 'networks', 'environment', 'volumes', 'depends_on', 'command', 'restart', 'healthcheck', 'deploy', 'env_file', 'container_name', 'labels', 'secrets', 'configs'],
  'services.*.deploy': ['replicas', 'resources', 'restart_policy', 'placement', 'mode', 'update_config', 'endpoint_mode', 'labels'],
  'networks.*': ['driver', 'ipam', 'external', 'name', 'internal', 'attachable', 'driver_opts', 'enable_ipv6', 'labels'],
  'volumes.*': ['driver', 'external', 'name', 'driver_opts', 'labels'],
};

/** `0NN` for prominent keys, `1key` for the rest, `2key` for keys the file's tool ignores. */
function sortText(mapPath: YamlPath, key: string, ignored: boolean): string {
  if (ignored) return `2${key}`;
  const pattern = mapPath.map((segment, i) => (i === 1 ? '*' : String(segment))).join('.');
  const rank = PROMINENT[pattern]?.indexOf(key) ?? -1;
  return rank >= 0 ? `0${String(rank).padStart(2, '0')}` : `1${key}`;
}

/**
 * `mapPath` is the mapping's path; `span` is the key being typed (replaced by the item). When a colon
 * already follows that key, only the name is inserted. In stack files, keys the stack file format
 * (`stackKeys`, Docker CLI's v3.13 schema) does not have are left out: `docker stack deploy` refuses them.
 */
export function keyItems(doc: ComposeDocument, mapPath: YamlPath, map: MapNode | undefined, span: Span, schemaKeys: SchemaKeys, stackKeys: SchemaKeys): CompletionItem[] {
  const present = writtenKeys(map, span);
  const hasColon = colonFollows(doc, span);
  const stackOnly = doc.mode === 'stack' && stackKeys.info(mapPath) !== undefined;
  return schemaKeys
    .keys(mapPath)
    .filter((info) => !present.has(info.key) && !info.deprecated && (!stackOnly || stackKeys.info([...mapPath, info.key]) !== undefined))
    .map((info): CompletionItem => {
      // docker stack deploy drops these service keys with "Ignoring unsupported options" (facts/stackKeys.ts).
      const ignored = doc.mode === 'stack' && mapPath.length === 2 && mapPath[0] === 'services' && info.key !== 'restart' && IGNORED_SERVICE_KEYS[info.key] !== undefined;
      const type = typeName(doc.mode === 'stack' ? (stackKeys.info([...mapPath, info.key]) ?? info) : info, [...mapPath, info.key]);
      return {
        label: info.key,
        kind: 'property',
        ...(ignored ? { detail: 'ignored by docker stack deploy' } : type ? { detail: type } : {}),
        sortText: sortText(mapPath, info.key, ignored),
        documentation: keyDocumentation([...mapPath, info.key], doc.mode, schemaKeys, doc.mode === 'stack' ? stackKeys : schemaKeys) ?? '',
        insertText: hasColon ? info.key : info.key + valueStub(info),
        snippet: !hasColon,
        span,
      };
    });
}

/** What follows a new key: a list item, an indented block, or a value on the same line. */
function valueStub(info: KeyInfo): string {
  const scalar = info.types.some((type) => type === 'string' || type === 'integer' || type === 'number' || type === 'boolean');
  if (info.types.includes('array') && !scalar) return ':\n  - $0';
  if (info.types.includes('object') && !scalar) return ':\n  $0';
  return ': $0';
}
