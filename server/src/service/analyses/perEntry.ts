/**
 * Checks of what the file's entries hold as written (keys, templates), run on each element of the
 * top-level sections (every service, network, volume, secret and config) and on each other top-level
 * entry. After an edit only the elements whose content changed are checked again (elementCache.ts):
 * these checks walk every key or scalar of the file, which at thousands of services costs more than
 * any other analysis if repeated on each keystroke. A check judges what is written inside its part;
 * what the part aliases is judged where it is written.
 */
import { append } from '../append';
import type { ComposeDocument } from '../parse/model';
import { isSection } from '../parse/sections';
import type { Entry, Node } from '../parse/tree';
import type { Finding } from '../types';
import { findingsCache } from '../parse/elementCache';
import { contentIdentity } from '../parse/incremental';

/** One part of a document: a top-level entry, an element of a section, or a root that is not a mapping. */
export interface EntryPart {
  readonly entry?: Entry;
  readonly node: Node;
  /** The keys above `entry`: `[]` at the top level, `['services']` for a service. */
  readonly path: readonly string[];
}

export type EntryCheck = (doc: ComposeDocument, part: EntryPart) => readonly Finding[];

export function perEntry(check: EntryCheck): (doc: ComposeDocument) => Finding[] {
  const cache = findingsCache();
  return (doc) => {
    const findings: Finding[] = [];
    for (const { root } of doc.documents) {
      if (!root) continue;
      if (root.kind !== 'map') {
        append(findings, check(doc, { node: root, path: [] }));
        continue;
      }
      for (const entry of root.entries) {
        const section = entry.value;
        if (!isSection(entry.key) || section.kind !== 'map' || section.via !== undefined || entry.via !== undefined) {
          append(findings, check(doc, { entry, node: entry.value, path: [] }));
          continue;
        }
        for (const element of section.entries) {
          const part: EntryPart = { entry: element, node: element.value, path: [entry.key] };
          const reusable = element.via === undefined && element.value.via === undefined;
          append(findings, cache.of({ name: element.key, start: element.keySpan.start, node: element.value, reusable, identity: contentIdentity(element.value) }, () => check(doc, part), doc.mode));
        }
      }
    }
    return findings;
  };
}
