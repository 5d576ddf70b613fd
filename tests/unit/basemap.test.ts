// The committed basemap: a PMTiles archive that the pmtiles reader reads, whose tiles hold
// what the style draws where readers look (Baku, Arlington TX, Douma), a fallback world and
// country outlines, and a style that needs nothing from the network.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import * as turf from '@turf/turf';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { decodeCollection, encodeCollection, type EncodedCollection } from '../../src/basemap/encoding.ts';
import { BASEMAP_FILES, BASEMAP_PROTOCOL, createBasemapStyle, fallbackLayers, OVERLAY_BEFORE_LAYER_ID, placeDotImage, PLACE_DOT } from '../../src/map/basemap-style.ts';
import { writePmtiles } from '../../geo/build/basemap/pmtiles-writer.ts';
import { FIRST_READ_BYTES } from '../../src/basemap/archive.ts';
import { assignMinZooms, localName } from '../../geo/build/basemap/settlements.ts';
import type { GeoNamesCity } from '../../geo/build/sources/geonames.ts';

const DATA_DIR = fileURLToPath(new URL('../../src/basemap/data/', import.meta.url));

/** A pmtiles Source over bytes in memory. */
class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  }
}

const archive = new PMTiles(new BufferSource(readFileSync(`${DATA_DIR}world.pmtiles`)));

/** The tile holding [lon, lat] at zoom z, decoded; pmtiles returns it already gunzipped. */
async function tileAt(lon: number, lat: number, z: number): Promise<VectorTile> {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const s = Math.sin((lat * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  const tile = await archive.getZxy(z, x, y);
  expect(tile, `tile ${z}/${x}/${y}`).toBeDefined();
  return new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
}

function properties(tile: VectorTile, layer: string): Record<string, unknown>[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties) : [];
}

describe('PMTiles writer', () => {
  const tile = (n: number) => new Uint8Array([0x1f, 0x8b, n]);

  it('writes an archive the pmtiles reader reads back, runs and duplicates shared', async () => {
    const tiles = [
      { z: 0, x: 0, y: 0, data: tile(1) },
      { z: 1, x: 0, y: 0, data: tile(2) },
      { z: 1, x: 0, y: 1, data: tile(2) },
      { z: 1, x: 1, y: 1, data: tile(3) },
    ];
    const { archive: bytes, stats } = writePmtiles(tiles, { minZoom: 0, maxZoom: 1, bounds: [-180, -85, 180, 85], center: [47.5, 40.3, 1], metadata: { name: 't' } });
    expect(stats).toMatchObject({ addressedTiles: 4, tileContents: 3 });
    const reader = new PMTiles(new BufferSource(bytes), undefined, async (buf) => buf);
    const unzipping = new PMTiles(new BufferSource(bytes));
    const header = await reader.getHeader();
    expect(header).toMatchObject({ minZoom: 0, maxZoom: 1, minLon: -180, maxLat: 85, centerLon: 47.5, centerZoom: 1, tileType: 1, tileCompression: 2, clustered: true });
    for (const t of tiles) expect([...new Uint8Array((await reader.getZxy(t.z, t.x, t.y))!.data)], `${t.z}/${t.x}/${t.y}`).toEqual([...t.data]);
    expect(await reader.getZxy(1, 1, 0)).toBeUndefined();
    expect(await unzipping.getMetadata()).toEqual({ name: 't' });
  });

  it('splits a large directory into leaves and still finds every tile', async () => {
    const tiles = [];
    for (let x = 0; x < 256; x++) for (let y = 0; y < 256; y++) tiles.push({ z: 8, x, y, data: tile((x * 7 + y) % 251) });
    const { archive: bytes, stats } = writePmtiles(tiles, { minZoom: 8, maxZoom: 8, bounds: [-180, -85, 180, 85], center: [0, 0, 8], metadata: {}, maxRootBytes: 2000 });
    expect(stats.leafBytes).toBeGreaterThan(0);
    const reader = new PMTiles(new BufferSource(bytes), undefined, async (buf) => buf);
    for (const [x, y] of [[0, 0], [255, 255], [17, 200], [128, 3]]) {
      expect(new Uint8Array((await reader.getZxy(8, x!, y!))!.data)[2], `${x}/${y}`).toBe((x! * 7 + y!) % 251);
    }
  });

  it('is deterministic: the same tiles give the same bytes', () => {
    const tiles = [{ z: 0, x: 0, y: 0, data: tile(9) }];
    const options = { minZoom: 0, maxZoom: 0, bounds: [-180, -85, 180, 85] as [number, number, number, number], center: [0, 0, 0] as [number, number, number], metadata: { a: 1 } };
    expect(writePmtiles(tiles, options).archive.equals(writePmtiles(tiles, options).archive)).toBe(true);
  });
});

describe('the committed archive', () => {
  it('has a header MapLibre can use: bounds, centre, zooms 0-9, gzipped vector tiles', async () => {
    const h = await archive.getHeader();
    expect(h).toMatchObject({ minZoom: 0, maxZoom: 9, tileType: 1, tileCompression: 2, clustered: true });
    expect(h.minLon).toBeLessThan(-179);
    expect(h.maxLat).toBeGreaterThan(85);
    // The app's first read is 4 kB (FIRST_READ_BYTES): header, root and metadata must be in it.
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(FIRST_READ_BYTES);
    expect(h.jsonMetadataOffset + h.jsonMetadataLength).toBeLessThanOrEqual(FIRST_READ_BYTES);
  });

  it('draws the whole world at zoom 0-1: land, borders, country names', async () => {
    expect(Object.keys((await tileAt(0, 0, 0)).layers)).toEqual(expect.arrayContaining(['land', 'boundary']));
    const tile = await tileAt(-50, 10, 1);
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['land', 'boundary', 'label']));
    const countries = properties(tile, 'label').filter((p) => p.kind === 'country').map((p) => p.name);
    expect(countries).toEqual(expect.arrayContaining(['Canada', 'United States of America']));
  });

  it.each([
    ['Arlington TX', -97.108, 32.736, 9, 4671240, 'Arlington'],
    ['Douma', 36.402, 33.571, 9, 170592, 'Dūmā'],
    ['Baku', 49.892, 40.377, 9, 587084, 'Baku'],
    ['Khojaly', 46.79, 39.913, 9, 147774, 'Khojaly'],
  ])('names %s: its GeoNames id and the name the gazetteer shows', async (_label, lon, lat, z, id, name) => {
    const tile = await tileAt(lon, lat, z);
    const place = properties(tile, 'place').find((p) => p.id === id);
    expect(place?.name).toBe(name);
  });

  it('gives the local name where it differs, in the country’s script', async () => {
    const douma = properties(await tileAt(36.402, 33.571, 9), 'place').find((p) => p.id === 170592);
    expect(String(douma?.local)).toMatch(/^\p{Script=Arabic}/u);
    const yerevan = properties(await tileAt(44.513, 40.181, 9), 'place').find((p) => p.id === 616052);
    expect(String(yerevan?.local)).toMatch(/^\p{Script=Armenian}/u);
  });

  it('shows a town-level view of Arlington TX with its neighbours named', async () => {
    const names = properties(await tileAt(-97.108, 32.736, 9), 'place').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Arlington', 'Fort Worth']));
    expect(names.length).toBeGreaterThan(20);
  });

  it('has state boundaries, rivers and seas near the article', async () => {
    const tile = await tileAt(47, 40, 7);
    expect(properties(tile, 'boundary').some((p) => p.level === 4)).toBe(true);
    expect(properties(tile, 'river').map((p) => p.name)).toEqual(expect.arrayContaining(['Kura']));
    const caspian = await tileAt(50.5, 41.5, 2);
    expect(properties(caspian, 'label').map((p) => p.name)).toEqual(expect.arrayContaining(['Caspian Sea']));
  });

  it('keeps the first view small: Caucasus tiles at zoom 7 of a few kB', async () => {
    for (const [lon, lat] of [[47, 40], [49.9, 40.4], [44.5, 40.2]]) {
      const n = 2 ** 7;
      const x = Math.floor(((lon! + 180) / 360) * n);
      const s = Math.sin((lat! * Math.PI) / 180);
      const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
      const raw = new PMTiles(new BufferSource(readFileSync(`${DATA_DIR}world.pmtiles`)), undefined, async (buf) => buf);
      const gz = (await raw.getZxy(7, x, y))!.data.byteLength;
      expect(gz, `${lon},${lat}`).toBeLessThan(16_000);
      expect(gunzipSync(new Uint8Array((await raw.getZxy(7, x, y))!.data)).length).toBeGreaterThan(gz);
    }
  });
});

describe('settlement zooms', () => {
  const city = (geonameid: number, lon: number, lat: number, population: number, fcode = 'PPL'): GeoNamesCity => ({
    geonameid, name: `p${geonameid}`, asciiname: '', alternates: [], lat, lon, fcode, country: 'XX', admin1: '', admin2: '', population,
  });

  it('draws capitals first, keeps hamlets to zoom 8 and later, and every place by the deepest zoom', () => {
    const zooms = assignMinZooms([city(1, 10, 10, 800, 'PPLC'), city(2, 10.01, 10.01, 600), city(3, 50, 50, 2_000_000)], 10);
    expect(zooms.get(1)).toBe(2);
    expect(zooms.get(2)).toBeGreaterThanOrEqual(8);
    expect(zooms.get(3)).toBe(2);
  });

  it('lets only a few new places into each part of a tile per zoom', () => {
    const crowd = Array.from({ length: 50 }, (_, i) => city(i + 1, 10 + i * 0.001, 10, 300_000 - i));
    const zooms = assignMinZooms(crowd, 10);
    expect(crowd.filter((c) => zooms.get(c.geonameid) === 4).length).toBeLessThanOrEqual(2);
    expect(crowd.every((c) => zooms.get(c.geonameid)! <= 10)).toBe(true);
  });

  it('takes the local name in the country’s script, else the primary name when it differs', () => {
    expect(localName({ ...city(1, 0, 0, 1), country: 'AM', name: 'Yerevan', alternates: ['Erevan', 'Երևան'] }, 'Yerevan')).toBe('Երևան');
    expect(localName({ ...city(1, 0, 0, 1), country: 'AZ', name: 'Bakı', alternates: ['Баку'] }, 'Baku')).toBe('Bakı');
    expect(localName({ ...city(1, 0, 0, 1), country: 'US', name: 'Arlington' }, 'Arlington')).toBe('');
  });
});

describe('embedded files', () => {
  it('has a fallback world that decodes losslessly: land, lakes, borders, country names', () => {
    const json = JSON.parse(readFileSync(`${DATA_DIR}fallback.json`, 'utf8')) as EncodedCollection;
    const fc = decodeCollection(json);
    expect(encodeCollection(fc, json.scale)).toEqual(json);
    expect(new Set(fc.features.map((f) => f.properties?.layer))).toEqual(new Set(['land', 'lake', 'border', 'label']));
    expect(readFileSync(`${DATA_DIR}fallback.json`).length).toBeLessThan(60_000);
  });

  it('keeps plain country outlines with ISO codes for highlighting', () => {
    const fc = JSON.parse(readFileSync(`${DATA_DIR}world-countries.json`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const az = fc.features.find((f) => f.properties?.iso === 'AZ');
    expect(az?.properties?.name).toBe('Azerbaijan');
    expect(turf.booleanPointInPolygon([47.5, 40.3], az!)).toBe(true);
  });

  it('draws a place dot with a transparent corner and an opaque centre', () => {
    const image = placeDotImage(PLACE_DOT)!;
    const alpha = (x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    const c = Math.floor(image.width / 2);
    expect(alpha(c, c)).toBe(255);
  });
});

describe('createBasemapStyle', () => {
  const style = createBasemapStyle() as StyleSpecification;

  it('is a valid MapLibre style, and so is the fallback it switches to', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    const { source, layers } = fallbackLayers();
    const withFallback = { ...style, sources: { ...style.sources, 'basemap-fallback': source }, layers: [...style.layers, ...layers] };
    expect(validateStyleMin(withFallback).map((e) => e.message)).toEqual([]);
  });

  it('fetches nothing remote: no glyphs, no sprite, its sources are the bundled archive', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, source] of Object.entries(style.sources)) {
      const { attribution: _credit, ...fetched } = source as { attribution?: string };
      expect(JSON.stringify(fetched).replace('pmtiles://', ''), id).not.toMatch(/https?:|\/\//);
      expect((source as { url: string }).url, id).toMatch(/^pmtiles:\/\/.*world\.pmtiles$/);
    }
    for (const url of Object.values(BASEMAP_FILES)) expect(url).not.toMatch(/https?:|\/\//);
    expect(Object.keys(BASEMAP_FILES)).toEqual(['fallback.json']);
    expect(BASEMAP_PROTOCOL).toBe('atlas-basemap');
  });

  it('declares fonts for Cyrillic, Greek, Arabic, Hebrew, Devanagari, Armenian, Georgian and Thai, none for latin', () => {
    const faces = style['font-faces']?.['Noto Sans'] as { url: string; 'unicode-range': string[] }[];
    const covers = (cp: number) =>
      faces.filter((f) => f['unicode-range'].some((r) => {
        const [a, b] = r.slice(2).split('-').map((h) => parseInt(h, 16));
        return cp >= a! && cp <= (b ?? a!);
      }));
    for (const [cp, script] of [[0x0431, 'cyrillic'], [0x03b1, 'greek'], [0x0628, 'arabic'], [0x05d0, 'hebrew'], [0x0915, 'devanagari'], [0x0531, 'armenian'], [0x10d0, 'georgian'], [0x0e01, 'thai']] as const) {
      expect(covers(cp).length, script).toBeGreaterThan(0);
      expect(covers(cp)[0]!.url, script).toContain(script);
    }
    expect(covers(0x61)).toEqual([]);
  });

  it('uses only layers of the archive', () => {
    const known = new Set(['land', 'glacier', 'lake', 'river', 'boundary', 'place', 'label']);
    for (const layer of style.layers) {
      if (!('source' in layer)) continue;
      expect(layer.source, layer.id).toBe('basemap');
      expect(known.has((layer as { 'source-layer': string })['source-layer']), layer.id).toBe(true);
    }
  });

  it('sets every label in Noto Sans', () => {
    for (const l of style.layers.filter((l) => l.type === 'symbol')) expect(l.layout?.['text-font'], l.id).toEqual(['Noto Sans']);
  });

  it('exposes the overlay insertion point as its lowest label layer', () => {
    const ids = style.layers.map((l) => l.id);
    const at = ids.indexOf(OVERLAY_BEFORE_LAYER_ID);
    expect(at).toBeGreaterThan(0);
    expect(style.layers.slice(0, at).every((l) => l.type !== 'symbol')).toBe(true);
    expect(style.layers.slice(at).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('returns the online style URL unchanged when one is given', () => {
    expect(createBasemapStyle({ styleUrl: 'https://example.org/style.json' })).toBe('https://example.org/style.json');
  });

  it('leaves out the layers an option turns off', () => {
    const bare = createBasemapStyle({ showPlaces: false, showRivers: false, showAdmin1: false }) as StyleSpecification;
    const ids = bare.layers.map((l) => l.id);
    expect(ids).not.toContain('basemap-places');
    expect(ids).not.toContain('basemap-rivers');
    expect(ids).not.toContain('basemap-admin1');
    expect(ids).toContain(OVERLAY_BEFORE_LAYER_ID);
  });
});
