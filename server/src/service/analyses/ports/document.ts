/**
 * The port model of one document version, joined from the services' facts (facts.ts): services with
 * the profiles they run under, and every binding placed at its span in this version's text.
 */
import type { ComposeDocument } from '../../parse/model';
import { servicePorts, type PortSpec } from '../../parse/ports';
import { append } from '../../append';
import { checkedElements, memberSlot } from '../../parse/elementCache';
import { perDocument } from '../../perDocument';
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
  return services.map((service) => {
    const { element, index, start, facts } = service;
    const own = profiles.get(element.name) ?? ALWAYS;
    // The facts entries are in member order (serviceFacts.ts); the same entry is the same service at the same place.
    const member = members[index]!;
    const same = member.derived[SERVICE_SLOT] as PortService | undefined;
    if (same && same.element === element && same.index === index && same.facts === facts && same.profiles === own) return same;
    const fresh: PortService = { name: element.name, element, index, start, facts, profiles: own, replicas: facts.replicas, networkMode: facts.networkMode };
    member.derived[SERVICE_SLOT] = fresh;
    return fresh;
  });
});

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
  const bindings: Binding[] = [];
  for (const service of portServices(doc)) {
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
  return bindings;
});

/** Every parsed `ports` item of the file with its tree node, for quick fixes and refactorings (asked on demand). */
export const portItems = perDocument((doc: ComposeDocument): readonly PortSpec[] => [...doc.model.services.values()].flatMap((element) => servicePorts(element.node)));

