// Loads the committed resources (gazetteer, tagger weights, demonyms, outlines) in Node, for
// the CLI, the build scripts and the tests.
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { loadDemonyms, loadGazetteer, loadOutlines } from './gazetteer/node.ts';
import { loadTaggerModel } from './recognise/tagger.ts';
import type { GeoparseResources } from './geoparse.ts';

export function outlineLookup(outlines: { features: { id?: string | number; geometry: Polygon | MultiPolygon }[] }) {
  const byIndex = new Map(outlines.features.map((f) => [Number(f.id), f.geometry]));
  return (index: number) => byIndex.get(index);
}

let cached: GeoparseResources | undefined;

export function loadResources(): GeoparseResources {
  cached ??= {
    gazetteer: loadGazetteer(),
    tagger: loadTaggerModel(JSON.parse(readFileSync(new URL('./data/tagger.json', import.meta.url), 'utf8'))),
    demonyms: loadDemonyms(),
    outlines: outlineLookup(loadOutlines()),
  };
  return cached;
}
