// The geoparse worker: a thin typed shell around the pure `geoparse` of geo/. It loads the
// resources on the first request (and keeps them for the next), reports progress, and answers
// every request with a result or a failure, so the page never waits on a silent worker.
import { placeRecognised, recogniseText, type GeoparseResources, type GeoparseStage } from '../../geo/geoparse.ts';
import type { PlaceCollection } from '../../geo/types.ts';
import { createResources } from '../../geo/resources.ts';
import { prepareText } from '../../geo/text/input.ts';
import { fold } from '../../geo/text/fold.ts';
import { divisionNamesOf, readingOf } from '../../geo/output/features.ts';
import { AVAILABLE_TIERS, loadRawResources, loadTier, ResourceError } from './load-resources.ts';
import { wantedTiers } from '../../geo/gazetteer/wanted-tiers.ts';
import type { FromWorker, Progress, Timings, ToWorker } from './messages.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

interface Ready {
  resources: GeoparseResources;
  timings: Pick<Timings, 'downloadMs' | 'prepareMs' | 'bytes' | 'fromCache'>;
}

/** Country tiers being fetched, shared by requests that need the same one. */
const tierLoads = new Map<string, Promise<void>>();

/** Adds the country tiers `codes` to the gazetteer (each fetched once); resolves with the bytes read. */
async function addTiers(resources: GeoparseResources, codes: string[], progress: (p: Progress) => void): Promise<number> {
  let bytes = 0;
  let fromCache = true;
  const report = () => progress({ stage: 'download', loaded: bytes, total: null, fromCache, countries: codes });
  report();
  await Promise.all(
    codes.map((code) => {
      let load = tierLoads.get(code);
      if (!load) {
        load = loadTier(code, (n, cached) => {
          bytes += n;
          fromCache &&= cached;
          report();
        }).then((text) => resources.gazetteer.addTier(text));
        load.catch(() => tierLoads.delete(code));
        tierLoads.set(code, load);
      }
      return load;
    }),
  );
  return bytes;
}

/**
 * Geoparses with the tiers loaded, then, if the result points at country tiers not loaded yet
 * (the article's countries, or names only those tiers hold), fetches them and geoparses again.
 * A tier that cannot be fetched leaves the first result standing.
 */
function geoparseWithTiers(text: string, resources: GeoparseResources, progress: (p: Progress) => void): Promise<{ places: PlaceCollection; tiers: string[]; tierBytes: number; tiersMs: number }> {
  const onStage = (step: GeoparseStage) => progress({ stage: 'geoparse', step });
  // Recognition does not depend on the tiers loaded: only candidates and resolution run again.
  const recognised = recogniseText(text, resources, { onStage });
  const first = placeRecognised(recognised, resources, { onStage });
  const wanted = wantedTiers(first, resources.gazetteer, AVAILABLE_TIERS);
  if (!wanted.length) return Promise.resolve({ places: first, tiers: [], tierBytes: 0, tiersMs: 0 });
  const t0 = performance.now();
  return addTiers(resources, wanted, progress).then(
    (tierBytes) => ({ places: placeRecognised(recognised, resources, { onStage }), tiers: wanted, tierBytes, tiersMs: performance.now() - t0 }),
    () => ({ places: first, tiers: [], tierBytes: 0, tiersMs: 0 }),
  );
}

/** One load shared by concurrent requests; forgotten on failure so the next request tries again. */
let loading: Promise<Ready> | null = null;
/** Set once the resources are in memory: later requests cost only the geoparse. */
let inMemory = false;
/** Every request that is waiting hears the progress of the one shared load. */
const listeners = new Set<(p: Progress) => void>();

function load(): Promise<Ready> {
  loading ??= (async () => {
    const t0 = performance.now();
    const loaded = await loadRawResources((d) => listeners.forEach((l) => l({ stage: 'download', ...d })));
    const t1 = performance.now();
    listeners.forEach((l) => l({ stage: 'prepare' }));
    let resources: GeoparseResources;
    try {
      resources = createResources(loaded.raw);
    } catch (error) {
      throw new ResourceError(`The geoparser’s data could not be prepared (${error instanceof Error ? error.message : String(error)}); try again, or reload the page.`);
    }
    const t2 = performance.now();
    inMemory = true;
    return { resources, timings: { downloadMs: t1 - t0, prepareMs: t2 - t1, bytes: loaded.bytes, fromCache: loaded.fromCache } };
  })();
  loading.catch(() => (loading = null));
  return loading;
}

type Request<T extends ToWorker['type']> = Extract<ToWorker, { type: T }>;

/** Search the gazetteer for a reader placing a name by hand; loads the resources if need be. */
async function search({ id, query, near, limit }: Request<'search'>): Promise<void> {
  try {
    const ready = await load();
    const { gazetteer } = ready.resources;
    // A village only a country tier holds: fetch the tiers the world tier points to for this name.
    const tiers = gazetteer.tiersFor(fold(query)).filter((t) => AVAILABLE_TIERS.has(t)).slice(0, 3);
    if (tiers.length) await addTiers(ready.resources, tiers, () => {}).catch(() => 0);
    const places = gazetteer.search(fold(query), Math.min(50, Math.max(1, limit)), near ? { lon: near[0], lat: near[1] } : null);
    const divisions = divisionNamesOf(gazetteer);
    post({ type: 'found', id, readings: places.map((p) => readingOf(p, divisions)) });
  } catch (error) {
    post({ type: 'failure', id, message: error instanceof ResourceError ? error.message : `The search failed (${error instanceof Error ? error.message : String(error)}).` });
  }
}

async function handle({ id, text }: Request<'geoparse'>): Promise<void> {
  const progress = (p: Progress) => post({ type: 'progress', id, progress: p });
  listeners.add(progress);
  const warm = inMemory;
  try {
    const ready = await load();
    listeners.delete(progress);
    progress({ stage: 'geoparse', step: null });
    const t0 = performance.now();
    const { places, tiers, tierBytes, tiersMs } = await geoparseWithTiers(text, ready.resources, progress);
    const geoparseMs = performance.now() - t0 - tiersMs;
    const base = warm ? { downloadMs: 0, prepareMs: 0, bytes: 0, fromCache: true } : ready.timings;
    const timings: Timings = { ...base, bytes: base.bytes + tierBytes, geoparseMs, tiers, tierBytes, tiersMs };
    post({ type: 'result', id, places, timings });
  } catch (error) {
    const message =
      error instanceof ResourceError
        ? error.message
        : `The geoparser failed on this text (${error instanceof Error ? error.message : String(error)}).`;
    post({ type: 'failure', id, message });
  } finally {
    listeners.delete(progress);
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message?.type === 'geoparse') void handle(message);
  else if (message?.type === 'search') void search(message);
  // HTML reduction is one linear pass, but on a long page it would still hold the main thread.
  else if (message?.type === 'prepare') post({ type: 'prepared', id: message.id, result: prepareText(message.raw) });
};
