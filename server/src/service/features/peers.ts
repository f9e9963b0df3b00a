/**
 * Stepping back for other Compose tools in the same editor. When Red Hat YAML, Docker DX or Container
 * Tools already report a kind of result for Compose files, Shipshape leaves that kind out so the user sees
 * each error, completion, key description and image link once, and keeps everything only Shipshape has
 * (networking, deploy and reference rules, curated key notes, value hovers, quick fixes). The client works
 * out what the peers cover (see client/src/peers.ts) and sends it with the settings; the CLI never sets it.
 */
import type { Finding, PeerCoverage } from '../types';
import type { CompletionItem } from './completion/item';
import type { ImageName } from './documentLink/imagePage';

export function peerReports(finding: Finding, peers: PeerCoverage | undefined): boolean {
  if (!peers) return false;
  if (finding.code === 'yaml-syntax') return peers.syntaxDiagnostics === true;
  if (finding.code === 'duplicate-key') return peers.duplicateKeys === true;
  return peers.schemaDiagnostics === true && finding.code.startsWith('schema-');
}

export function peerCompletes(item: CompletionItem, peers: PeerCoverage | undefined): boolean {
  return peers?.keyCompletion === true && item.kind === 'property';
}

/** A peer's hover already shows the schema's description and allowed values of the key under the cursor. */
export function peerDescribesKeys(peers: PeerCoverage | undefined): boolean {
  return peers?.keyHovers === true;
}

/**
 * A peer links the image `reference`, written literally in the file, to the page Shipshape would. Docker DX
 * (docker-language-server internal/compose/documentLink.go, extractImageLink) cuts the reference at its
 * last colon and treats every name without a `ghcr.io`, `quay.io` or `mcr.microsoft.com` prefix as Docker
 * Hub's: its link is right for a tag reference to those registries or to a Docker Hub name written without
 * a host, and leads nowhere for a digest (`@sha256:`), an explicit `docker.io/` or any other registry (and
 * for an interpolated name, which the caller never passes here); there Shipshape keeps its own link.
 */
export function peerLinksImage(reference: string, image: ImageName, peers: PeerCoverage | undefined): boolean {
  const registries = peers?.imageLinks;
  if (!registries || reference.includes('@')) return false;
  if (image.host === undefined) return registries.includes('docker.io');
  return image.host !== 'docker.io' && registries.includes(image.host);
}
