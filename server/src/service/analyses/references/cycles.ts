/**
 * Cycles in a graph of named services whose edges are references (`depends_on` and friends, `extends`):
 * strongly connected components with an iterative Tarjan walk, linear in services plus edges, so a
 * 5,000-service chain cannot overflow the stack; then one concrete cycle per component, reported on
 * every edge so it shows wherever the user looks.
 */
import type { Finding } from '../../types';
import { usedBy } from '../place';
import type { Reference } from './referenceIndex';

/** An edge from the service `from` to the service `name`. */
interface Edge {
  readonly from: string;
  readonly name: string;
}

/** Each cycle among `nodes` as its edges in order, each pointing at the next (the last at the first). */
function findCycles<E extends Edge>(nodes: readonly string[], edges: ReadonlyMap<string, readonly E[]>): E[][] {
  const cycles: E[][] = [];
  for (const component of stronglyConnected(nodes, edges)) {
    const cycle = cycleIn(component, edges);
    if (cycle) cycles.push(cycle);
  }
  return cycles;
}

export interface CycleRule {
  readonly code: string;
  readonly arrow: string;
  readonly message: (path: string) => string;
  /** What one edge says, as related information on the edge before it (`'a' depends on 'b'`). */
  readonly step: (edge: Reference) => string;
  readonly docUrl: string;
}

/**
 * One finding per edge of each cycle among the file's services, each pointing at the next edge. Only a
 * service with an edge out can be on a cycle, so the walk starts from those alone: most services of a
 * large file have none, and sorting every name on each keystroke cost more than the walk.
 */
export function cycleFindings(edges: ReadonlyMap<string, readonly Reference[]>, rule: CycleRule): Finding[] {
  const findings: Finding[] = [];
  for (const cycle of findCycles([...edges.keys()].sort(), edges)) {
    const path = describeCycle(cycle.map((edge) => edge.from), rule.arrow);
    cycle.forEach((edge, i) => {
      // Each edge points at the next one, so the whole cycle can be followed without quadratic output.
      const next = cycle[(i + 1) % cycle.length]!;
      const related = [...(edge.via ? [usedBy(edge.via, edge.from)] : []), ...(next !== edge ? [{ span: next.span, message: rule.step(next) }] : [])];
      findings.push({ code: rule.code, severity: 'error', message: rule.message(path), span: edge.span, ...(related.length ? { related } : {}), docUrl: rule.docUrl });
    });
  }
  return findings;
}

const MAX_PATH = 8;

/**
 * `a -> b -> a` from the names of a cycle's steps (the first is repeated at the end); a long cycle is
 * shortened to its first steps and its length.
 */
function describeCycle(names: readonly string[], arrow = ' -> '): string {
  if (names.length <= MAX_PATH) return [...names, names[0]].join(arrow);
  return `${names.slice(0, MAX_PATH - 1).join(arrow)}${arrow}…${arrow}${names.at(-1)!}${arrow}${names[0]!} (${names.length} services)`;
}

/** Tarjan's algorithm with an explicit stack; yields components with a cycle (size > 1 or a self-edge). */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly Edge[]>): string[][] {
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
function cycleIn<E extends Edge>(component: readonly string[], edges: ReadonlyMap<string, readonly E[]>): E[] | undefined {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const reachedBy = new Map<string, E>();
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
