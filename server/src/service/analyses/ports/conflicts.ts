/**
 * Host-port conflicts (COMPOSE-SEMANTICS 1.6, 1.7): between services, within a service, against host
 * range pools and against replicas. Every check buckets bindings by what must match, so a file with
 * thousands of services is checked in O(n log n).
 */
import type { ComposeDocument } from '../../parse/model';
import type { Finding, RelatedSpan, Severity } from '../../types';
import { addressesOverlap, addressKeys, describeAddress, describePorts, type Binding, type LocalBinding, type PortService } from './bindings';
import { partitionPoint, partners, type Bucketed } from './overlap';
import { conflictPairs, type BindingPairs } from './pairMemo';
import { lineOf, usedBy } from '../place';
import { DOCS } from './docs';
import { append } from '../../append';

type Keyed = Bucketed & { readonly binding: Binding };

export function conflictFindings(doc: ComposeDocument, services: readonly PortService[], bindings: readonly Binding[]): Finding[] {
  const stack = doc.mode === 'stack';
  // Compose never starts a service scaled to 0; a Swarm service keeps its published ports even then.
  const active = bindings.filter((b) => stack || b.service.replicas !== 0);
  const findings: Finding[] = [];
  const line = (b: Binding) => lineOf(doc, b.via ?? b.span);

  const { strict, profiled } = conflictPairs(doc, services, bindings, () => findPairs(active.filter((b) => !b.pool), stack));
  for (const [b, p] of strict) findings.push(clash(b, p, false, stack, line));
  for (const [b, p] of profiled) findings.push(clash(b, p, true, stack, line));

  // Duplicates within one service are found with its facts; their messages name lines, so they are written here.
  const firstRank = new Map<PortService, number>();
  for (const b of bindings) if (!firstRank.has(b.service)) firstRank.set(b.service, b.rank);
  for (const service of services) {
    const first = firstRank.get(service) ?? 0;
    for (const [query, partner] of service.facts.duplicates) {
      const b = bindings[first + query]!;
      const p = bindings[first + partner]!;
      const [start, end] = [Math.max(b.start, p.start), Math.min(b.end, p.end)];
      const message = `${subject(b, start, end, stack)} is published again by the same service '${b.service.name}' (line ${line(p)})${addressSuffix(b, p, stack)}.`;
      findings.push(finding(b, 'port-duplicate-in-service', 'error', message, p, stack ? DOCS.ingress : DOCS.publishing));
    }
  }

  if (!stack) append(findings, poolFindings(active, line));
  return findings;
}

/** The finding on binding `b`, which publishes a host port that its partner `p` of another service uses too. */
function clash(b: Binding, p: Binding, profilesOnly: boolean, stack: boolean, line: (b: Binding) => number): Finding {
  const guess = b.source === 'host-network' || p.source === 'host-network';
  const [start, end] = [Math.max(b.start, p.start), Math.min(b.end, p.end)];
  let message = `${subject(b, start, end, stack)} is also ${use(p)} (line ${line(p)})${addressSuffix(b, p, stack)}`;
  if (profilesOnly) message += `, but only when profiles ${listProfiles(b)} and ${listProfiles(p)} are enabled together.`;
  else if (stack) message += p.mode === 'host' ? ' in host mode: an ingress port cannot share its number with another service.' : ': Swarm gives each published port to one service only.';
  else message += '.';
  const severity: Severity = profilesOnly ? 'information' : guess ? 'warning' : 'error';
  const code = profilesOnly ? 'port-conflict-profiles' : 'port-conflict';
  return finding(b, code, severity, message, p, guess ? DOCS.hostNetwork : stack ? DOCS.ingress : DOCS.publishing);
}

/**
 * Each binding that clashes with a binding of another service, with the first such partner: `strict`
 * when both always run together, `profiled` when they do only with their profiles enabled together.
 */
function findPairs(fixed: readonly Binding[], stack: boolean): BindingPairs {
  // Dimensions every binding shares add nothing but work: most files bind no host IP and use no profiles.
  const dimensions: Dimensions = {
    addresses: fixed.some((b) => b.address.family !== 'any'),
    profiles: !stack && fixed.some((b) => b.service.profiles.length > 0),
    swarmModes: stack,
  };
  const crossService = keyer(dimensions);
  const strict = [...partners(fixed.map((binding) => crossService(binding, binding.service.index)))].map(([query, partner]) => [query.binding, partner.binding] as const);
  if (stack) return { strict, profiled: [] };
  // Services in disjoint profiles clash only when both profiles are enabled: looked for among the rest.
  const anyProfiles = keyer({ ...dimensions, profiles: false });
  const settled = new Set(strict.map(([binding]) => binding));
  const profiled = partners(fixed.filter((b) => b.service.profiles.length > 0).map((b) => {
    const item = anyProfiles(b, b.service.index);
    return settled.has(b) ? { ...item, queries: [] } : item;
  }));
  return { strict, profiled: [...profiled].map(([query, partner]) => [query.binding, partner.binding] as const) };
}

/** What, besides the protocol, must match for two bindings to clash. */
interface Dimensions {
  readonly addresses: boolean;
  readonly profiles: boolean;
  /** Swarm: ingress ports clash with every other service's port; host-mode ports only with ingress ones. */
  readonly swarmModes: boolean;
}

type Keys = { readonly members: readonly string[]; readonly queries: readonly string[] };

/**
 * Turns bindings into bucketed intervals. Bindings with equal keys share one key list, so a large file
 * allocates a few lists rather than one per binding.
 */
function keyer(dimensions: Dimensions): (binding: Binding, group: number) => Keyed {
  const cache = new Map<string, Keys>();
  return (binding, group) => {
    const { address, service, protocol, mode } = binding;
    const id = [protocol, dimensions.addresses ? `${address.family}=${address.ip ?? ''}` : '', dimensions.profiles ? service.profiles.join(',') : '', dimensions.swarmModes ? mode : ''].join('|');
    let keys = cache.get(id);
    if (!keys) {
      const addresses = dimensions.addresses ? addressKeys(address) : ANYWHERE;
      const profiles = dimensions.profiles ? profileKeys(service.profiles) : ANYWHERE;
      const modes = !dimensions.swarmModes ? ANYWHERE : mode === 'host' ? { members: ['h', '#'], queries: ['i'] } : { members: ['i', '#'], queries: ['#'] };
      keys = { members: combine(protocol, addresses.members, profiles.members, modes.members), queries: combine(protocol, addresses.queries, profiles.queries, modes.queries) };
      cache.set(id, keys);
    }
    return { binding, start: binding.start, end: binding.end, rank: binding.rank, group, ...keys };
  };
}

function combine(prefix: string, a: readonly string[], b: readonly string[], c: readonly string[]): string[] {
  const keys: string[] = [];
  for (const x of a) for (const y of b) for (const z of c) keys.push(`${prefix}|${x}|${y}|${z}`);
  return keys;
}

const ANYWHERE = { members: ['#'], queries: ['#'] };

/** A service without profiles runs with every profile set; services with profiles run together only if they share one. */
function profileKeys(profiles: readonly string[]): { members: string[]; queries: string[] } {
  if (profiles.length === 0) return { members: ['u', '#'], queries: ['#'] };
  const own = profiles.map((p) => `p:${p}`);
  return { members: [...own, '#'], queries: ['u', ...own] };
}

/**
 * Pairs of one service's bindings (indexes into them) that publish the same host port: within a service
 * every pair clashes, whatever the profiles or the Swarm publish mode. Each binding is paired with the
 * first other one it overlaps; equal items are left to the schema, which reports duplicate items.
 */
export function ownDuplicates(bindings: readonly LocalBinding[]): (readonly [number, number])[] {
  const keyed: (Bucketed & { readonly index: number })[] = [];
  bindings.forEach((b, index) => {
    if (b.source !== 'published' || b.pool) return;
    const addresses = addressKeys(b.address);
    keyed.push({ index, start: b.start, end: b.end, rank: index, group: index, members: combine(b.protocol, addresses.members, ['#'], ['#']), queries: combine(b.protocol, addresses.queries, ['#'], ['#']) });
  });
  const pairs: (readonly [number, number])[] = [];
  for (const [query, partner] of partners(keyed)) if (!sameItem(bindings[query.index]!, bindings[partner.index]!)) pairs.push([query.index, partner.index]);
  return pairs;
}

function sameItem(a: LocalBinding, b: LocalBinding): boolean {
  return a.scalar !== undefined && b.scalar !== undefined && a.scalar.value === b.scalar.value;
}

function coactive(a: Binding, b: Binding): boolean {
  const x = a.service.profiles;
  const y = b.service.profiles;
  return x.length === 0 || y.length === 0 || x.some((p) => y.includes(p));
}

function listProfiles(b: Binding): string {
  return b.service.profiles.map((p) => `'${p}'`).join(', ');
}

function subject(b: Binding, start: number, end: number, stack: boolean): string {
  const ports = describePorts(start, end, b.protocol);
  if (b.source === 'host-network') return `${capitalize(ports)}, which service '${b.service.name}' listens on with network_mode: host,`;
  return stack ? `Published ${ports}` : `Host ${ports} on ${describeAddress(b.address)}`;
}

function use(p: Binding): string {
  return p.source === 'host-network' ? `used by service '${p.service.name}' (network_mode: host)` : `published by service '${p.service.name}'`;
}

function addressSuffix(b: Binding, p: Binding, stack: boolean): string {
  if (stack || p.source === 'host-network' || describeAddress(p.address) === describeAddress(b.address)) return '';
  return ` on ${describeAddress(p.address)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finding(b: Binding, code: string, severity: Severity, message: string, partner: Binding, docUrl: string): Finding {
  const related: RelatedSpan[] = [{ span: partner.via ?? partner.span, message: `${capitalize(use(partner))} here` }];
  if (b.via) related.push(usedBy(b.via, b.service.name));
  return { code, severity, message, span: b.span, related, docUrl };
}

/**
 * A host range for one container port is a pool: Docker picks a free port from it, so it clashes only
 * when fixed ports of services running alongside leave fewer free ports than the service has replicas.
 */
function poolFindings(active: readonly Binding[], line: (b: Binding) => number): Finding[] {
  const findings: Finding[] = [];
  const pools = active.filter((b) => b.pool);
  // Most files have no pool: sorting every binding for none cost a few ms per keystroke at 5,000 services.
  if (pools.length === 0) return findings;
  const fixed = active.filter((b) => !b.pool).sort((a, b) => a.start - b.start);
  const longest = fixed.reduce((max, b) => Math.max(max, b.end - b.start), 0);
  for (const pool of pools) {
    const demand = pool.service.replicas ?? 1;
    const size = pool.end - pool.start + 1;
    if (demand > size) continue; // port-conflict-replicas says it
    const covering: Binding[] = [];
    for (let i = partitionPoint(fixed, (b) => b.start < pool.start - longest); i < fixed.length && fixed[i]!.start <= pool.end; i++) {
      const b = fixed[i]!;
      if (b.end >= pool.start && b.protocol === pool.protocol && addressesOverlap(b.address, pool.address) && coactive(b, pool)) covering.push(b);
    }
    if (size - coveredCount(pool, covering) >= demand) continue;
    const range = `${pool.start}-${pool.end}/${pool.protocol}`;
    const names = [...new Set(covering.map((b) => `'${b.service.name}' (line ${line(b)})`))].join(', ');
    findings.push({
      code: 'port-conflict',
      severity: 'error',
      message: `Host port range ${range} on ${describeAddress(pool.address)} has no free port left for service '${pool.service.name}': its ports are published by ${names}.`,
      span: pool.span,
      related: covering.map((b) => ({ span: b.via ?? b.span, message: `${capitalize(use(b))} here` })),
      docUrl: DOCS.publishing,
    });
    for (const b of covering) {
      const ports = describePorts(Math.max(b.start, pool.start), Math.min(b.end, pool.end), b.protocol);
      findings.push({
        code: 'port-conflict',
        severity: b.source === 'host-network' ? 'warning' : 'error',
        message: `Host ${ports} is also part of the host port range ${range} of service '${pool.service.name}' (line ${line(pool)}), which then has no free port left.`,
        span: b.span,
        related: [{ span: pool.via ?? pool.span, message: `Host port range of service '${pool.service.name}'` }],
        docUrl: DOCS.publishing,
      });
    }
  }
  return findings;
}

/** Ports of the pool taken by the covering bindings (their intervals are sorted by start). */
function coveredCount(pool: Binding, covering: readonly Binding[]): number {
  let count = 0;
  let next = pool.start;
  for (const b of covering) {
    const from = Math.max(next, b.start);
    const to = Math.min(pool.end, b.end);
    if (to >= from) count += to - from + 1;
    next = Math.max(next, to + 1);
  }
  return count;
}

/**
 * Compose creates one container per replica, each asking for the same host ports (COMPOSE-SEMANTICS 1.6).
 * Depends on the service alone: found with its facts, spans as its bindings have them.
 */
export function replicaFindings(service: string, replicas: number | undefined, bindings: readonly LocalBinding[]): Finding[] {
  const findings: Finding[] = [];
  if (replicas === undefined || replicas <= 1) return findings;
  for (const b of bindings) {
    if (b.source !== 'published') continue;
    const size = b.end - b.start + 1;
    if (b.pool && size >= replicas) continue;
    const message = b.pool
      ? `Host port range ${b.start}-${b.end}/${b.protocol} has ${size} ports for the ${replicas} replicas of service '${service}': widen it to ${replicas} ports.`
      : `Service '${service}' runs ${replicas} replicas, but only one container can bind host ${describePorts(b.start, b.end, b.protocol)}: use a host port range of ${replicas} ports for one container port, or leave the host port out.`;
    findings.push({ code: 'port-conflict-replicas', severity: 'error', message, span: b.span, docUrl: DOCS.publishing });
  }
  return findings;
}
