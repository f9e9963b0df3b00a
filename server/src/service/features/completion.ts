/**
 * textDocument/completion: keys valid at the cursor, values (enums, booleans, references to declared
 * services, networks, volumes, secrets and configs, constraint templates, port entries) and block
 * snippets. Works on half-typed files: the cursor context comes from the tree where it has the node and
 * from indentation where the YAML is broken (see parse/path.ts).
 */
import { nextFreeSubnet } from '../analyses/subnets';
import { formatCidr } from '../analyses/subnets/cidr';
import type { SchemaKeys } from '../facts/schemaKeys';
import { driverOptionAt } from '../facts/values';
import type { ComposeDocument } from '../parse/model';
import { cursorContext, type CursorContext, type YamlPath } from '../parse/path';
import type { Span } from '../types';
import { driverOptionKeys, driverOptionValues } from './completion/driverOptions';
import { writtenKeys, type CompletionItem } from './completion/item';
import { keyItems } from './completion/keys';
import { buildTargetItems } from './completion/buildTarget';
import { pathItems, type FileCompletionContext } from './completion/paths';
import { networkSnippet, serviceKeySnippets, serviceSnippet } from './completion/snippets';
import { valueItems } from './completion/values';

export type { CompletionItem, CompletionKind } from './completion/item';

export interface CompletionContext {
  readonly schemaKeys: SchemaKeys;
  /** Keys of the stack file format (Docker CLI's v3.13 schema), which limit key completion in stack files. */
  readonly stackKeys: SchemaKeys;
  /** The character that triggered the request, when it was not invoked explicitly. */
  readonly triggerCharacter?: string;
  /** The document's path and the host, for file paths and Dockerfile stages; none for a document without a path. */
  readonly files?: FileCompletionContext;
}

/** Where a trigger character is worth answering: after `key: ` or `- ` (space), right after a key (colon). */
const TRIGGERS: Readonly<Record<string, RegExp>> = {
  ' ': /(:|^[ \t]*-|[[,{])[ \t]$/,
  // Only file paths answer a slash (see below).
  '/': /\/$/,
  ':': /^[ \t]*(-[ \t]+)?[\w.-]+:$/,
};

export function completion(doc: ComposeDocument, offset: number, context: CompletionContext): CompletionItem[] {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const trigger = context.triggerCharacter === undefined ? undefined : TRIGGERS[context.triggerCharacter];
  if (trigger && !trigger.test(doc.text.slice(lineStart, offset))) return [];
  const cursor = cursorContext(doc, offset);
  const paths = context.files && pathItems(doc, cursor, offset, context.files);
  if (paths || context.triggerCharacter === '/') return paths ?? [];
  if (cursor.role === 'value') {
    if (isHalfTypedKey(doc, cursor, context.schemaKeys)) return keyCompletion(doc, [...cursor.path, ''], undefined, cursor.node!.span, context);
    if (isNewMappingItem(cursor, context.schemaKeys)) return keyCompletion(doc, [...cursor.path, ''], undefined, cursor.span, context);
    // Replace the whole value, unless it spans lines (clients accept single-line edit ranges only).
    const node = cursor.node?.kind === 'scalar' && cursor.node.value !== null ? cursor.node : undefined;
    const span = node && !doc.text.slice(node.span.start, node.span.end).includes('\n') ? node.span : cursor.span;
    const prefix = doc.text[offset - 1] === ':' ? ' ' : '';
    const option = driverOptionAt(cursor.path);
    const targets = context.files && buildTargetItems(doc, cursor, span, prefix, context.files);
    const items = targets ?? (option ? driverOptionValues(option.option, span, prefix) : valueItems(doc, cursor.path, span, prefix, context.schemaKeys));
    // Clients match the typed text from the start of the replaced range, opening quote included.
    const quote = doc.text[span.start];
    return quote === '"' || quote === "'" ? items.map((item) => ({ ...item, filterText: quote + (item.filterText ?? item.label) })) : items;
  }
  return keyCompletion(doc, cursor.path, cursor.map, cursor.span, context);
}

/** `path` ends with the key being typed. */
function keyCompletion(doc: ComposeDocument, path: YamlPath, map: CursorContext['map'], span: Span, context: CompletionContext): CompletionItem[] {
  const { schemaKeys } = context;
  const mapPath = path.slice(0, -1);
  if (mapPath.length === 1 && mapPath[0] === 'services') return [serviceSnippet(doc, span)];
  if (mapPath.length === 1 && mapPath[0] === 'networks') {
    const subnet = nextFreeSubnet(doc, 24, 4);
    return [networkSnippet(doc, span, subnet ? formatCidr(subnet) : '')];
  }
  const option = driverOptionAt(path);
  if (option) return driverOptionKeys(doc, option.network, map, span);
  const named = namedMapItems(doc, mapPath, map, span, schemaKeys);
  if (named) return named;
  const info = schemaKeys.info(mapPath);
  // Under a list-only key (`ports:` with nothing below yet) the next thing is a list item.
  if (info && mapPath.length > 0 && info.types.includes('array') && !info.types.includes('object')) {
    return valueItems(doc, [...mapPath, 0], span, '- ', schemaKeys);
  }
  const items = keyItems(doc, mapPath, map, span, schemaKeys, context.stackKeys);
  return mapPath.length === 2 && mapPath[0] === 'services' ? [...items, ...serviceKeySnippets(span, doc.mode)] : items;
}

/**
 * `depends_on` and service `networks` take a list of names or a mapping keyed by names: offer the names
 * as keys in the mapping form, and as list items when nothing is written yet.
 */
function namedMapItems(doc: ComposeDocument, mapPath: YamlPath, map: CursorContext['map'], span: Span, schemaKeys: SchemaKeys): CompletionItem[] | undefined {
  if (mapPath.length !== 3 || mapPath[0] !== 'services' || (mapPath[2] !== 'depends_on' && mapPath[2] !== 'networks')) return undefined;
  const names = valueItems(doc, [...mapPath, 0], span, map ? '' : '- ', schemaKeys);
  if (!map) return names;
  const present = writtenKeys(map, span);
  const value = mapPath[2] === 'depends_on' ? ':\n  condition: ${1|service_started,service_healthy,service_completed_successfully|}' : ':';
  return names.filter((item) => !present.has(item.label)).map((item) => ({ ...item, insertText: item.insertText + value, snippet: true }));
}

/** An empty list item (`- ` and nothing yet) in a list whose items can only be mappings: its first key. */
function isNewMappingItem(cursor: CursorContext, schemaKeys: SchemaKeys): boolean {
  if (typeof cursor.path[cursor.path.length - 1] !== 'number') return false;
  if (cursor.node && !(cursor.node.kind === 'scalar' && cursor.node.value === null)) return false;
  const types = schemaKeys.info(cursor.path)?.types ?? [];
  return types.includes('object') && types.every((type) => type === 'object' || type === 'null');
}

/**
 * A plain word alone on a line below a key (`web:` then `  ima`) parses as that key's scalar value,
 * but the user is typing a key of the mapping that value will become.
 */
function isHalfTypedKey(doc: ComposeDocument, cursor: CursorContext, schemaKeys: SchemaKeys): boolean {
  const node = cursor.node;
  if (node?.kind !== 'scalar' || node.style !== 'plain' || typeof node.value !== 'string') return false;
  const last = cursor.path[cursor.path.length - 1];
  if (typeof last === 'number') return false;
  const lineStart = doc.text.lastIndexOf('\n', node.span.start - 1) + 1;
  if (doc.text.slice(lineStart, node.span.start).trim() !== '') return false;
  return cursor.path.length === 0 || (schemaKeys.info(cursor.path)?.types.includes('object') ?? false);
}
