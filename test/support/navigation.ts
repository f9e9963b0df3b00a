/** Check helpers for navigation features: the cursor is `<|>`, the expected spans are `⟦…⟧`. */
import * as assert from 'node:assert/strict';
import type { Span } from '../../server/src/service/index';
import { parseMarkers, renderSpans } from './markers';
import { service } from './service';

function check(marked: string, find: (text: string, cursor: number) => readonly Span[]): void {
  const { text, cursor, spans } = parseMarkers(marked);
  assert.ok(cursor !== undefined, 'fixture needs a <|> cursor');
  assert.equal(renderSpans(text, find(text, cursor)), renderSpans(text, spans));
}

export function checkDefinition(marked: string): void {
  check(marked, (text, cursor) => service.definition(service.parse(text, 'compose'), cursor));
}

export function checkReferences(marked: string, includeDeclaration = true): void {
  check(marked, (text, cursor) => service.references(service.parse(text, 'compose'), cursor, includeDeclaration));
}
