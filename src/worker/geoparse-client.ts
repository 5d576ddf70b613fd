// The page's side of the geoparse worker: starts it on the first request (so the default
// article never pays for it), matches answers to requests, and turns every way a worker can
// fail (a script that does not load, an exception, resources that do not arrive) into a result
// with a message. A failed worker is dropped; the next request starts a fresh one.
import type { PlaceCollection, Reading } from '../../geo/types.ts';
import type { PreparedInput } from '../../geo/text/input.ts';
import type { FromWorker, Progress, Timings, ToWorker } from './messages.ts';

export type GeoparseOutcome = { ok: true; places: PlaceCollection; timings: Timings } | { ok: false; error: string };

export type SearchOutcome = { ok: true; readings: Reading[] } | { ok: false; error: string };

/** Any answer the worker gives to one request, or the failure that stands for it. */
type Answer = Exclude<FromWorker, { type: 'progress' }> | { type: 'failure'; id: number; message: string };

interface Pending {
  resolve: (answer: Answer) => void;
  onProgress: (p: Progress) => void;
}

const WORKER_FAILED = 'The geoparser could not start in this browser, so the article could not be read. The current article is still here; try again, or reload the page.';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  worker?.terminate();
  worker = null;
  for (const [id, p] of pending) p.resolve({ type: 'failure', id, message });
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
    request.resolve(message);
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

/** Sends one request and resolves with its answer (or a failure); never rejects. */
function request(message: ToWorker, onProgress: (p: Progress) => void = () => {}): { done: Promise<Answer>; cancel: () => void } {
  const { id } = message;
  const done = new Promise<Answer>((resolve) => {
    pending.set(id, { resolve, onProgress });
    try {
      worker ??= start();
      worker.postMessage(message);
    } catch {
      failAll(WORKER_FAILED);
    }
  });
  const cancel = () => {
    const waiting = pending.get(id);
    pending.delete(id);
    waiting?.resolve({ type: 'failure', id, message: 'cancelled' });
  };
  return { done, cancel };
}

/** Geoparses `text` in the worker; never rejects. */
export function geoparseInWorker(text: string, onProgress: (p: Progress) => void = () => {}): { done: Promise<GeoparseOutcome>; cancel: () => void } {
  const job = request({ type: 'geoparse', id: nextId++, text }, onProgress);
  const done = job.done.then((a): GeoparseOutcome => (a.type === 'result' ? { ok: true, places: a.places, timings: a.timings } : { ok: false, error: a.type === 'failure' ? a.message : 'unexpected answer' }));
  return { done, cancel: job.cancel };
}

/** Reduces a pasted or dropped text to plain text in the worker (HTML can be long); never rejects. */
export async function prepareInWorker(raw: string): Promise<PreparedInput> {
  const a = await request({ type: 'prepare', id: nextId++, raw }).done;
  if (a.type === 'prepared') return a.result;
  return { ok: false, error: a.type === 'failure' ? a.message : 'unexpected answer' };
}

/**
 * Gazetteer places whose name starts with `query` (the worker loads its data first if it has
 * not yet), those near `near` ([lon, lat]) first; never rejects.
 */
export async function searchPlacesInWorker(query: string, options: { near?: [number, number] | null; limit?: number } = {}): Promise<SearchOutcome> {
  const a = await request({ type: 'search', id: nextId++, query, near: options.near ?? null, limit: options.limit ?? 10 }).done;
  if (a.type === 'found') return { ok: true, readings: a.readings };
  return { ok: false, error: a.type === 'failure' ? a.message : 'unexpected answer' };
}
