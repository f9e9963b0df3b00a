/**
 * The port model of one document version, joined from the services' facts (facts.ts): services with
 * the profiles they run under, and every binding placed at its span in this version's text.
 */
import type { ComposeDocument } from '../../parse/model';
import { servicePorts, type PortSpec } from '../../parse/ports';
import { append } from '../../append';
import { perDocument } from '../../perDocument';
import { absolute, type ServiceFacts } from '../serviceFacts';
import type { Binding, PortFacts, PortService } from './bindings';
import { portFacts } from './facts';

/** The last version's services and where each one's bindings were placed, reused for services an edit left alone. */
let last: { readonly services: readonly PortService[]; readonly placed: readonly (readonly Binding[])[] } | undefined;

/** Every service with its port facts, once per document version (the analysis, fixes and completion share it). */
export const portServices = perDocument((doc): readonly PortService[] => {
  const services = portFacts(doc);
  const profiles = activationProfiles(services);
  const before = last?.services;
  return services.map((service, i) => {
    const { element, index, start, facts } = service;
    const own = profiles.get(element.name) ?? ALWAYS;
    // The same facts entry is the same service at the same place (serviceFacts.ts).
    const same = before?.[i];
    if (same && same.element === element && same.facts === facts && same.profiles === own) return same;
    return { name: element.name, element, index, start, facts, profiles: own, replicas: facts.replicas, networkMode: facts.networkMode };
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
export const portBindings = perDocument((doc: ComposeDocument): Binding[] => {
  const services = portServices(doc);
  const bindings: Binding[] = [];
  const placed: (readonly Binding[])[] = [];
  for (const [i, service] of services.entries()) {
    // A service the edit left alone, whose bindings start at the same rank, keeps them as they were.
    const kept = last?.services[i] === service ? last.placed[i] : undefined;
    if (kept && (kept.length === 0 || kept[0]!.rank === bindings.length)) {
      append(bindings, kept);
      placed.push(kept);
      continue;
    }
    const own: Binding[] = [];
    for (const local of service.facts.bindings) {
      const binding = { ...local, service, rank: bindings.length, span: absolute(local.span, service.start) };
      const at = local.via ? { ...binding, via: absolute(local.via, service.start) } : binding;
      bindings.push(at);
      own.push(at);
    }
    placed.push(own);
  }
  last = { services, placed };
  return bindings;
});

/** Every parsed `ports` item of the file with its tree node, for quick fixes and refactorings (asked on demand). */
export const portItems = perDocument((doc: ComposeDocument): readonly PortSpec[] => [...doc.model.services.values()].flatMap((element) => servicePorts(element.node)));

