/**
 * Selection ranges ("expand selection"): from the word or `${VAR}` under the cursor out through the
 * scalar, its `key: value` entry, the mapping or sequence holding it, and so on up to the document.
 */
import type { ComposeDocument } from '../parse/model';
import type { Node } from '../parse/tree';
import { trimmedEnd, writtenVariables } from '../parse/written';
import type { Span } from '../types';

/** For each offset, the spans holding it, innermost first, each strictly larger than the one before. */
export function selectionRange(doc: ComposeDocument, offsets: readonly number[]): Span[][] {
  return offsets.map((offset) => chainAt(doc, offset));
}

function chainAt(doc: ComposeDocument, offset: number): Span[] {
  const { text } = doc;
  // Outermost first while walking down; reversed at the end.
  const outward: Span[] = [];
  // Spans of a broken document can poke out of their parent's; each is kept inside the one before.
  const push = (start: number, end: number) => {
    const parent = outward[outward.length - 1];
    const from = Math.max(start, parent?.start ?? start);
    const to = Math.min(trimmedEnd(text, start, end), parent?.end ?? end);
    if (from <= offset && offset <= to) outward.push({ start: from, end: to });
  };
  const document = doc.documents.find((d) => d.span.start <= offset && offset <= d.span.end);
  if (document) push(document.span.start, document.span.end);
  let node: Node | undefined = document?.root;
  while (node && node.via === undefined) {
    push(node.span.start, node.span.end);
    if (node.kind === 'scalar') {
      scalarParts(doc, node, offset, push);
      break;
    }
    if (node.kind === 'seq') {
      node = node.items.find((item) => item.via === undefined && item.span.start <= offset && offset <= trimmedEnd(text, item.span.start, item.span.end));
      continue;
    }
    const entry = node.entries.find((e) => e.via === undefined && e.keySpan.start <= offset && offset <= Math.max(e.keySpan.end, trimmedEnd(text, e.value.span.start, e.value.span.end)));
    if (!entry) break;
    push(entry.keySpan.start, Math.max(entry.keySpan.end, entry.value.span.end));
    if (offset <= entry.keySpan.end) {
      push(entry.keySpan.start, entry.keySpan.end);
      break;
    }
    node = entry.value;
  }
  const chain: Span[] = [];
  for (let i = outward.length - 1; i >= 0; i--) {
    const span = outward[i]!;
    const inner = chain[chain.length - 1];
    if (!inner || span.start < inner.start || span.end > inner.end) chain.push(span);
  }
  return chain.length > 0 ? chain : [{ start: offset, end: offset }];
}

/** Inside a scalar: the quoted content, then the `${VAR}` and the word under the cursor. */
function scalarParts(doc: ComposeDocument, node: Extract<Node, { kind: 'scalar' }>, offset: number, push: (start: number, end: number) => void): void {
  const { text } = doc;
  let { start, end } = node.span;
  if ((node.style === 'single' || node.style === 'double') && end - start >= 2) push(++start, --end);
  for (const variable of writtenVariables(text, node)) push(variable.start, variable.end);
  let wordStart = offset;
  let wordEnd = offset;
  while (wordStart > start && /[\w.-]/.test(text[wordStart - 1]!)) wordStart--;
  while (wordEnd < end && /[\w.-]/.test(text[wordEnd]!)) wordEnd++;
  if (wordEnd > wordStart) push(wordStart, wordEnd);
}
