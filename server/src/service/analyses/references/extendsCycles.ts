/**
 * `extends` chains that come back to where they started within one file (`a: {extends: b}`,
 * `b: {extends: a}`, `c: {extends: c}`): compose-go refuses the file ("Circular reference", loader.go
 * `cycleTracker.Add`). Chains through other files are the project's to report (project/extends.ts).
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import { cycleFindings } from './cycles';
import { referenceIndex, type Reference } from './referenceIndex';

const DOC_URL = composeFileDoc('services', 'extends');

export function findExtendsCycles(doc: ComposeDocument): Finding[] {
  if (doc.mode === 'stack') return []; // docker/cli's stack loader has no `extends` (its schema refuses the key)
  // The index holds same-file `extends` only (one per service): the edges of this graph.
  const edges = new Map<string, Reference[]>();
  for (const reference of referenceIndex(doc).references) {
    if (reference.key === 'extends' && doc.model.services.has(reference.name)) edges.set(reference.from, [reference]);
  }
  return cycleFindings(edges, {
    code: 'extends-cycle',
    arrow: ' → ',
    message: (path) => `Circular reference in extends: ${path}. Compose refuses the file.`,
    step: (edge) => `'${edge.from}' extends '${edge.name}'`,
    docUrl: DOC_URL,
  });
}
