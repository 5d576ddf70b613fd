// The page's side of the geoparse worker: starts it on the first request (so the default
// article never pays for it), matches answers to requests, and turns every way a worker can
// fail (a script that does not load, an exception, resources that do not arrive) into a result
// with a message. A failed worker is dropped; the next request starts a fresh one.
import type { PlaceCollection } from '../../geo/types.ts';
import type { FromWorker, Progress, Timings, ToWorker } from './messages.ts';

export type GeoparseOutcome = { ok: true; places: PlaceCollection; timings: Timings } | { ok: false; error: string };

interface Pending {
  resolve: (outcome: GeoparseOutcome) => void;
  onProgress: (p: Progress) => void;
}

const WORKER_FAILED = 'The geoparser could not start in this browser, so the article could not be read. The current article is still here; try again, or reload the page.';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.resolve({ ok: false, error: message });
  pending.clear();
}

function start(): Worker {
  const w = new Worker(new URL('./geoparse.worker.ts', import.meta.url), { type: 'module', name: 'geoparse' });
  w.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return; // cancelled
    if (message.type === 'progress') return request.onProgress(message.progress);
    pending.delete(message.id);
    request.resolve(message.type === 'result' ? { ok: true, places: message.places, timings: message.timings } : { ok: false, error: message.message });
  };
  // A script that fails to load or throws at top level; nothing more can be expected from it.
  w.onerror = (event) => {
    event.preventDefault();
    failAll(WORKER_FAILED);
  };
  w.onmessageerror = () => failAll(WORKER_FAILED);
  return w;
}

/**
 * Starts the worker ahead of a request (the reader opened "New article"): its script is small
 * and loads nothing else, so a paste does not wait for it. The resources still wait for a text.
 */
export function warmUpWorker(): void {
  try {
    worker ??= start();
  } catch {
    // The request will report it.
  }
}

/** Geoparses `text` in the worker; never rejects. */
export function geoparseInWorker(text: string, onProgress: (p: Progress) => void = () => {}): { done: Promise<GeoparseOutcome>; cancel: () => void } {
  const id = nextId++;
  const done = new Promise<GeoparseOutcome>((resolve) => {
    pending.set(id, { resolve, onProgress });
    try {
      worker ??= start();
      const message: ToWorker = { type: 'geoparse', id, text };
      worker.postMessage(message);
    } catch {
      failAll(WORKER_FAILED);
    }
  });
  const cancel = () => {
    const request = pending.get(id);
    pending.delete(id);
    request?.resolve({ ok: false, error: 'cancelled' });
  };
  return { done, cancel };
}
