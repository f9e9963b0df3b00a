/**
 * The layout worker: ELK and the layouts run here, off the webview's UI thread, so typing, zoom and the
 * toolbar stay responsive while a dense graph is laid out. Built as its own bundle and started from a
 * blob: URL (the webview's CSP allows `worker-src blob:` and nothing else).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { fullLayout, type LayoutRequest } from './layouts';

export interface WorkerRequest extends LayoutRequest {
  readonly id: number;
}
export type WorkerAnswer = { readonly id: number; readonly scene: import('./scene').Scene } | { readonly id: number; readonly error: string };

const elk = new ELK();
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(answer: WorkerAnswer): void };
// Loading elk.bundled.js in a worker installs ELK's own message handler on `self`; this one replaces it.
scope.onmessage = (event) => {
  const { id } = event.data;
  fullLayout(event.data, (graph) => elk.layout(graph)).then(
    (scene) => scope.postMessage({ id, scene }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
