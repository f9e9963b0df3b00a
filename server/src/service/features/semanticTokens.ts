/**
 * Semantic tokens: what a plain YAML grammar cannot know. Service, network, volume, secret and config
 * names (declared under their section, or referenced from a service) get a token type per kind, with
 * the `declaration` modifier on the declaration; `${VAR}` names are variables; anchors (`&name`, a
 * declaration) and aliases (`*name`) are labels. The legend uses standard LSP token types only, so
 * every theme colours them.
 */
import { declaration, referenceIndex, SECTION_OF, type ResourceKind } from '../analyses/references/referenceIndex';
import type { ComposeDocument } from '../parse/model';
import { visitWritten, writtenVariables } from '../parse/written';
import type { Span } from '../types';

export const TOKEN_TYPES = ['class', 'interface', 'struct', 'enum', 'type', 'variable', 'label'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface SemanticToken {
  /** Always on one line. */
  readonly span: Span;
  readonly type: TokenType;
  readonly declaration: boolean;
}

const TYPE_OF: Readonly<Record<ResourceKind, TokenType>> = {
  service: 'class',
  network: 'interface',
  volume: 'struct',
  secret: 'enum',
  config: 'type',
};

/** Every token of the document in text order, or only those overlapping `range`. */
export function semanticTokens(doc: ComposeDocument, range?: Span): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const overlaps = (span: Span) => !range || (span.end > range.start && span.start < range.end);
  const add = (span: Span, type: TokenType, isDeclaration: boolean) => {
    if (overlaps(span)) tokens.push({ span, type, declaration: isDeclaration });
  };
  for (const kind of Object.keys(SECTION_OF) as ResourceKind[]) {
    for (const [name, element] of doc.model[SECTION_OF[kind]]) {
      const span = element.via ? undefined : declaration(doc, kind, name);
      if (span) add(span, TYPE_OF[kind], true);
    }
  }
  const seen = new Set<number>();
  for (const reference of referenceIndex(doc).references) {
    // A reference written in an anchor is indexed once per use of the anchor.
    if (seen.has(reference.span.start)) continue;
    seen.add(reference.span.start);
    add(reference.span, TYPE_OF[reference.kind], false);
  }
  const scalars: Span[] = [];
  visitWritten(doc, {
    entry: (entry) => scalars.push(entry.keySpan),
    node: (node) => {
      if (node.kind !== 'scalar') return;
      scalars.push(node.span);
      if (range && (node.span.end <= range.start || node.span.start >= range.end)) return;
      for (const variable of writtenVariables(doc.text, node)) {
        if (!variable.name) continue;
        const start = variable.start + (doc.text[variable.start + 1] === '{' ? 2 : 1);
        add({ start, end: start + variable.name.length }, 'variable', false);
      }
    },
  });
  for (const token of anchorTokens(doc.text, scalars, range)) add(token.span, 'label', token.declaration);
  return tokens.sort((a, b) => a.span.start - b.span.start);
}

/**
 * `&name` and `*name` tokens: an indicator at the start of a token, outside comments and outside every
 * written scalar (so `a && b` or `echo *.txt` in a command is text). `scalars` are in text order.
 */
function anchorTokens(text: string, scalars: Span[], range: Span | undefined): { span: Span; declaration: boolean }[] {
  scalars.sort((a, b) => a.start - b.start);
  const found: { span: Span; declaration: boolean }[] = [];
  let scalar = 0;
  const end = range ? Math.min(text.length, range.end) : text.length;
  for (let at = range ? lineStartBefore(text, range.start) : 0; at < end; at++) {
    const ch = text[at];
    if (ch === '#' && (at === 0 || /\s/.test(text[at - 1]!)) && !inside(scalars, at, scalar)) {
      while (at < end && text[at] !== '\n') at++;
      continue;
    }
    if (ch !== '&' && ch !== '*') continue;
    if (at > 0 && !/[\s,[{:-]/.test(text[at - 1]!)) continue;
    while (scalar < scalars.length && scalars[scalar]!.end <= at) scalar++;
    if (inside(scalars, at, scalar)) continue;
    let stop = at + 1;
    while (stop < text.length && /[^\s,[\]{}]/.test(text[stop]!)) stop++;
    if (stop > at + 1) found.push({ span: { start: at + 1, end: stop }, declaration: ch === '&' });
    at = stop - 1;
  }
  return found;
}

function inside(scalars: readonly Span[], at: number, from: number): boolean {
  for (let i = from; i < scalars.length && scalars[i]!.start <= at; i++) if (at < scalars[i]!.end) return true;
  return false;
}

/** Scanning for anchors starts at a line start, so a `#` comment before the range is seen. */
function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
