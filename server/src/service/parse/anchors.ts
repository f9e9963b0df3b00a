/**
 * YAML anchors (`&name`) and aliases (`*name`) as tokens in the text. The resolved tree expands aliases
 * and keeps no anchor names, so go-to-definition on an alias reads the tokens themselves. An alias
 * refers to the closest anchor of that name before it (YAML 1.2 §3.2.2.2).
 */
import type { Span } from '../types';

// Anchor names may hold any character except white space and flow indicators (YAML 1.2 [102]).
const NAME_CHAR = /[^\s,[\]{}]/;

/** The alias token around `offset` (`*name`, the star included), if any. */
export function aliasAt(text: string, offset: number): { readonly name: string; readonly span: Span } | undefined {
  let start = offset;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!) && text[start - 1] !== '*') start--;
  if (text[start - 1] === '*') start--;
  else if (text[start] !== '*') return undefined;
  // The star must begin a token (`a*b` is plain text).
  if (start > 0 && !/[\s,[{:-]/.test(text[start - 1]!)) return undefined;
  let end = start + 1;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  if (offset > end || end === start + 1) return undefined;
  return { name: text.slice(start + 1, end), span: { start, end } };
}

/** The span of the anchor name (`name` of `&name`) the alias at `before` refers to. */
export function anchorBefore(text: string, name: string, before: number): Span | undefined {
  for (let at = text.lastIndexOf('&' + name, before); at >= 0; at = text.lastIndexOf('&' + name, at - 1)) {
    const end = at + 1 + name.length;
    const boundedBefore = at === 0 || /[\s,[{:-]/.test(text[at - 1]!);
    const boundedAfter = end >= text.length || !NAME_CHAR.test(text[end]!);
    if (boundedBefore && boundedAfter) return { start: at + 1, end };
    if (at === 0) break;
  }
  return undefined;
}
