// Loads the committed resources (every gazetteer tier, tagger weights, demonyms, outlines) in
// Node, for the CLI, the build scripts and the tests.
import { readFileSync } from 'node:fs';
import type { GeoparseResources } from './geoparse.ts';
import { loadGazetteer, readWorldTierBytes } from './gazetteer/node.ts';
import { loadTaggerModel, type TaggerModel } from './recognise/tagger.ts';
import { outlineLookup } from './resources.ts';

const DATA = new URL('./data/', import.meta.url);
const json = (file: string) => JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));

const readTaggerJson = (): unknown => json('tagger.json');

/** The resources, with the world tier and the tagger taken from `prepared` when given. */
function resourcesFrom(prepared?: { worldText: string; tagger: TaggerModel }): GeoparseResources {
  return {
    gazetteer: loadGazetteer({ worldText: prepared?.worldText }),
    tagger: prepared?.tagger ?? loadTaggerModel(readTaggerJson()),
    demonyms: json('demonyms.json'),
    commonWords: new Set(json('common-words.json') as string[]),
    outlines: outlineLookup(json('outlines.json')),
  };
}

let cached: GeoparseResources | undefined;

/** The resources read from disk, once per thread. */
export function loadResources(): GeoparseResources {
  cached ??= resourcesFrom();
  return cached;
}

/**
 * The same resources, with the world tier unzipped on zlib's thread pool while this thread
 * builds the tagger: a batch worker is ready about 50 ms sooner.
 */
export async function loadResourcesOverlapped(): Promise<GeoparseResources> {
  const unzipping = readWorldTierBytes();
  const tagger = loadTaggerModel(readTaggerJson());
  return resourcesFrom({ worldText: (await unzipping).toString('utf8'), tagger });
}
