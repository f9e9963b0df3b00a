/** Text -> resolved YAML trees plus syntax findings. Never throws, whatever the input. */
import { COMPOSE_FILE_DOCS } from '../facts/composeFileDocs';
import { LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import type { Finding, Span } from '../types';
import { buildTree, type Node, type TreeBudget } from './tree';

export interface YamlDocument {
  /** The document's root value; undefined for an empty document. */
  readonly root: Node | undefined;
  readonly span: Span;
}

export interface ParsedYaml {
  readonly documents: readonly YamlDocument[];
  /** YAML syntax errors, duplicate keys and alias-expansion limits, as findings. */
  readonly syntaxFindings: readonly Finding[];
}

/** Nodes that alias expansion may create, relative to the size of the text (guards "billion laughs"). */
const NODE_BUDGET_PER_CHAR = 4;
const MIN_NODE_BUDGET = 100_000;
const YAML_SPEC = 'https://yaml.org/spec/1.2.2/';

export function parseYaml(text: string): ParsedYaml {
  const syntaxFindings: Finding[] = [];
  const documents: YamlDocument[] = [];
  const budget: TreeBudget = { remaining: Math.max(MIN_NODE_BUDGET, text.length * NODE_BUDGET_PER_CHAR) };
  const parsed = parseAllDocuments(text, {
    lineCounter: new LineCounter(),
    prettyErrors: false,
    // Duplicate keys are found by the tree builder: `yaml`'s own check is quadratic in the map size.
    uniqueKeys: false,
    strict: false,
    intAsBigInt: false,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    for (const error of doc.errors) syntaxFindings.push(yamlErrorFinding(error, text));
    const root = buildTree(doc, text, budget, (key, span) => syntaxFindings.push(duplicateKeyFinding(key, span)));
    const range = doc.range;
    documents.push({ root, span: { start: range[0], end: range[2] } });
  }
  if (budget.exhaustedAt) {
    syntaxFindings.push({
      code: 'yaml-alias-limit',
      severity: 'error',
      message: 'Aliases expand to too many nodes (a "billion laughs" structure); expansion stopped here.',
      span: budget.exhaustedAt,
      docUrl: YAML_SPEC,
    });
  }
  return { documents, syntaxFindings };
}

function duplicateKeyFinding(key: string, span: Span): Finding {
  return {
    code: 'duplicate-key',
    severity: 'error',
    message: `Duplicate key '${key}': Compose rejects a mapping that defines the same key twice.`,
    span,
    docUrl: COMPOSE_FILE_DOCS,
  };
}

function yamlErrorFinding(error: YAMLError, text: string): Finding {
  const start = Math.max(0, Math.min(error.pos[0], text.length));
  const end = Math.max(start, Math.min(error.pos[1], text.length));
  return { code: 'yaml-syntax', severity: 'error', message: firstLine(error.message), span: { start, end }, docUrl: YAML_SPEC };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends " at line N, column M"; editors show positions themselves.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
