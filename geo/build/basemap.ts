// Generates the offline world basemap: one PMTiles archive of vector tiles (src/basemap/data/
// world.pmtiles), a small fallback world for servers that cannot serve byte ranges, and plain
// country outlines, all derived from Natural Earth 1:10m, world-atlas and GeoNames cities500.
// Run with `npm run --silent build:basemap`; deterministic (sorted input, fixed gzip header),
// so a rerun on an unchanged toolchain gives the same bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCollection } from '../../src/basemap/encoding.ts';
import { airports, boundaries, countryLabels, glaciers, lakeLabels, lakes, land, marineLabels, physicalLabels, rivers, stateLabels } from './basemap/layers.ts';
import { writePmtiles } from './basemap/pmtiles-writer.ts';
import { settlements } from './basemap/settlements.ts';
import { cutTiles, type TileLayer } from './basemap/tiler.ts';
import { fallbackWorld, worldCountries } from './basemap/world-small.ts';
import { overviewLetters, writeLatinExtSubset } from './basemap/font-subset.ts';
import { gzipSync } from 'node:zlib';

/** BASEMAP_OUT_DIR writes elsewhere, e.g. to compare a rerun with the committed files. */
const OUT_DIR = process.env.BASEMAP_OUT_DIR ?? new URL('../../src/basemap/data/', import.meta.url).pathname;
/**
 * Deepest zoom with its own tiles; the map over-zooms beyond. Natural Earth 1:10m has no more
 * detail past zoom 8-9 (its vertices are 0.5-1 km apart, 2-4 pixels at zoom 9), and points
 * are exact at any zoom, so zoom 9 tiles carry every cities500 town and MapLibre's collision
 * makes room for their names as the reader zooms in. Measured: zoom 10 tiles would add
 * 424,000 tiles and 45 MB (59 MB in all) for no visible detail.
 * BASEMAP_MAX_ZOOM overrides it for experiments (never for the committed archive).
 */
export const MAX_ZOOM = Number(process.env.BASEMAP_MAX_ZOOM ?? 9);
/** Grid of the fallback file's coordinates, in steps per degree (0.02°). */
const FALLBACK_SCALE = 50;

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const time = <T>(label: string, f: () => T): T => {
  const start = performance.now();
  const value = f();
  console.error(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return value;
};

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const countries = time('country labels', () => countryLabels());
  const labels = time('labels', () => [...countries, ...stateLabels(MAX_ZOOM), ...marineLabels(MAX_ZOOM), ...lakeLabels(MAX_ZOOM), ...physicalLabels(MAX_ZOOM), ...airports(MAX_ZOOM)]);
  // Layer order is drawing order within a tile; the style decides the order on the map.
  const layers: TileLayer[] = [
    { name: 'land', features: time('land', () => land()), tolerance: 2 },
    { name: 'glacier', features: time('glaciers', () => glaciers()) },
    { name: 'lake', features: time('lakes', () => lakes(MAX_ZOOM)), tolerance: 2 },
    { name: 'river', features: time('rivers', () => rivers(MAX_ZOOM)) },
    { name: 'boundary', features: time('boundaries', () => boundaries()) },
    { name: 'place', features: time('settlements', () => settlements(MAX_ZOOM)), buffer: 0 },
    { name: 'label', features: labels, buffer: 0 },
  ];
  for (const layer of layers) console.error(`  ${layer.name}: ${layer.features.length} features`);
  const letters = overviewLetters(layers.filter((l) => l.name === 'place' || l.name === 'label').flatMap((l) => l.features));
  const latinExt = new URL('../../node_modules/@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2', import.meta.url).pathname;
  if (writeLatinExtSubset(letters, latinExt, join(OUT_DIR, 'noto-sans-latin-ext-overview'))) {
    console.log(`noto-sans-latin-ext-overview.woff2: ${letters.length} letters`);
  }
  // BASEMAP_SMALL_ONLY=1 rewrites the small files alone (the archive takes minutes).
  if (process.env.BASEMAP_SMALL_ONLY === '1') return writeSmallFiles(countries);
  const { tiles, byZoom } = time('tiles', () => cutTiles(layers, MAX_ZOOM));
  const { archive, stats } = writePmtiles(tiles, {
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    bounds: [-180, -85.0511287, 180, 85.0511287],
    center: [47.5, 40.3, 6],
    metadata: {
      name: 'Article Atlas world basemap',
      attribution: 'Natural Earth; GeoNames (CC BY 4.0)',
      vector_layers: layers.map((l) => ({ id: l.name, minzoom: 0, maxzoom: MAX_ZOOM, fields: {} })),
    },
    maxRootBytes: 3_000,
  });
  // The app reads only the first 4 kB for header, root and metadata (src/basemap/archive.ts).
  const firstRead = 127 + stats.rootBytes + stats.metadataBytes;
  if (firstRead > 4096) throw new Error(`header, root and metadata take ${firstRead} bytes, more than the app's first read of 4096`);
  writeFileSync(join(OUT_DIR, 'world.pmtiles'), archive);
  byZoom.forEach((s, z) => console.log(`z${String(z).padStart(2)}  ${String(s.tiles).padStart(7)} tiles  ${kB(s.bytes).padStart(11)}`));
  console.log(
    `world.pmtiles  ${(stats.bytes / 1e6).toFixed(1)} MB: ${stats.addressedTiles} tiles, ${stats.tileEntries} entries, ${stats.tileContents} distinct, ` +
      `root ${kB(stats.rootBytes)}, leaves ${kB(stats.leafBytes)} (${stats.leafSize} entries each)`,
  );

  writeSmallFiles(countries);
}

function writeSmallFiles(countries: ReturnType<typeof countryLabels>): void {
  const fallback = JSON.stringify(encodeCollection(fallbackWorld(countries), FALLBACK_SCALE));
  writeFileSync(join(OUT_DIR, 'fallback.json'), fallback);
  console.log(`fallback.json  ${kB(fallback.length)} (${kB(gzipSync(fallback, { level: 9 }).length)} gzipped)`);
  const outlines = JSON.stringify(worldCountries());
  writeFileSync(join(OUT_DIR, 'world-countries.json'), outlines);
  console.log(`world-countries.json  ${kB(outlines.length)}`);
  // The regional files of the first basemap: the archive draws all of it now.
  for (const stale of ['world.json', 'region.json', 'places.json']) rmSync(join(OUT_DIR, stale), { force: true });
}

main();
