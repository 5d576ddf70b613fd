// Loading the committed gazetteer in Node (CLI, build, tests). The browser loads the same
// file through fetch and DecompressionStream (src/ does that I/O).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Gazetteer } from './gazetteer.ts';

const DATA = new URL('../data/', import.meta.url);

export function loadGazetteer(): Gazetteer {
  return new Gazetteer(gunzipSync(readFileSync(new URL('gazetteer.txt.gz', DATA))).toString('utf8'));
}

export function loadOutlines(): FeatureCollection<Polygon | MultiPolygon> {
  return JSON.parse(readFileSync(new URL('outlines.json', DATA), 'utf8'));
}

export function loadDemonyms(): Record<string, string> {
  return JSON.parse(readFileSync(new URL('demonyms.json', DATA), 'utf8'));
}
