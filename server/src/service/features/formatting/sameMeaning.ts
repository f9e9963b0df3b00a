/**
 * The formatter's safety net: a text's documents as one plain string (values, key order, scalar styles,
 * tags, anchors and aliases as written) and its comments, so that a formatted text is kept only when
 * both equal the original's. Aliases stay aliases here, unlike in the model, so moving an anchor cannot
 * pass unnoticed.
 */
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Lexer, Parser, type Document } from 'yaml';
import { YAML_OPTIONS } from '../../parse/parse';

export interface Meaning {
  /** Undefined when the text has a YAML error. */
  readonly documents: string | undefined;
  readonly comments: string;
}

/** A text's syntax tree and comments from one lexing pass (what `Parser.parse` does, keeping the comments). */
export interface Tokens {
  readonly tokens: readonly CST.Token[];
  readonly comments: string;
}

export function tokensOf(text: string): Tokens {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  const comments: string[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    if (CST.tokenType(lexeme) === 'comment') comments.push(lexeme.trimEnd());
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, comments: comments.join('\n') };
}

export function meaningOf({ tokens, comments }: Tokens): Meaning {
  const documents = [...new Composer(YAML_OPTIONS).compose(tokens)];
  return { documents: documents.some((doc) => doc.errors.length > 0) ? undefined : serialise(documents), comments };
}

export function sameMeaning(a: Meaning, b: Meaning): boolean {
  return a.documents !== undefined && a.documents === b.documents && a.comments === b.comments;
}

function serialise(documents: readonly Document[]): string {
  const out: string[] = [];
  // An explicit stack rather than recursion: a deeply nested text must not exhaust the call stack.
  const pending: unknown[] = documents.map((doc) => doc.contents).reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (isAlias(node)) {
      out.push(`*${node.source}`);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) {
      out.push('~');
      continue;
    }
    out.push(`<${node.tag ?? ''}&${node.anchor ?? ''}`);
    if (isScalar(node)) {
      out.push(`${node.type ?? ''}:${typeof node.value}:${JSON.stringify(String(node.value))}>`);
      continue;
    }
    // Items pushed in reverse so they come off the stack in order, each closed by the marker after it.
    const items = node.items as unknown[];
    pending.push(isMap(node) ? '}>' : ']>');
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        pending.push(pair.value, ':', pair.key);
      } else pending.push(item);
      pending.push(',');
    }
    pending.push(isMap(node) ? '{' : '[');
  }
  return out.join('');
}
