/**
 * Whether a file is evidently one part of a multi-file set-up (`docker compose -f a.yml -f b.yml`,
 * COMPOSE_FILE, override files): Compose validates the merged model, so names declared in another
 * file are legal there. Evidence, read from this file alone:
 * - a service with no `image`, `build`, `extends` or `provider`: it can only complete a service
 *   defined in another file (Compose rejects it otherwise);
 * - a reference into a top-level section (`networks`, `volumes`, `secrets`, `configs`) the file does
 *   not have at all: the declarations live elsewhere.
 */
import type { ComposeDocument, Element } from '../../parse/model';
import { get } from '../../parse/tree';
import { perDocument } from '../../perDocument';
import { hasSection, referenceIndex } from './referenceIndex';

export const isPartialFile = perDocument((doc): boolean => hasOverrideEntry(doc) || referencesMissingSection(doc));

/** A service that names neither an image nor a way to get one. */
export function lacksImage(service: Element): boolean {
  return ['image', 'build', 'extends', 'provider'].every((key) => get(service.node, key) === undefined);
}

function hasOverrideEntry(doc: ComposeDocument): boolean {
  for (const service of doc.model.services.values()) if (lacksImage(service)) return true;
  return false;
}

function referencesMissingSection(doc: ComposeDocument): boolean {
  return referenceIndex(doc).references.some(
    (r) => r.kind !== 'service' && !(r.kind === 'network' && r.name === 'default') && !hasSection(doc, r.kind),
  );
}
