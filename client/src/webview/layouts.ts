/**
 * One entry per view: `fullLayout` (ELK, run in the worker) and `quickLayout` (linear-time packing, the
 * fallback when the full one misses its budget or no worker can start). Both return a Scene.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { NetworkGraphResult } from '../../../server/src/protocol';
import { dependenciesElk, dependenciesFallback, dependenciesFromElk, planDependencies } from './dependencies';
import { elkPositions, networksElk, networksScene, planNetworks, shelfPositions } from './networks';
import { portsScene } from './ports';
import type { Layers, Scene, ViewName } from './scene';

export interface LayoutRequest {
  readonly graph: NetworkGraphResult;
  readonly view: ViewName;
  readonly layers: Layers;
}

export type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;

export async function fullLayout(request: LayoutRequest, elk: ElkLayout): Promise<Scene> {
  if (request.view === 'ports') return portsScene(request.graph);
  if (request.view === 'dependencies') {
    const plan = planDependencies(request.graph);
    return dependenciesFromElk(plan, await elk(dependenciesElk(plan)));
  }
  const plan = planNetworks(request.graph, request.layers);
  // Nothing to arrange but boxes: shelves are what ELK would do, without its cost.
  if (plan.links.length === 0) return networksScene(plan, shelfPositions(plan), 'full');
  return networksScene(plan, elkPositions(await elk(networksElk(plan))), 'full');
}

export function quickLayout(request: LayoutRequest): Scene {
  if (request.view === 'ports') return portsScene(request.graph);
  if (request.view === 'dependencies') return dependenciesFallback(planDependencies(request.graph));
  const plan = planNetworks(request.graph, request.layers);
  return networksScene(plan, shelfPositions(plan), 'fallback');
}
