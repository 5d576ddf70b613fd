// The committed basemap: valid GeoJSON where it should be, labels inside their countries,
// the article's region present, and a style that needs nothing from the network.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { decodeCollection, encodeCollection, type EncodedCollection } from '../../src/basemap/encoding.ts';
import { BASEMAP_FILES, BASEMAP_PROTOCOL, createBasemapStyle, OVERLAY_BEFORE_LAYER_ID } from '../../src/map/basemap-style.ts';

const DATA_DIR = fileURLToPath(new URL('../../src/basemap/data/', import.meta.url));
const FILES = readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).sort();

/** A data file as GeoJSON: the compact files (those the style draws) decoded as the app does. */
function load<G extends Geometry = Geometry>(name: string): FeatureCollection<G, Record<string, unknown>> {
  const json = JSON.parse(readFileSync(DATA_DIR + name, 'utf8')) as FeatureCollection | EncodedCollection;
  return ('scale' in json ? decodeCollection(json) : json) as FeatureCollection<G, Record<string, unknown>>;
}

/** The features of a merged file (world.json, region.json) that one layer draws. */
function layer<G extends Geometry = Geometry>(name: string, layerName: string): Feature<G, Record<string, unknown>>[] {
  return load<G>(name).features.filter((f) => f.properties.layer === layerName);
}

/** Natural Earth 1:10m countries, straight from world-atlas, to check the regional labels against. */
function countries10m(): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-10m.json') as { objects: { countries: unknown } };
  const client = require('topojson-client') as { feature(t: unknown, o: unknown): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> };
  return client.feature(topology, topology.objects.countries);
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
// By name: world-atlas gives Kosovo and N. Cyprus no id, and Australia's islands Australia's id.
const byName = (fc: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>): Map<unknown, Area> =>
  new Map(fc.features.map((f) => [f.properties.name, f]));

describe('basemap data files', () => {
  it('has every file the style needs', () => {
    expect(FILES).toEqual(expect.arrayContaining(['world.json', 'region.json', 'places.json', 'world-countries.json']));
    expect(Object.keys(BASEMAP_FILES).sort()).toEqual(['places.json', 'region.json', 'world.json']);
  });

  it('has every layer the style draws in the merged files', () => {
    const layers = (name: string) => [...new Set(load(name).features.map((f) => f.properties.layer))].sort();
    expect(layers('world.json')).toEqual(['border', 'label', 'land']);
    expect(layers('region.json')).toEqual(['admin1', 'border', 'lake', 'land', 'river']);
  });

  it('stores the drawn files compactly and decodes them losslessly at their grid', () => {
    for (const name of Object.keys(BASEMAP_FILES)) {
      const json = JSON.parse(readFileSync(DATA_DIR + name, 'utf8')) as EncodedCollection;
      expect(json.scale, name).toBeGreaterThan(0);
      // Re-encoding the decoded file gives the file back: nothing is lost in decoding.
      expect(encodeCollection(decodeCollection(json), json.scale), name).toEqual(json);
    }
  });

  it.each(FILES)('%s is a non-empty FeatureCollection with coordinates in range', (name) => {
    const fc = load(name);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length, name).toBeGreaterThan(0);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties, name).toBeTypeOf('object');
      const bad = positions(f.geometry).filter(([x, y]) => !(x >= -180 && x <= 180 && y >= -90 && y <= 90));
      expect(bad.slice(0, 3), `${name}: ${JSON.stringify(f.properties)}`).toEqual([]);
    }
  });

  it('closes every polygon ring', () => {
    for (const name of FILES) {
      for (const f of load(name).features) {
        if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
        const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
        for (const ring of rings) {
          expect(ring.length, name).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], name).toEqual(ring[0]);
        }
      }
    }
  });
});

describe('country label points', () => {
  const labels = layer<Point>('world.json', 'label');

  it('puts each world label inside its country (1:110m) where that country is drawn', () => {
    const countries = byName(load<Polygon | MultiPolygon>('world-countries.json'));
    const outside = labels
      .filter((l) => l.properties.scope === 'world' && countries.has(l.properties.name))
      .filter((l) => !turf.booleanPointInPolygon(l.geometry.coordinates, countries.get(l.properties.name)!))
      .map((l) => `${String(l.properties.name)} ${JSON.stringify(l.geometry.coordinates)}`);
    expect(outside).toEqual([]);
  });

  it('puts each regional label inside its country within the Caucasus detail', () => {
    // The drawn land is one union; the label must fall inside its own country at 1:10m.
    const countries = byName(countries10m());
    const regional = labels.filter((l) => l.properties.scope === 'region');
    expect(regional.map((l) => l.properties.name)).toEqual(expect.arrayContaining(['Azerbaijan', 'Armenia', 'Georgia', 'Iran', 'Turkey', 'Russia']));
    for (const l of regional) {
      expect(turf.booleanPointInPolygon(l.geometry.coordinates, countries.get(l.properties.name)!), String(l.properties.name)).toBe(true);
    }
  });
});

describe('Caucasus detail', () => {
  const land = layer<Polygon | MultiPolygon>('region.json', 'land');
  const onLand = (point: Position): boolean => land.some((f) => turf.booleanPointInPolygon(point, f));

  it.each([
    ['Baku', [49.867, 40.409]],
    ['Shusha', [46.755, 39.758]],
    ['Yerevan', [44.514, 40.181]],
    ['Istanbul', [28.955, 41.013]],
  ] as const)('draws %s %j on land', (_name, point) => {
    expect(onLand([...point])).toBe(true);
  });

  it('leaves the Caspian, the Black Sea and Lake Sevan as water', () => {
    expect(onLand([50.5, 41.5])).toBe(false);
    expect(onLand([34, 43])).toBe(false);
    const lakes = layer<Polygon | MultiPolygon>('region.json', 'lake');
    expect(lakes.some((f) => turf.booleanPointInPolygon([45.3, 40.35], f))).toBe(true);
  });

  it('has admin-1 boundaries for Azerbaijan and Armenia', () => {
    const countriesWithAdmin1 = layer('region.json', 'admin1').map((f) => f.properties.country);
    expect(countriesWithAdmin1).toEqual(expect.arrayContaining(['AZ', 'AM']));
  });

  it('labels Baku with its English name as a capital', () => {
    const baku = load<Point>('places.json').features.find((f) => f.properties.geonameid === 587084);
    expect(baku?.properties).toMatchObject({ name: 'Baku', capital: true, rank: 1 });
  });
});

describe('createBasemapStyle', () => {
  const style = createBasemapStyle() as StyleSpecification;

  it('returns a style object by default', () => {
    expect(typeof style).toBe('object');
    expect(style.version).toBe(8);
  });

  it('fetches nothing remote: no glyphs, no sprite, no remote source', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, source] of Object.entries(style.sources)) {
      // Attribution links are shown, never fetched; everything else a source names is loaded.
      // The basemap's own scheme is answered from the bundled files (BASEMAP_FILES).
      const { attribution: _credit, ...fetched } = source as { attribution?: string };
      expect(JSON.stringify(fetched).replaceAll(`${BASEMAP_PROTOCOL}://`, ''), id).not.toMatch(/https?:|\/\//);
    }
    for (const url of Object.values(BASEMAP_FILES)) expect(url).not.toMatch(/https?:|\/\//);
  });

  it('declares the non-latin Noto Sans subsets as bundled font files, latin letters left to the page font', () => {
    const faces = style['font-faces']?.['Noto Sans'];
    expect(Array.isArray(faces)).toBe(true);
    const list = faces as { url: string; 'unicode-range': string[] }[];
    expect(list.some((f) => f.url.includes('latin-ext-400'))).toBe(true);
    for (const face of list) {
      expect(face.url).toMatch(/noto-sans-[\w-]+-400-normal\.woff2$/);
      expect(face.url).not.toMatch(/https?:|\/\//);
      // ə (U+0259) comes from latin-ext; a, ı (U+0131) and é stay with the latin subset.
      const ranges = face['unicode-range'].map((r) => r.slice(2).split('-').map((h) => parseInt(h, 16)));
      const covers = (cp: number) => ranges.some(([a, b]) => cp >= a! && cp <= (b ?? a!));
      expect(covers(0x61) || covers(0x131) || covers(0xe9), face.url).toBe(false);
      if (face.url.includes('latin-ext')) expect(covers(0x259)).toBe(true);
    }
  });

  it('uses only its own sources, each a file of src/basemap/data or inline data', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type, id).toBe('geojson');
      const data = (source as { data: unknown }).data;
      if (typeof data !== 'string') continue;
      const name = data.slice(`${BASEMAP_PROTOCOL}://`.length);
      expect(data, id).toBe(`${BASEMAP_PROTOCOL}://${name}`);
      expect(BASEMAP_FILES[name], id).toMatch(/src\/basemap\/data\/[\w-]+\.json$/);
    }
    // world-countries.json is not drawn, so it must not be fetched.
    expect(JSON.stringify(style.sources)).not.toContain('world-countries');
    for (const layer of style.layers) {
      if ('source' in layer) expect(style.sources, layer.id).toHaveProperty([layer.source as string]);
    }
  });

  it('sets every label in Noto Sans', () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(0);
    for (const l of symbols) expect(l.layout?.['text-font'], l.id).toEqual(['Noto Sans']);
  });

  it('exposes the overlay insertion point as one of its layers, after every fill and line', () => {
    const ids = style.layers.map((l) => l.id);
    const at = ids.indexOf(OVERLAY_BEFORE_LAYER_ID);
    expect(at).toBeGreaterThan(0);
    expect(style.layers.slice(at).every((l) => l.type === 'symbol')).toBe(true);
  });

  it('returns the online style URL unchanged when one is given', () => {
    expect(createBasemapStyle({ styleUrl: 'https://example.org/style.json' })).toBe('https://example.org/style.json');
  });

  it('leaves out the layers an option turns off', () => {
    const bare = createBasemapStyle({ showPlaces: false, showRivers: false, showAdmin1: false }) as StyleSpecification;
    const ids = bare.layers.map((l) => l.id);
    expect(ids.some((id) => id.startsWith('basemap-place'))).toBe(false);
    expect(ids).not.toContain('basemap-region-rivers');
    expect(ids).not.toContain('basemap-region-admin1');
  });
});
