/**
 * Compose's override merge on resolved trees: what `docker compose -f a.yaml -f b.yaml` makes of two
 * files, and what `extends` makes of a service and its base. Source: compose-go `override/merge.go`
 * (mappings merge key by key, lists append, per-path rules in `mergeSpecials`), `override/uncity.go`
 * (later list items replace earlier ones with the same key) and `loader/reset.go` (`!reset` removes a
 * value, `!override` replaces it whole; both are read on the later file only).
 *
 * Spans: every node of the result is a node of one of the inputs, or a new container carrying the span
 * of the later node it merges (so a merged service spans its override); entries keep the key span of the
 * entry they come from, the later one when both files have the key. A subtree the later file does not
 * touch is returned as the very same object, so callers can cache by identity. Linear in the sizes of
 * both trees: every lookup is a map.
 */
import { append } from '../append';
import { entryOf, get, indexOf, mapNode, seqNode, text, type Entry, type MapNode, type Node, type SeqNode } from '../parse/tree';
import { asItems, asMapping } from './forms';
import { byDeviceTarget, byEnvFilePath, byKey, byMountTarget, byPort, byValue, byVolumeTarget, enforceUnicity, type Indexer } from './unicity';

/** Two whole Compose files, the later one over the earlier one (`docker compose -f base -f override`). */
export function mergeFiles(base: Node | undefined, override: Node | undefined): Node | undefined {
  if (override === undefined) return base;
  if (base === undefined) return withoutResets(override);
  return merge(base, override, '');
}

/** A service over its base service (`extends`: compose-go `override.ExtendService`). */
export function mergeServices(base: Node, override: Node): Node {
  return merge(base, override, 'services.*') ?? override;
}

const RESET = '!reset';
const OVERRIDE = '!override';

type Rule =
  /** The later value replaces the earlier one whole (compose-go `override`). */
  | { readonly kind: 'replace' }
  /** `KEY=value` lists or `KEY: value` mappings merged by key (compose-go `mergeToSequence` + unicity). */
  | { readonly kind: 'keyValues'; readonly indexer: Indexer | undefined }
  /** Lists appended, later items replacing earlier ones with the same key (`EnforceUnicity`). */
  | { readonly kind: 'unique'; readonly indexer: Indexer }
  | { readonly kind: 'extraHosts' | 'build' | 'mapping' | 'logging' | 'ipamConfig' };

const REPLACE: Rule = { kind: 'replace' };
const KEY_VALUES: Rule = { kind: 'keyValues', indexer: byKey };
const unique = (indexer: Indexer): Rule => ({ kind: 'unique', indexer });

/** compose-go `mergeSpecials` and `unique`, by path (`*` stands for any one key). */
const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['services.*.command', REPLACE],
  ['services.*.entrypoint', REPLACE],
  ['services.*.healthcheck.test', REPLACE],
  // compose-go `mergeUlimit` merges the later value with itself, so each limit is replaced whole.
  ['services.*.ulimits.*', REPLACE],
  ['services.*.environment', KEY_VALUES],
  ['services.*.labels', KEY_VALUES],
  ['services.*.annotations', KEY_VALUES],
  ['services.*.sysctls', KEY_VALUES],
  ['services.*.tmpfs', KEY_VALUES],
  ['services.*.dns', KEY_VALUES],
  ['services.*.dns_opt', KEY_VALUES],
  ['services.*.dns_search', KEY_VALUES],
  ['services.*.deploy.labels', KEY_VALUES],
  ['services.*.build.args', KEY_VALUES],
  ['services.*.build.labels', KEY_VALUES],
  ['services.*.build.additional_contexts', KEY_VALUES],
  ['networks.*.labels', KEY_VALUES],
  ['volumes.*.labels', KEY_VALUES],
  ['services.*.env_file', { kind: 'keyValues', indexer: byEnvFilePath }],
  ['services.*.label_file', { kind: 'keyValues', indexer: undefined }],
  ['services.*.extra_hosts', { kind: 'extraHosts' }],
  ['services.*.build.extra_hosts', { kind: 'extraHosts' }],
  ['services.*.build', { kind: 'build' }],
  ['services.*.depends_on', { kind: 'mapping' }],
  ['services.*.networks', { kind: 'mapping' }],
  ['services.*.models', { kind: 'mapping' }],
  ['services.*.logging', { kind: 'logging' }],
  ['networks.*.ipam.config', { kind: 'ipamConfig' }],
  ['services.*.ports', unique(byPort)],
  ['services.*.expose', unique(byValue)],
  ['services.*.volumes', unique(byVolumeTarget)],
  ['services.*.devices', unique(byDeviceTarget)],
  ['services.*.secrets', unique(byMountTarget('/run/secrets'))],
  ['services.*.configs', unique(byMountTarget(''))],
  ['services.*.cap_add', unique(byKey)],
  ['services.*.cap_drop', unique(byKey)],
  ['services.*.links', unique(byKey)],
  ['services.*.profiles', unique(byKey)],
  ['services.*.build.tags', unique(byKey)],
  ['services.*.networks.*.aliases', unique(byKey)],
  ['services.*.networks.*.link_local_ips', unique(byKey)],
]);

/** Every path that leads to a rule, so a walk knows when no rule can lie below. */
const PREFIXES: ReadonlySet<string> = new Set([...RULES.keys()].flatMap((path) => path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));

/** The rule path of `key` under `path`; undefined once no rule lies below (then merging is generic). */
function childPath(path: string | undefined, key: string): string | undefined {
  if (path === undefined) return undefined;
  const exact = path === '' ? key : `${path}.${key}`;
  if (PREFIXES.has(exact)) return exact;
  const any = path === '' ? '*' : `${path}.*`;
  return PREFIXES.has(any) ? any : undefined;
}

/** `override` over `base` at `path`; undefined when `!reset` removes the value. */
function merge(base: Node | undefined, override: Node, path: string | undefined): Node | undefined {
  if (override.tag === RESET) return undefined;
  if (override.tag === OVERRIDE) return override;
  if (base === undefined) return withoutResets(override);
  const rule = path === undefined ? undefined : RULES.get(path);
  if (rule?.kind === 'replace') return withoutResets(override);
  // compose-go `MergeYaml`: a null later value keeps the earlier one.
  if (override.kind === 'scalar' && override.value === null && override.tag === undefined) return base;
  switch (rule?.kind) {
    case 'keyValues':
      return mergeKeyValues(base, override, rule.indexer);
    case 'extraHosts':
      return mergeExtraHosts(base, override);
    case 'build':
      // Two short forms: the later context replaces the earlier one.
      return base.kind === 'scalar' && override.kind === 'scalar' ? override : mergeGeneric(asBuild(base), asBuild(override), path);
    case 'mapping':
      return mergeMapping(base, override, path);
    case 'logging':
      return mergeLogging(base, override, path);
    case 'ipamConfig':
      return base.kind === 'seq' && override.kind === 'seq' ? mergeIpamConfig(base, override) : withoutResets(override);
    case 'unique':
      return base.kind === 'seq' && override.kind === 'seq' ? concat(base, override, override.items, rule.indexer) : withoutResets(override);
    default:
      return mergeGeneric(base, override, path);
  }
}

/** Mappings key by key, lists appended, anything else replaced (compose-go `MergeYaml`). */
function mergeGeneric(base: Node, override: Node, path: string | undefined): Node {
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, (current, value, key) => merge(current, value, childPath(path, key)));
  if (base.kind === 'seq' && override.kind === 'seq') return concat(base, override, override.items, undefined);
  return withoutResets(override);
}

type ValueMerger = (current: Node | undefined, value: Node, key: string) => Node | undefined;

/** compose-go `mergeMappings`: earlier keys in their order, merged with the later values; new keys after. */
function mergeMaps(base: MapNode, override: MapNode, mergeValue: ValueMerger): MapNode {
  if (override.entries.length === 0) return base;
  // A key written twice resolves to its later entry, as everywhere in the tree.
  const entries = base.entries.length === base.index.size ? base.entries.slice() : base.entries.filter((entry, i) => base.index.get(entry.key) === i);
  const positions = indexOf(entries);
  const removed = new Set<number>();
  let changed = false;
  override.entries.forEach((entry, i) => {
    if (override.index.get(entry.key) !== i) return;
    const position = positions.get(entry.key);
    const current = position === undefined ? undefined : entries[position];
    const merged = mergeValue(current?.value, entry.value, entry.key);
    if (merged === current?.value) return;
    changed = true;
    if (merged === undefined) removed.add(position!);
    else if (position === undefined) positions.set(entry.key, entries.push(entryOf(entry.key, entry.keySpan, merged, entry.via)) - 1);
    else entries[position] = entryOf(entry.key, entry.keySpan, merged, entry.via);
  });
  if (!changed) return base;
  const kept = removed.size === 0 ? entries : entries.filter((_, i) => !removed.has(i));
  return mapNode(override.span, override.via, override.tag, kept, indexOf(kept));
}

/** The earlier items, then the later ones (`!reset` items dropped), with unicity when `indexer` is set. */
function concat(base: SeqNode, override: Node, items: readonly Node[], indexer: Indexer | undefined): Node {
  const added = items.filter((item) => item.tag !== RESET).map(withoutResets);
  if (added.length === 0) return base;
  const all = append(base.items.slice(), added);
  return seqNode(override.span, override.via, override.tag, indexer ? enforceUnicity(all, indexer) : all);
}

/**
 * `environment`, `labels`, `build.args` …: two mappings merge key by key with the later value winning
 * (an empty later value too: it unsets the variable); otherwise both become `KEY=value` lists, appended
 * and made unique by key, as compose-go does.
 */
function mergeKeyValues(base: Node, override: Node, indexer: Indexer | undefined): Node {
  if (base.kind === 'map' && override.kind === 'map' && indexer === byKey) return mergeMaps(base, override, (_, value) => (value.tag === RESET ? undefined : value));
  const earlier = base.kind === 'seq' ? base : seqNode(override.span, override.via, override.tag, asItems(base));
  return concat(earlier, override, asItems(override), indexer);
}

/** compose-go `mergeExtraHosts`: later entries equal to an earlier one are dropped, the rest appended, no unicity. */
function mergeExtraHosts(base: Node, override: Node): Node {
  const earlier = asItems(base);
  const seen = new Set(earlier.map((item) => text(item)));
  const added = asItems(override).filter((item) => !seen.has(text(item)));
  const start = base.kind === 'seq' ? base : seqNode(override.span, override.via, override.tag, earlier);
  return concat(start, override, added, undefined);
}

/** compose-go `mergeBuild`: `build: ./dir` is `build: {context: ./dir}`. */
function asBuild(node: Node): Node {
  if (node.kind !== 'scalar' || node.value === null) return node;
  const entries = [entryOf('context', node.span, node, node.via)];
  return mapNode(node.span, node.via, node.tag, entries, indexOf(entries));
}

/**
 * `networks`, `depends_on`, `models`: merged by name. Two lists stay a list (names made unique); a list
 * meeting a mapping becomes a mapping with empty settings for the listed names (compose-go
 * `convertIntoMapping`; Compose reads empty settings as the defaults).
 */
function mergeMapping(base: Node, override: Node, path: string | undefined): Node {
  if (base.kind === 'seq' && override.kind === 'seq') return concat(base, override, override.items, byValue);
  const earlier = asMapping(base);
  const later = asMapping(override);
  return earlier && later ? mergeGeneric(earlier, later, path) : withoutResets(override);
}

/** compose-go `mergeLogging`: options merge only when both name the same driver (or one names none). */
function mergeLogging(base: Node, override: Node, path: string | undefined): Node {
  const earlier = text(get(base, 'driver'));
  const later = text(get(override, 'driver'));
  if (earlier !== undefined && later !== undefined && earlier !== later) return withoutResets(override);
  return mergeGeneric(base, override, path);
}

/**
 * `ipam.config`: a later pool with the subnet of an earlier one merges into it, others are appended
 * (compose-go `mergeIPAMConfig`, without its quirk of folding unmatched earlier pools into later ones).
 */
function mergeIpamConfig(base: SeqNode, override: SeqNode): Node {
  const items = base.items.slice();
  const positions = new Map<string, number>();
  items.forEach((item, i) => {
    const subnet = text(get(item, 'subnet'));
    if (subnet !== undefined && !positions.has(subnet)) positions.set(subnet, i);
  });
  let changed = false;
  for (const pool of override.items) {
    if (pool.tag === RESET) continue;
    changed = true;
    const subnet = text(get(pool, 'subnet'));
    const position = subnet === undefined ? undefined : positions.get(subnet);
    if (position === undefined) {
      if (subnet !== undefined) positions.set(subnet, items.length);
      items.push(withoutResets(pool));
    } else {
      items[position] = mergeGeneric(items[position]!, pool, undefined);
    }
  }
  return changed ? seqNode(override.span, override.via, override.tag, items) : base;
}

/**
 * The node without its `!reset` entries and items (compose-go drops them while reading the later file,
 * wherever they are); the same object when it has none.
 */
function withoutResets(node: Node): Node {
  if (node.kind === 'scalar' || node.tag === OVERRIDE) return node;
  if (node.kind === 'seq') {
    const items = node.items.filter((item) => item.tag !== RESET).map(withoutResets);
    return items.length === node.items.length && items.every((item, i) => item === node.items[i]) ? node : seqNode(node.span, node.via, node.tag, items);
  }
  const entries: Entry[] = [];
  let changed = false;
  for (const entry of node.entries) {
    if (entry.value.tag === RESET) {
      changed = true;
      continue;
    }
    const value = withoutResets(entry.value);
    changed ||= value !== entry.value;
    entries.push(value === entry.value ? entry : entryOf(entry.key, entry.keySpan, value, entry.via));
  }
  return changed ? mapNode(node.span, node.via, node.tag, entries, indexOf(entries)) : node;
}
