/**
 * A value computed at most once per parsed document version, shared by every feature that asks for it
 * (a document version is immutable, so the value never goes stale); `cached` reads it without computing,
 * `set` stores one computed elsewhere (in steps).
 */
import type { ComposeDocument } from './parse/model';

export type PerDocument<T> = ((doc: ComposeDocument) => T) & { cached(doc: ComposeDocument): T | undefined; set(doc: ComposeDocument, value: T): void };

export function perDocument<T>(compute: (doc: ComposeDocument) => T): PerDocument<T> {
  const cache = new WeakMap<ComposeDocument, T>();
  const get = (doc: ComposeDocument): T => {
    if (cache.has(doc)) return cache.get(doc) as T;
    const value = compute(doc);
    cache.set(doc, value);
    return value;
  };
  return Object.assign(get, { cached: (doc: ComposeDocument) => cache.get(doc), set: (doc: ComposeDocument, value: T) => void cache.set(doc, value) });
}
