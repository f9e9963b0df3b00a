/**
 * Declared networks no service attaches to: Compose and `docker stack deploy` only create networks
 * that some service uses, so the declaration does nothing. A service without `networks` (and without
 * `network_mode`) is attached to `default` (compose-go `normalizeNetworks`, docker/cli
 * `convertServiceNetworks`), so a customised `default` is used implicitly.
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import { get, type Node } from '../../parse/tree';
import type { Finding } from '../../types';
import { isPartialFile } from './partialFile';
import { referenceIndex, targetKey } from './referenceIndex';

const DOC_URL = composeFileDoc('networks');

export function findUnusedNetworks(doc: ComposeDocument): Finding[] {
  const index = referenceIndex(doc);
  // A file without services only contributes declarations to a set-up (e.g. a networks-only file
  // merged with COMPOSE_FILE), and in a partial file the users may be in the other files.
  if (doc.model.services.size === 0 || index.unknowable.has('networks') || isPartialFile(doc)) return [];
  const usesDefault = [...doc.model.services.values()].some(({ node }) => attachesToDefault(node));
  const findings: Finding[] = [];
  for (const [name, element] of doc.model.networks) {
    if (element.via || index.byTarget.has(targetKey('network', name)) || (name === 'default' && usesDefault)) continue;
    findings.push({
      code: 'network-unused',
      severity: 'information',
      message: `Network '${name}' is not used by any service in this file, so declaring it has no effect.`,
      span: element.keySpan,
      docUrl: DOC_URL,
      tags: ['unnecessary'],
    });
  }
  return findings;
}

function attachesToDefault(service: Node): boolean {
  if (get(service, 'network_mode') !== undefined || get(service, 'provider') !== undefined) return false;
  const networks = get(service, 'networks');
  if (networks === undefined) return true;
  // `networks:` left empty (or `[]`/`{}`) also means the default network.
  return (networks.kind === 'scalar' && networks.value === null) || (networks.kind === 'seq' && networks.items.length === 0) || (networks.kind === 'map' && networks.entries.length === 0);
}
