/** Key completion: the schema's keys valid in the mapping at the cursor, minus those already written. */
import { keyDocumentation, typeName } from '../../docs/keyDocumentation';
import type { KeyInfo, SchemaKeys } from '../../facts/schemaKeys';
import type { YamlPath } from '../../parse/path';
import type { ComposeDocument } from '../../parse/model';
import type { MapNode } from '../../parse/tree';
import type { Span } from '../../types';
import { colonFollows, writtenKeys, type CompletionItem } from './item';

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
      const detail = typeName(doc.mode === 'stack' ? (stackKeys.info([...mapPath, info.key]) ?? info) : info, [...mapPath, info.key]);
      return {
        label: info.key,
        kind: 'property',
        ...(detail ? { detail } : {}),
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
