/**
 * Start-order cycles between services (compose-go `graph/cycle.go`: "dependency cycle detected:
 * a -> b -> a"). Compose makes every `depends_on`, `links`, `network_mode`/`ipc`/`pid: service:`
 * and `volumes_from` target a dependency (compose-go `loader/normalize.go`). Strongly connected components
 * are found with an iterative Tarjan walk, linear in services plus edges, so 5,000 services cannot
 * overflow the stack.
 */
import { composeFileDoc } from '../../facts/composeFileDocs';
import type { ComposeDocument } from '../../parse/model';
import type { Finding } from '../../types';
import { usedBy } from '../place';
import { DEPENDENCY_KEYS, referenceIndex, type Reference } from './referenceIndex';
import { pushTo } from '../../multimap';

const DOC_URL = composeFileDoc('services', 'depends_on');

export function findDependencyCycles(doc: ComposeDocument): Finding[] {
  if (doc.mode === 'stack') return []; // `docker stack deploy` ignores start order entirely
  const edges = new Map<string, Reference[]>();
  for (const reference of referenceIndex(doc).references) {
    if (!DEPENDENCY_KEYS.has(reference.key) || !doc.model.services.has(reference.name)) continue;
    pushTo(edges, reference.from, reference);
  }
  const findings: Finding[] = [];
  for (const component of stronglyConnected([...doc.model.services.keys()].sort(), edges)) {
    const cycle = cycleIn(component, edges);
    if (!cycle) continue;
    const path = describePath(cycle);
    cycle.forEach((edge, i) => {
      // Each edge points at the next one, so the whole cycle can be followed without quadratic output.
      const next = cycle[(i + 1) % cycle.length]!;
      const related = [
        ...(edge.via ? [usedBy(edge.via, edge.from)] : []),
        ...(next !== edge ? [{ span: next.span, message: `'${next.from}' depends on '${next.name}'` }] : []),
      ];
      findings.push({
        code: 'depends-on-cycle',
        severity: 'error',
        message: `Dependency cycle: ${path}. Compose cannot decide which service to start first.`,
        span: edge.span,
        ...(related.length ? { related } : {}),
        docUrl: DOC_URL,
      });
    });
  }
  return findings;
}

const MAX_PATH = 8;

/** `a -> b -> a`; long cycles are shortened to their first services and their length. */
function describePath(cycle: readonly Reference[]): string {
  const names = cycle.map((edge) => edge.from);
  if (names.length <= MAX_PATH) return [...names, names[0]].join(' -> ');
  return `${names.slice(0, MAX_PATH - 1).join(' -> ')} -> … -> ${names.at(-1)!} -> ${names[0]!} (${names.length} services)`;
}

/** Tarjan's algorithm with an explicit stack; yields components with a cycle (size > 1 or a self-edge). */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly Reference[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const target = out[frame.next++]!.name;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfEdge = (edges.get(frame.node) ?? []).some((edge) => edge.name === frame.node);
      if (component.length > 1 || selfEdge) components.push(component);
    }
  }
  return components;
}

/** One concrete cycle through the component's first service (by name), found breadth-first. */
function cycleIn(component: readonly string[], edges: ReadonlyMap<string, readonly Reference[]>): Reference[] | undefined {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const reachedBy = new Map<string, Reference>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of edges.get(queue[i]!) ?? []) {
      if (!members.has(edge.name)) continue;
      if (edge.name === start) {
        const cycle = [edge];
        for (let at = edge.from; at !== start; at = reachedBy.get(at)!.from) cycle.unshift(reachedBy.get(at)!);
        return cycle;
      }
      if (reachedBy.has(edge.name)) continue;
      reachedBy.set(edge.name, edge);
      queue.push(edge.name);
    }
  }
  return undefined;
}
