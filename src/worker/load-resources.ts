// Fetches the geoparser's resources for the worker, only when an article needs them: from Cache
// Storage when an earlier visit kept them, otherwise from the network with byte progress, then
// kept for next time. Asset URLs carry a content hash, so a cached entry is never stale and a new
// build simply misses; entries of older builds are removed. The gazetteer's world tier comes
// with the rest; a country tier only when an article needs it (loadTier).
import gazetteerUrl from '../../geo/data/gazetteer/gazetteer-world.txt.gz?url';
import taggerUrl from '../../geo/data/tagger.json?url';
import demonymsUrl from '../../geo/data/demonyms.json?url';
import outlinesUrl from '../../geo/data/outlines.json?url';
import commonWordsUrl from '../../geo/data/common-words.json?url';
import type { RawResources } from '../../geo/resources.ts';
import { readStream } from '../lib/read-stream.ts';

export const CACHE_NAME = 'article-atlas-v1';

/** The gazetteer's download (see loadRawResources). */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
  fromCache: boolean;
}

export interface LoadedResources {
  raw: RawResources;
  bytes: number;
  fromCache: boolean;
}

/** A resource that could not be had: the message is for the reader. */
export class ResourceError extends Error {}

/** Country tiers by code ("SY"), as hashed asset URLs; fetched one by one when an article needs them. */
const TIER_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob('../../geo/data/gazetteer/gazetteer-*.txt.gz', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>)
    .map(([path, url]) => [path.slice(path.lastIndexOf('/') + 'gazetteer-'.length + 1, -'.txt.gz'.length), url])
    .filter(([code]) => code !== 'world'),
);

/** The country tiers this build has. */
export const AVAILABLE_TIERS: ReadonlySet<string> = new Set(Object.keys(TIER_URLS));

const FILES = { gazetteer: gazetteerUrl, tagger: taggerUrl, demonyms: demonymsUrl, commonWords: commonWordsUrl, outlines: outlinesUrl };
type FileName = keyof typeof FILES;

const absolute = (url: string) => new URL(url, self.location.href).href;

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // opaque origins and some privacy modes refuse Cache Storage: plain fetch then
  }
}

function readBody(response: Response, onBytes: (n: number) => void): Promise<Uint8Array> {
  return response.body ? readStream(response.body, onBytes) : response.arrayBuffer().then((b) => new Uint8Array(b));
}

/** Reads one file, from the cache copy `cached` when there is one, else from the network. */
async function fetchOne(cache: Cache | null, cached: Response | undefined, url: string, onTotal: (n: number | null) => void, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    onTotal(bytes.length);
    onBytes(bytes.length);
    return bytes;
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new ResourceError('The place-name data could not be downloaded (the network or the server is unreachable).');
  }
  if (!response.ok) throw new ResourceError(`The place-name data could not be downloaded (the server answered ${response.status}).`);
  // Content-Length counts the encoded bytes; a server that gzips on the fly sends more than that.
  const length = Number(response.headers.get('content-length'));
  onTotal(response.headers.get('content-encoding') || !(length > 0) ? null : length);
  const bytes = await readBody(response, onBytes);
  // Best effort: a full quota must not fail the geoparse.
  await cache?.put(url, new Response(bytes as BodyInit, { headers: { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' } })).catch(() => undefined);
  return bytes;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** gzip magic 1f 8b; a server may already have decoded the file (Content-Encoding), so check. */
async function gunzipText(bytes: Uint8Array): Promise<string> {
  if (!isGzip(bytes)) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ResourceError(`The geoparser’s ${name} data is damaged; try again to fetch it anew.`);
  }
}

/**
 * The resource files, fetched in parallel. Progress follows the gazetteer: it is nine tenths of
 * the bytes, and the only file whose length is known in advance (servers compress the JSON
 * files on the fly, without a Content-Length).
 */
export async function loadRawResources(onProgress: (p: DownloadProgress) => void): Promise<LoadedResources> {
  const cache = await openCache();
  const names = Object.keys(FILES) as FileName[];
  const urls = names.map((n) => absolute(FILES[n]));
  const hits = await Promise.all(urls.map((url) => cache?.match(url).catch(() => undefined)));
  const fromCache = hits.every((h) => h !== undefined);
  let loaded = 0;
  let total: number | null = null;
  let bytes = 0;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport < 50) return; // a few dozen updates a second is plenty for a bar
    lastReport = now;
    onProgress({ loaded, total: total !== null && total >= loaded ? total : null, fromCache });
  };
  report(true); // the download has begun, even before its first byte
  const fetched = await Promise.all(
    urls.map((url, i) => {
      const isGazetteer = names[i] === 'gazetteer';
      return fetchOne(
        cache,
        hits[i],
        url,
        (t) => {
          if (isGazetteer) total = t;
        },
        (n) => {
          bytes += n;
          if (!isGazetteer) return;
          loaded += n;
          report(false);
        },
      );
    }),
  );
  report(true);
  if (cache) void pruneCache(cache, knownUrls());
  const byName = Object.fromEntries(names.map((n, i) => [n, fetched[i]])) as Record<FileName, Uint8Array>;
  try {
    const gazetteerText = await gunzipText(byName.gazetteer);
    // Kept decompressed: the next visit reads text instead of inflating 4 MB again (tens of ms).
    if (cache && isGzip(byName.gazetteer)) void cache.put(urls[names.indexOf('gazetteer')], new Response(gazetteerText, { headers: { 'content-type': 'text/plain; charset=utf-8' } })).catch(() => undefined);
    return {
      raw: {
        gazetteerText,
        tagger: parseJson('tagger', byName.tagger),
        demonyms: parseJson('demonyms', byName.demonyms) as RawResources['demonyms'],
        commonWords: parseJson('common words', byName.commonWords) as RawResources['commonWords'],
        outlines: parseJson('outlines', byName.outlines) as RawResources['outlines'],
      },
      bytes,
      fromCache,
    };
  } catch (error) {
    // A damaged copy must not be served again from the cache on the next try.
    if (cache) await Promise.all(urls.map((u) => cache.delete(u).catch(() => false)));
    throw error instanceof ResourceError ? error : new ResourceError('The place-name data is damaged; try again to fetch it anew.');
  }
}

/**
 * One country tier's text, from Cache Storage or the network (kept decompressed in the cache,
 * like the world tier). `onBytes` hears the bytes as they arrive.
 */
export async function loadTier(code: string, onBytes: (n: number, fromCache: boolean) => void): Promise<string> {
  const path = TIER_URLS[code];
  if (!path) throw new ResourceError(`There is no place-name data for ${code}.`);
  const url = absolute(path);
  const cache = await openCache();
  const cached = await cache?.match(url).catch(() => undefined);
  const bytes = await fetchOne(cache, cached, url, () => {}, (n) => onBytes(n, cached !== undefined));
  try {
    const text = await gunzipText(bytes);
    if (cache && isGzip(bytes)) void cache.put(url, new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } })).catch(() => undefined);
    return text;
  } catch {
    if (cache) await cache.delete(url).catch(() => false);
    throw new ResourceError('The place-name data is damaged; try again to fetch it anew.');
  }
}

/** Every asset URL a cache entry may keep: the files above and every country tier. */
const knownUrls = () => new Set([...Object.values(FILES), ...Object.values(TIER_URLS)].map(absolute));

/** Drops entries of earlier builds (other hashed URLs). */
async function pruneCache(cache: Cache, keep: Set<string>): Promise<void> {
  try {
    for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
  } catch {
    // Pruning is housekeeping; failing it costs only space.
  }
}
