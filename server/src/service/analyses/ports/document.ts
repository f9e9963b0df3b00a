/**
 * The port model of one document version, joined from the services' facts (facts.ts): services with
 * the profiles they run under, and every binding placed at its span in this version's text.
 */
import type { ComposeDocument } from '../../parse/model';
import { servicePorts, type PortSpec } from '../../parse/ports';
import { perDocument } from '../../perDocument';
import { absolute } from '../serviceFacts';
import type { Binding, PortService } from './bindings';
import { portFacts } from './facts';

/** Every service with its port facts, once per document version (the analysis, fixes and completion share it). */
export const portServices = perDocument((doc): readonly PortService[] => {
  const services = portFacts(doc);
  const profiles = activationProfiles(services.map((s) => ({ name: s.element.name, own: s.facts.profiles, dependsOn: s.facts.dependsOn })));
  return services.map(({ element, index, start, facts }) => ({ name: element.name, element, index, start, facts, profiles: profiles.get(element.name) ?? [], replicas: facts.replicas, networkMode: facts.networkMode }));
});

/**
 * The profiles under which each service runs; empty = always. A service also runs when a service that
 * depends on it runs, so it inherits its dependents' profiles (https://docs.docker.com/compose/how-tos/profiles/).
 */
function activationProfiles(services: readonly { name: string; own: readonly string[]; dependsOn: readonly string[] }[]): Map<string, readonly string[]> {
  // Only a service with profiles of its own can have any: most files have none, and need no walk.
  if (services.every((s) => s.own.length === 0)) return new Map();
  const always = new Set<string>();
  const profiles = new Map<string, Set<string>>();
  const dependencies = new Map<string, readonly string[]>();
  for (const { name, own, dependsOn } of services) {
    if (own.length === 0) always.add(name);
    profiles.set(name, new Set(own));
    dependencies.set(name, dependsOn);
  }
  const pending = services.map((s) => s.name);
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
  const none: readonly string[] = [];
  return new Map([...profiles].map(([name, set]) => [name, always.has(name) ? none : [...set]]));
}

/** Host-side bindings of every service, in document order. */
export const portBindings = perDocument((doc: ComposeDocument): Binding[] => {
  const bindings: Binding[] = [];
  for (const service of portServices(doc)) {
    for (const local of service.facts.bindings) {
      const placed = { ...local, service, rank: bindings.length, span: absolute(local.span, service.start) };
      bindings.push(local.via ? { ...placed, via: absolute(local.via, service.start) } : placed);
    }
  }
  return bindings;
});

/** Every parsed `ports` item of the file with its tree node, for quick fixes and refactorings (asked on demand). */
export const portItems = perDocument((doc: ComposeDocument): readonly PortSpec[] => [...doc.model.services.values()].flatMap((element) => servicePorts(element.node)));

