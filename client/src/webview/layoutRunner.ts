/**
 * The UI thread's side of the layout worker: one layout at a time, a newer request cancels the older one
 * (its worker is terminated, since ELK cannot be interrupted), and a layout that misses its budget is
 * replaced by the quick layout, so the panel never waits long whatever the graph.
 */
import { quickLayout, type LayoutRequest } from './layouts';
import type { Scene } from './scene';
import type { WorkerAnswer, WorkerRequest } from './layoutWorker';

/** The worker bundle's text, put in by the build (scripts/build.mjs). */
declare const LAYOUT_WORKER_SOURCE: string;

interface Pending {
  readonly id: number;
  readonly request: LayoutRequest;
  readonly resolve: (scene: Scene | undefined) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class LayoutRunner {
  private worker: Worker | undefined;
  private url: string | undefined;
  private pending: Pending | undefined;
  private next = 0;
  /** Set when no worker can be started here; every layout is then the quick one. */
  private unavailable = false;

  constructor(private readonly budgetMs: number) {}

  /** The scene for `request`, or undefined when a newer request superseded it. */
  layout(request: LayoutRequest): Promise<Scene | undefined> {
    this.cancel();
    const worker = this.start();
    if (!worker) return Promise.resolve(quickLayout(request));
    const id = ++this.next;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.giveUp(id), this.budgetMs);
      this.pending = { id, request, resolve, timer };
      worker.postMessage({ id, ...request } satisfies WorkerRequest);
    });
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      this.url ??= URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
      const worker = new Worker(this.url);
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) => this.answer(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.unavailable = true;
        this.giveUp(this.pending?.id ?? -1);
      };
      this.worker = worker;
    } catch {
      this.unavailable = true;
    }
    return this.worker;
  }

  private answer(answer: WorkerAnswer): void {
    const pending = this.pending;
    if (!pending || pending.id !== answer.id) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.resolve('scene' in answer ? answer.scene : quickLayout(pending.request));
  }

  /** The budget ran out (or the worker failed): stop it and draw the quick layout. */
  private giveUp(id: number): void {
    const pending = this.pending;
    if (!pending || pending.id !== id) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.stop();
    pending.resolve(quickLayout(pending.request));
  }

  private cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.stop();
    pending.resolve(undefined);
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
