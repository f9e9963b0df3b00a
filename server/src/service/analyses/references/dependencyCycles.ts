/**
 * Start-order cycles between services (compose-go `graph/cycle.go`: "dependency cycle detected:
 * a -> b -> a"). Compose makes every `depends_on`, `links`, `network_mode`/`ipc`/`pid: service:`
 * and `volumes_from` target a dependency (compose-go `loader/normalize.go`).
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import { cycleFindings } from './cycles';
import { DEPENDENCY_KEYS, referenceIndex, type Reference } from './referenceIndex';
import { pushTo } from '../../multimap';

const DOC_URL = composeFileDoc('services', 'depends_on');

export function findDependencyCycles(doc: ComposeDocument): Finding[] {
  if (doc.mode === 'stack') return []; // `docker stack deploy` ignores start order entirely
  const edges = new Map<string, Reference[]>();
  for (const reference of referenceIndex(doc).references) {
    if (!DEPENDENCY_KEYS.has(reference.key) || !doc.model.services.has(reference.name)) continue;
    pushTo(edges, reference.from, reference);
  }
  return cycleFindings(edges, {
    code: 'depends-on-cycle',
    arrow: ' -> ',
    message: (path) => `Dependency cycle: ${path}. Compose cannot decide which service to start first.`,
    step: (edge) => `'${edge.from}' depends on '${edge.name}'`,
    docUrl: DOC_URL,
  });
}
