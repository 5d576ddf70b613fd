// Loads the committed resources (every gazetteer tier, tagger weights, demonyms, outlines) in
// Node, for the CLI, the build scripts and the tests.
import { readFileSync } from 'node:fs';
import type { GeoparseResources } from './geoparse.ts';
import { loadGazetteer } from './gazetteer/node.ts';
import { loadTaggerModel } from './recognise/tagger.ts';
import { outlineLookup } from './resources.ts';

const DATA = new URL('./data/', import.meta.url);
const json = (file: string) => JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));

let cached: GeoparseResources | undefined;

export function loadResources(): GeoparseResources {
  cached ??= {
    gazetteer: loadGazetteer(),
    tagger: loadTaggerModel(json('tagger.json')),
    demonyms: json('demonyms.json'),
    commonWords: new Set(json('common-words.json') as string[]),
    outlines: outlineLookup(json('outlines.json')),
  };
  return cached;
}
