/**
 * Stepping back for other Compose tools in the same editor. When Red Hat YAML, Docker DX or Container
 * Tools already report a kind of result for Compose files, Shipshape leaves that kind out so the user sees
 * each error and each completion once, and keeps everything only Shipshape has (networking, deploy and
 * reference rules, value hovers, quick fixes). The client works out what the peers cover (see
 * client/src/peers.ts) and sends it with the settings; the CLI never sets it.
 */
import type { Finding, PeerCoverage } from '../types';
import type { CompletionItem } from './completion/item';

export function peerReports(finding: Finding, peers: PeerCoverage | undefined): boolean {
  if (!peers) return false;
  if (finding.code === 'yaml-syntax') return peers.syntaxDiagnostics === true;
  if (finding.code === 'duplicate-key') return peers.duplicateKeys === true;
  return peers.schemaDiagnostics === true && finding.code.startsWith('schema-');
}

export function peerCompletes(item: CompletionItem, peers: PeerCoverage | undefined): boolean {
  return peers?.keyCompletion === true && item.kind === 'property';
}
