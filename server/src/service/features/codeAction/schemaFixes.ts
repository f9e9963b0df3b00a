/**
 * Quick fixes for schema findings that have no fix of their own: an unknown key replaced by the valid
 * key it resembles (`imag` → `image`), and a value outside an enum replaced by an allowed value (the
 * closest one preferred). Both read the valid keys and values at the finding's place from the schema
 * keys (facts/schemaKeys.ts), never from the finding's message.
 */
import { sameSpan } from '../../analyses/analysis';
import type { SchemaKeys } from '../../facts/schemaKeys';
import type { ComposeDocument } from '../../parse/model';
import { cursorContext } from '../../parse/path';
import { closest } from '../../suggest';
import type { CodeAction, Finding, Span } from '../../types';

export interface SchemaFixContext {
  readonly schemaKeys: SchemaKeys;
  /** The stack file format's keys, for stack files. */
  readonly stackKeys: SchemaKeys;
}

/** Up to this many allowed values are offered one by one; longer enums offer only the closest. */
const MAX_ENUM_ACTIONS = 8;

export function schemaFixes(doc: ComposeDocument, finding: Finding, context: SchemaFixContext): CodeAction[] {
  const keys = doc.mode === 'stack' ? context.stackKeys : context.schemaKeys;
  if (finding.code === 'schema-unknown-property') return renameKey(doc, finding, keys);
  if (finding.code === 'schema-invalid-value') return replaceValue(doc, finding, keys);
  return [];
}

function renameKey(doc: ComposeDocument, finding: Finding, keys: SchemaKeys): CodeAction[] {
  const cursor = cursorContext(doc, finding.span.start);
  if (cursor.role !== 'key' || !sameSpan(cursor.span, finding.span)) return [];
  const key = cursor.path[cursor.path.length - 1];
  if (typeof key !== 'string') return [];
  const written = new Set(cursor.map?.entries.map((entry) => entry.key));
  const suggestion = closest(key, keys.keys(cursor.path.slice(0, -1)).map((info) => info.key).filter((name) => !written.has(name)));
  if (!suggestion) return [];
  return [{ title: `Change '${key}' to '${suggestion}'`, kind: 'quickfix', edits: [{ span: inner(doc, finding.span), newText: suggestion }], isPreferred: true }];
}

function replaceValue(doc: ComposeDocument, finding: Finding, keys: SchemaKeys): CodeAction[] {
  const cursor = cursorContext(doc, finding.span.start);
  const node = cursor.node;
  if (cursor.role !== 'value' || node?.kind !== 'scalar' || !sameSpan(node.span, finding.span) || node.style === 'block') return [];
  const allowed = keys.info(cursor.path)?.enum ?? [];
  const value = String(node.value);
  if (allowed.length === 0 || allowed.includes(value)) return [];
  const best = closest(value, allowed);
  const offered = allowed.length <= MAX_ENUM_ACTIONS ? [...(best ? [best] : []), ...allowed.filter((v) => v !== best)] : best ? [best] : [];
  const quoted = node.style === 'single' || node.style === 'double';
  return offered.map((replacement) => ({
    title: `Change '${value}' to '${replacement}'`,
    kind: 'quickfix',
    edits: [{ span: quoted ? inner(doc, node.span) : node.span, newText: quoted || !READ_AS_NON_STRING.test(replacement) ? replacement : JSON.stringify(replacement) }],
    ...(replacement === best ? { isPreferred: true } : {}),
  }));
}

/** Plain scalars YAML reads as booleans, null or numbers: an enum string like `no` must be quoted. */
const READ_AS_NON_STRING = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:e[-+]?\d+)?)$/i;

/** A key or value span without its quotes. */
function inner(doc: ComposeDocument, span: Span): Span {
  const quote = doc.text[span.start];
  return (quote === '"' || quote === "'") && span.end - span.start >= 2 && doc.text[span.end - 1] === quote ? { start: span.start + 1, end: span.end - 1 } : span;
}
