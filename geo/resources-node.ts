// Loads the committed resources (gazetteer, tagger weights, demonyms, outlines) in Node, for
// the CLI, the build scripts and the tests.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { GeoparseResources } from './geoparse.ts';
import { createResources } from './resources.ts';

const DATA = new URL('./data/', import.meta.url);
const json = (file: string) => JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));

let cached: GeoparseResources | undefined;

export function loadResources(): GeoparseResources {
  cached ??= createResources({
    gazetteerText: gunzipSync(readFileSync(new URL('gazetteer.txt.gz', DATA))).toString('utf8'),
    tagger: json('tagger.json'),
    demonyms: json('demonyms.json'),
    commonWords: json('common-words.json'),
    outlines: json('outlines.json'),
  });
  return cached;
}
