/**
 * Whether a file is evidently one part of a multi-file set-up (`docker compose -f a.yml -f b.yml`,
 * COMPOSE_FILE, override files): Compose validates the merged model, so names declared in another
 * file are legal there. Evidence, read from this file alone:
 * - a service with no `image`, `build`, `extends` or `provider`: it can only complete a service
 *   defined in another file (Compose rejects it otherwise);
 * - a reference into a top-level section (`networks`, `volumes`, `secrets`, `configs`) the file does
 *   not have at all: the declarations live elsewhere.
 * The merged model of a whole project (`doc.whole`) is never partial: its files are all there.
 */
import type { ComposeDocument, Element } from '../../parse/model';
import { distance } from 'fastest-levenshtein';
import { get, type Node } from '../../parse/tree';
import { perDocument } from '../../perDocument';
import { perServiceFacts } from '../serviceFacts';
import { hasSection, referenceIndex } from './referenceIndex';

export const isPartialFile = perDocument((doc): boolean => !doc.whole && (hasOverrideEntry(doc) || referencesMissingSection(doc)));

/**
 * Whether a name service `from` uses may be declared in another file: the file references a section it
 * does not have, or the service itself is an override entry. Another service's missing image says
 * nothing about this one's references (issue 13 item 9: a typo'd `imgae:` must not downgrade an
 * unrelated `depends_on: [databse]`).
 */
export function mayBeDeclaredElsewhere(doc: ComposeDocument, from: string): boolean {
  if (doc.whole) return false;
  if (referencesMissingSection(doc)) return true;
  const service = doc.model.services.get(from);
  return service !== undefined && isOverrideEntry(service);
}

/** A service that names neither an image nor a way to get one. */
export function lacksImage(service: Element): boolean {
  return ['image', 'build', 'extends', 'provider'].every((key) => get(service.node, key) === undefined);
}

/** A service only another file can complete: no way to get an image, and no misspelt `image:` or `build:` (a typo). */
function isOverrideEntry(service: Element): boolean {
  return lacksImage(service) && !hasMisspeltImageKey(service.node);
}

/** For each service, whether it is an override entry; kept per service content, as every keystroke asks. */
export const overrideEntries = perServiceFacts(isOverrideEntry);

function hasOverrideEntry(doc: ComposeDocument): boolean {
  return overrideEntries(doc).some(({ facts }) => facts);
}

/** A key one or two edits from `image` or `build` (`imag:`, `imgae:`): a typo, not an override entry. */
function hasMisspeltImageKey(service: Node): boolean {
  // Looser than `closest`: `imgae` (a swap) is two edits away.
  return service.kind === 'map' && service.entries.some((e) => distance(e.key, 'image') <= 2 || distance(e.key, 'build') <= 2);
}

function referencesMissingSection(doc: ComposeDocument): boolean {
  return referenceIndex(doc).references.some(
    (r) => r.kind !== 'service' && !(r.kind === 'network' && r.name === 'default') && !hasSection(doc, r.kind),
  );
}
