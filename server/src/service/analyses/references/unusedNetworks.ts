/**
 * Declared networks no service attaches to: Compose and `docker stack deploy` only create networks
 * that some service uses, so the declaration does nothing. A customised `default` is used by every
 * service that joins it implicitly (`joinsDefaultNetwork`).
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import { joinsDefaultNetwork } from '../../parse/compose';
import type { Finding } from '../../types';
import { isPartialFile } from './partialFile';
import { referenceIndex } from './referenceIndex';

const DOC_URL = composeFileDoc('networks');

export function findUnusedNetworks(doc: ComposeDocument): Finding[] {
  const index = referenceIndex(doc);
  // A file without services only contributes declarations to a set-up (e.g. a networks-only file
  // merged with COMPOSE_FILE), and in a partial file the users may be in the other files.
  if (doc.model.services.size === 0 || index.unknowable.has('networks') || isPartialFile(doc)) return [];
  // Only a declared `default` needs the walk over every service.
  const usesDefault = doc.model.networks.has('default') && [...doc.model.services.values()].some(({ node }) => joinsDefaultNetwork(node));
  const findings: Finding[] = [];
  for (const [name, element] of doc.model.networks) {
    if (element.via || index.networks.has(name) || (name === 'default' && usesDefault)) continue;
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
