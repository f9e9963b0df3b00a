/**
 * Copies of a resolved tree with some scalars replaced (interpolation with a project's environment),
 * sharing every subtree nothing in changed, and the document and model over such a tree.
 */
import { deriveDocument, type ComposeDocument } from './model';
import { entryOf, mapNode, seqNode, type Node, type ScalarNode } from './tree';

/** Returns `node` itself when `replace` changes no scalar below it. */
export function mapScalars(node: Node, replace: (scalar: ScalarNode) => ScalarNode): Node {
  switch (node.kind) {
    case 'scalar':
      return replace(node);
    case 'seq': {
      let changed = false;
      const items = node.items.map((item) => {
        const next = mapScalars(item, replace);
        changed ||= next !== item;
        return next;
      });
      return changed ? seqNode(node.span, node.via, node.tag, items) : node;
    }
    case 'map': {
      let changed = false;
      const entries = node.entries.map((entry) => {
        const next = mapScalars(entry.value, replace);
        if (next === entry.value) return entry;
        changed = true;
        return entryOf(entry.key, entry.keySpan, next, entry.via);
      });
      return changed ? mapNode(node.span, node.via, node.tag, entries, node.index) : node;
    }
  }
}

/** The document with `replace` applied to every scalar; `doc` itself when nothing changed. */
export function rewriteScalars(doc: ComposeDocument, replace: (scalar: ScalarNode) => ScalarNode): ComposeDocument {
  let changed = false;
  const documents = doc.documents.map((document) => {
    const root = document.root && mapScalars(document.root, replace);
    if (root === document.root) return document;
    changed = true;
    return { ...document, root };
  });
  return changed ? deriveDocument(doc, documents) : doc;
}

/** Calls `visit` for every scalar in document order (an aliased scalar once per use). */
export function forEachScalar(node: Node | undefined, visit: (scalar: ScalarNode) => void): void {
  if (!node) return;
  if (node.kind === 'scalar') visit(node);
  else if (node.kind === 'seq') for (const item of node.items) forEachScalar(item, visit);
  else for (const entry of node.entries) forEachScalar(entry.value, visit);
}
