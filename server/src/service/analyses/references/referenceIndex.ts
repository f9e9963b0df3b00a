/**
 * The reference index: every place a service names a network, named volume, secret, config or another
 * service, with the exact span of the name. Undefined/unused checks, cycle detection, go-to-definition,
 * find-references and rename all read it, so each Compose form is understood in one place.
 * Names that depend on interpolation are left out: their value is unknowable (and must not be judged).
 */
import { shortVolumeSource } from '../../parse/compose';
import type { ComposeDocument } from '../../parse/model';
import type { SectionName } from '../../parse/sections';
import { asMap, get, isInterpolated, listItems, text, type Node } from '../../parse/tree';
import { perDocument } from '../../perDocument';
import type { Span } from '../../types';
import { pushTo } from '../../multimap';
import { append } from '../../append';
import { checkedElements, ElementCache, moveSpan, spanWithin } from '../../parse/elementCache';

/** The kind of a named, declarable thing; also its top-level section minus the plural. */
export type ResourceKind = 'service' | 'network' | 'volume' | 'secret' | 'config';

export const SECTION_OF: Readonly<Record<ResourceKind, SectionName>> = {
  service: 'services',
  network: 'networks',
  volume: 'volumes',
  secret: 'secrets',
  config: 'configs',
};

/** The service key a reference is written under. */
export type ReferenceKey =
  | 'networks'
  | 'volumes'
  | 'secrets'
  | 'configs'
  | 'build.secrets'
  | 'depends_on'
  | 'links'
  | 'network_mode'
  | 'ipc'
  | 'pid'
  | 'volumes_from'
  | 'extends';

/** Keys whose target Compose starts first: compose-go `loader/normalize.go` turns them into required dependencies. */
export const DEPENDENCY_KEYS: ReadonlySet<ReferenceKey> = new Set<ReferenceKey>(['depends_on', 'links', 'network_mode', 'ipc', 'pid', 'volumes_from']);

export interface Reference {
  readonly kind: ResourceKind;
  readonly name: string;
  /** The name as written (inside quotes and prefixes such as `service:`). */
  readonly span: Span;
  /** Where the reference is used, when it is written in an anchor or merged in. */
  readonly via?: Span;
  /** The service that refers. */
  readonly from: string;
  readonly key: ReferenceKey;
  /** `depends_on` only: false for `required: false`. */
  readonly required: boolean;
}

export interface ReferenceIndex {
  readonly references: readonly Reference[];
  /** The networks the services name. */
  readonly networks: ReadonlySet<string>;
  /** Services whose `networks` (or another reference list) holds a name we cannot know. */
  readonly unknowable: ReadonlySet<ReferenceKey>;
}

export function targetKey(kind: ResourceKind, name: string): string {
  return `${kind}:${name}`;
}

/** The index of a parsed document, computed once per document version. */
export const referenceIndex = perDocument((doc): ReferenceIndex => {
  const references: Reference[] = [];
  const unknowable = new Set<ReferenceKey>();
  for (const member of checkedElements(doc.model.services)) {
    const own = serviceReferences.of(member, () => {
      const collector = new Collector(doc.text, member.name);
      collectService(collector, member.node);
      // Keep what was found, not the collector: it holds this version's whole text, which the cache
      // would otherwise keep alive for as long as the service is not edited (one text per edit).
      return { references: collector.references, unknowable: collector.unknowable };
    });
    append(references, own.references);
    for (const key of own.unknowable) unknowable.add(key);
  }
  const networks = new Set<string>();
  for (const reference of references) if (reference.kind === 'network') networks.add(reference.name);
  return { references, networks, unknowable };
});

/**
 * References by `kind:name`, made when a feature asks (find references, rename, code lenses), not on
 * every keystroke: a key string for each of 60,000 references cost some 25 ms per edit at 20,000 services.
 */
const referencesByTarget = perDocument((doc): ReadonlyMap<string, readonly Reference[]> => {
  const byTarget = new Map<string, Reference[]>();
  for (const reference of referenceIndex(doc).references) pushTo(byTarget, targetKey(reference.kind, reference.name), reference);
  return byTarget;
});

function collectService(c: Collector, service: Node): void {
  const networks = get(service, 'networks');
  if (networks?.kind === 'seq') for (const item of networks.items) c.scalar('network', 'networks', item);
  else if (networks?.kind === 'map') for (const entry of networks.entries) c.key('network', 'networks', entry.keySpan, entry.key, entry.via);

  for (const item of listItems(get(service, 'volumes'))) {
    if (item.kind === 'map') {
      if (text(get(item, 'type')) === 'volume') c.scalar('volume', 'volumes', get(item, 'source'));
    } else {
      c.prefixed('volume', 'volumes', item, (value) => volumeSource(value));
    }
  }

  for (const [key, kind] of [['secrets', 'secret'], ['configs', 'config']] as const) {
    for (const item of listItems(get(service, key))) c.scalar(kind, key, item.kind === 'map' ? get(item, 'source') : item);
  }
  for (const item of listItems(get(get(service, 'build'), 'secrets'))) c.scalar('secret', 'build.secrets', item.kind === 'map' ? get(item, 'source') : item);

  const dependsOn = get(service, 'depends_on');
  if (dependsOn?.kind === 'seq') for (const item of dependsOn.items) c.scalar('service', 'depends_on', item);
  else if (dependsOn?.kind === 'map') {
    for (const entry of dependsOn.entries) {
      c.key('service', 'depends_on', entry.keySpan, entry.key, entry.via, text(get(entry.value, 'required')) !== 'false');
    }
  }

  // `links: [db, "db:alias"]`: the service is before the colon.
  for (const item of listItems(get(service, 'links'))) c.prefixed('service', 'links', item, (value) => ({ offset: 0, name: value.split(':')[0]! }));

  // `network_mode: service:x`, and the same for the IPC and PID namespaces (container:x names a
  // container outside the project).
  for (const key of ['network_mode', 'ipc', 'pid'] as const) {
    c.prefixed('service', key, get(service, key), (value) =>
      value.startsWith('service:') ? { offset: 'service:'.length, name: value.slice('service:'.length) } : undefined,
    );
  }

  // `volumes_from: [x, "x:ro"]`; `container:x` is not a service. Compose takes whatever is before the
  // first colon as the service (compose-go normalize.go, docker/compose create.go), so `service:x`
  // names a service called `service`.
  for (const item of listItems(get(service, 'volumes_from'))) {
    c.prefixed('service', 'volumes_from', item, (value) => (value.startsWith('container:') ? undefined : { offset: 0, name: value.split(':')[0]! }));
  }

  // `extends: web` or `extends: {service: web}`; with `file:` the service lives in another file.
  const extendsNode = get(service, 'extends');
  if (extendsNode?.kind === 'scalar') c.scalar('service', 'extends', extendsNode);
  else if (extendsNode?.kind === 'map' && !get(extendsNode, 'file')) c.scalar('service', 'extends', get(extendsNode, 'service'));
}

function volumeSource(value: string): { offset: number; name: string } | undefined {
  const name = shortVolumeSource(value);
  return name === undefined ? undefined : { offset: 0, name };
}

/** What one service names: kept per service content, so an edit collects only the services it changed. */
interface ServiceReferences {
  readonly references: readonly Reference[];
  readonly unknowable: ReadonlySet<ReferenceKey>;
}

const serviceReferences = new ElementCache<ServiceReferences>({
  move: ({ references, unknowable }, delta) => ({
    references: references.map((reference) => ({ ...reference, span: moveSpan(reference.span, delta), ...(reference.via ? { via: moveSpan(reference.via, delta) } : {}) })),
    unknowable,
  }),
  within: ({ references }, range) => references.every((reference) => spanWithin(reference.span, range) && (!reference.via || spanWithin(reference.via, range))),
});

class Collector implements ServiceReferences {
  readonly references: Reference[] = [];
  readonly unknowable = new Set<ReferenceKey>();

  constructor(
    private readonly text: string,
    private readonly from: string,
  ) {}

  /** A map key naming the target (`networks: {back: …}`, `depends_on: {db: …}`). */
  key(kind: ResourceKind, key: ReferenceKey, keySpan: Span, name: string, via: Span | undefined, required = true): void {
    const span = innerSpan(this.text, keySpan, 0, name) ?? keySpan;
    this.references.push({ kind, name, span, ...(via ? { via } : {}), from: this.from, key, required });
  }

  /** A scalar that is the target's name. */
  scalar(kind: ResourceKind, key: ReferenceKey, node: Node | undefined): void {
    this.prefixed(kind, key, node, (value) => ({ offset: 0, name: value }));
  }

  /** A scalar holding the name at some offset (`service:x`, `db:alias`, `data:/var/lib`). */
  prefixed(kind: ResourceKind, key: ReferenceKey, node: Node | undefined, locate: (value: string) => { offset: number; name: string } | undefined): void {
    if (node?.kind !== 'scalar' || node.value === null) return;
    if (isInterpolated(node)) {
      this.unknowable.add(key);
      return;
    }
    const value = text(node);
    const found = value === undefined ? undefined : locate(value);
    if (!found || found.name === '') return;
    const span = innerSpan(this.text, node.span, found.offset, found.name) ?? node.span;
    const via = node.via;
    this.references.push({ kind, name: found.name, span, ...(via ? { via } : {}), from: this.from, key, required: true });
  }
}

/**
 * The span of `name` at `offset` into a scalar's value, skipping an opening quote; undefined when the
 * source text there is not the name (escapes, block scalars), so callers fall back to the whole scalar.
 */
function innerSpan(source: string, span: Span, offset: number, name: string): Span | undefined {
  const quoted = source[span.start] === '"' || source[span.start] === "'" ? 1 : 0;
  const start = span.start + quoted + offset;
  return source.slice(start, start + name.length) === name ? { start, end: start + name.length } : undefined;
}

/** The declaration of a name: its key under the top-level section (inside quotes), when the file declares it. */
export function declaration(doc: ComposeDocument, kind: ResourceKind, name: string): Span | undefined {
  const keySpan = doc.model[SECTION_OF[kind]].get(name)?.keySpan;
  return keySpan && (innerSpan(doc.text, keySpan, 0, name) ?? keySpan);
}

/** What a cursor is on: a reference, or the declaration of a name. */
export interface SymbolAt {
  readonly kind: ResourceKind;
  readonly name: string;
  /** The name under the cursor. */
  readonly span: Span;
}

/** The named thing at `offset` (touching either end of the name counts), if any. */
export function symbolAt(doc: ComposeDocument, offset: number): SymbolAt | undefined {
  const touches = (span: Span) => span.start <= offset && offset <= span.end;
  const reference = referenceIndex(doc).references.find((r) => touches(r.span));
  if (reference) return { kind: reference.kind, name: reference.name, span: reference.span };
  for (const kind of KINDS) {
    for (const name of doc.model[SECTION_OF[kind]].keys()) {
      const span = declaration(doc, kind, name);
      if (span && touches(span)) return { kind, name, span };
    }
  }
  return undefined;
}

const KINDS = Object.keys(SECTION_OF) as ResourceKind[];

/** Every written occurrence of a name: the declaration (if any) and each distinct reference span, in text order. */
export function occurrences(doc: ComposeDocument, symbol: Pick<SymbolAt, 'kind' | 'name'>): { readonly declaration?: Span; readonly references: readonly Span[] } {
  const seen = new Set<number>();
  const references: Span[] = [];
  for (const reference of referencesByTarget(doc).get(targetKey(symbol.kind, symbol.name)) ?? []) {
    // A name written in an anchor is referenced once per use; it is written once.
    if (seen.has(reference.span.start)) continue;
    seen.add(reference.span.start);
    references.push(reference.span);
  }
  references.sort((a, b) => a.start - b.start);
  const declared = declaration(doc, symbol.kind, symbol.name);
  return declared ? { declaration: declared, references } : { references };
}

/** True when the file has the top-level section at all (an empty `networks:` counts). */
export function hasSection(doc: ComposeDocument, kind: ResourceKind): boolean {
  return doc.model.topLevel.some((entry) => entry.key === SECTION_OF[kind] && (asMap(entry.node) !== undefined || entry.node.kind === 'scalar'));
}
