/**
 * The port model of one document version, joined from the services' facts (facts.ts): services with
 * the profiles they run under, and every binding placed at its span in this version's text.
 */
import { lineageOf, type ComposeDocument } from '../../parse/model';
import { servicePorts, type PortSpec } from '../../parse/ports';
import { append } from '../../append';
import { checkedElements, memberSlot } from '../../parse/elementCache';
import { perDocument } from '../../perDocument';
import { lineageSlot, unchangedPrefix } from '../../parse/lineage';
import { absolute, type ServiceFacts } from '../serviceFacts';
import type { Binding, PortFacts, PortService } from './bindings';
import { portFacts } from './facts';

/**
 * Where a service's PortService and placed bindings are kept on its member (elementCache.ts), for the
 * next version to reuse when the edit left the service alone.
 */
const SERVICE_SLOT = memberSlot();
const BINDINGS_SLOT = memberSlot();

/** Every service with its port facts, once per document version (the analysis, fixes and completion share it). */
export const portServices = perDocument((doc): readonly PortService[] => {
  const services = portFacts(doc);
  const profiles = activationProfiles(services);
  const members = checkedElements(doc.model.services);
  // Without profiles, the services before the edit are the last version's (lineage.ts).
  const lineage = lineageOf(doc);
  const last = profiles.size === 0 ? lineage?.get(LAST_SERVICES) : undefined;
  const reused = last ? unchangedPrefix(last.facts, services) : 0;
  const result: PortService[] = last ? last.services.slice(0, reused) : [];
  for (let i = reused; i < services.length; i++) {
    const { element, index, start, facts } = services[i]!;
    const own = profiles.get(element.name) ?? ALWAYS;
    // The facts entries are in member order (serviceFacts.ts); the same entry is the same service at the same place.
    const member = members[index]!;
    const same = member.derived[SERVICE_SLOT] as PortService | undefined;
    if (same && same.element === element && same.index === index && same.facts === facts && same.profiles === own) {
      result.push(same);
      continue;
    }
    const fresh: PortService = { name: element.name, element, index, start, facts, profiles: own, replicas: facts.replicas, networkMode: facts.networkMode };
    member.derived[SERVICE_SLOT] = fresh;
    result.push(fresh);
  }
  lineage?.set(LAST_SERVICES, profiles.size === 0 ? { facts: services, services: result } : undefined);
  return result;
});

/** What the last version's services were made from (lineage.ts); only kept while no service has profiles. */
const LAST_SERVICES = lineageSlot<{ readonly facts: readonly ServiceFacts<PortFacts>[]; readonly services: readonly PortService[] } | undefined>();

const ALWAYS: readonly string[] = [];

/**
 * The profiles under which each service runs; empty = always. A service also runs when a service that
 * depends on it runs, so it inherits its dependents' profiles (https://docs.docker.com/compose/how-tos/profiles/).
 */
function activationProfiles(services: readonly ServiceFacts<PortFacts>[]): Map<string, readonly string[]> {
  // Only a service with profiles of its own can have any: most files have none, and need no walk.
  if (services.every((s) => s.facts.profiles.length === 0)) return new Map();
  const always = new Set<string>();
  const profiles = new Map<string, Set<string>>();
  const dependencies = new Map<string, readonly string[]>();
  for (const { element, facts } of services) {
    const own = facts.profiles;
    if (own.length === 0) always.add(element.name);
    profiles.set(element.name, new Set(own));
    dependencies.set(element.name, facts.dependsOn);
  }
  const pending = services.map((s) => s.element.name);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const dependency of dependencies.get(name)!) {
      const target = profiles.get(dependency);
      if (!target || always.has(dependency)) continue;
      const before = target.size;
      if (always.has(name)) always.add(dependency);
      else for (const profile of profiles.get(name)!) target.add(profile);
      if (always.has(dependency) || target.size > before) pending.push(dependency);
    }
  }
  return new Map([...profiles].map(([name, set]) => [name, always.has(name) ? ALWAYS : [...set]]));
}

/** Host-side bindings of every service, in document order. */
export const portBindings = perDocument((doc: ComposeDocument): readonly Binding[] => {
  const members = checkedElements(doc.model.services);
  const services = portServices(doc);
  // The bindings of the services before the edit are the last version's (lineage.ts).
  const lineage = lineageOf(doc);
  const last = lineage?.get(LAST_BINDINGS);
  const reused = last ? unchangedPrefix(last.services, services) : 0;
  /** Where each service's bindings start, and where the last one's end. */
  const starts = new Int32Array(services.length + 1);
  if (last && reused > 0) starts.set(last.starts.subarray(0, reused + 1));
  const bindings: Binding[] = last ? last.bindings.slice(0, starts[reused]) : [];
  for (let i = reused; i < services.length; i++) {
    const service = services[i]!;
    starts[i] = bindings.length;
    // A service the edit left alone, whose bindings start at the same rank, keeps them as they were.
    const member = members[service.index]!;
    const kept = member.derived[BINDINGS_SLOT] as { readonly service: PortService; readonly rank: number; readonly placed: readonly Binding[] } | undefined;
    if (kept?.service === service && kept.rank === bindings.length) {
      append(bindings, kept.placed);
      continue;
    }
    const rank = bindings.length;
    const own: Binding[] = [];
    for (const local of service.facts.bindings) {
      const binding = { ...local, service, rank: bindings.length, span: absolute(local.span, service.start) };
      const at = local.via ? { ...binding, via: absolute(local.via, service.start) } : binding;
      bindings.push(at);
      own.push(at);
    }
    member.derived[BINDINGS_SLOT] = { service, rank, placed: own };
  }
  starts[services.length] = bindings.length;
  lineage?.set(LAST_BINDINGS, { services, bindings, starts });
  return bindings;
});

/** The last version's services and bindings (lineage.ts), and where each service's bindings start. */
const LAST_BINDINGS = lineageSlot<{ readonly services: readonly PortService[]; readonly bindings: readonly Binding[]; readonly starts: Int32Array }>();

/** Every parsed `ports` item of the file with its tree node, for quick fixes and refactorings (asked on demand). */
export const portItems = perDocument((doc: ComposeDocument): readonly PortSpec[] => [...doc.model.services.values()].flatMap((element) => servicePorts(element.node)));

