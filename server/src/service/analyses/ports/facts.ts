/**
 * What the ports analysis needs from one service, extracted once per service content (see
 * serviceFacts.ts): its parsed bindings, what decides which services run together (replicas, profiles,
 * dependencies), and the findings that depend on the service alone, all with spans relative to it.
 */
import { joinsDefaultNetwork, networkMode, replicaCount, serviceDependsOn, serviceNetworks } from '../../parse/compose';
import type { Element } from '../../parse/model';
import { servicePorts } from '../../parse/ports';
import { entry, get, listItems, text } from '../../parse/tree';
import type { ComposeMode } from '../../types';
import { perServiceFacts, type Frame } from '../serviceFacts';
import { localBindings, type PortFacts } from './bindings';
import { ownDuplicates, replicaFindings } from './conflicts';
import { ownServiceFindings, swarmReserved } from './services';
import { syntaxFindings } from './syntax';

export const portFacts = perServiceFacts(extractPortFacts);

function extractPortFacts(element: Element, mode: ComposeMode, frame: Frame): PortFacts {
  const node = element.node;
  const stack = mode === 'stack';
  const ports = servicePorts(node);
  const networking = networkMode(node);
  const portsEntry = entry(node, 'ports');
  const networks = joinsDefaultNetwork(node) ? ['default'] : serviceNetworks(node).map((n) => n.name);
  const replicas = replicaCount(node);
  const bindings = localBindings(node, ports, stack, networking?.kind, frame);
  const publishes = !stack && !networking && portsEntry !== undefined && ports.length > 0 && networks.length > 0;
  return {
    replicas,
    networkMode: networking?.kind,
    profiles: listItems(get(node, 'profiles')).flatMap((item) => text(item) ?? []),
    dependsOn: serviceDependsOn(node).map((dependency) => dependency.name),
    bindings,
    // Compose never starts a service scaled to 0; a Swarm service keeps its published ports even then.
    duplicates: stack || replicas !== 0 ? ownDuplicates(bindings) : [],
    syntax: ports.flatMap((spec) => {
      const findings = syntaxFindings(spec);
      return findings.length === 0 ? [] : [{ item: frame.span(spec.node.span).start, findings: findings.map((f) => frame.finding(f)) }];
    }),
    findings: [
      ...ownServiceFindings(element, ports, networking, stack, portsEntry).map((f) => frame.finding(f)),
      // The bindings' spans are relative already.
      ...swarmReserved(bindings, stack ? 'error' : 'warning'),
      ...(stack ? [] : replicaFindings(element.name, replicas, bindings)),
    ],
    ...(publishes ? { publishing: { networks, portsKey: { keySpan: frame.span(portsEntry.keySpan), ...(portsEntry.via ? { via: frame.span(portsEntry.via) } : {}) } } } : {}),
  };
}
