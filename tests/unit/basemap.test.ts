// The committed basemap: valid GeoJSON where it should be, labels inside their countries,
// the article's region present, and a style that needs nothing from the network.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createBasemapStyle, OVERLAY_BEFORE_LAYER_ID } from '../../src/map/basemap-style.ts';

const DATA_DIR = fileURLToPath(new URL('../../src/basemap/data/', import.meta.url));
const FILES = readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).sort();

function load<G extends Geometry = Geometry>(name: string): FeatureCollection<G, Record<string, unknown>> {
  return JSON.parse(readFileSync(DATA_DIR + name, 'utf8')) as FeatureCollection<G, Record<string, unknown>>;
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
    expect(FILES).toEqual(
      expect.arrayContaining(['world-land.json', 'world-borders.json', 'world-country-labels.json', 'region-countries.json', 'places.json']),
    );
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
  const labels = load<Point>('world-country-labels.json').features;

  it('puts each world label inside its country (1:110m) where that country is drawn', () => {
    const countries = byName(load<Polygon | MultiPolygon>('world-countries.json'));
    const outside = labels
      .filter((l) => l.properties.scope === 'world' && countries.has(l.properties.name))
      .filter((l) => !turf.booleanPointInPolygon(l.geometry.coordinates, countries.get(l.properties.name)!))
      .map((l) => `${String(l.properties.name)} ${JSON.stringify(l.geometry.coordinates)}`);
    expect(outside).toEqual([]);
  });

  it('puts each regional label inside its country within the Caucasus detail', () => {
    const countries = byName(load<Polygon | MultiPolygon>('region-countries.json'));
    const regional = labels.filter((l) => l.properties.scope === 'region');
    expect(regional.map((l) => l.properties.name)).toEqual(expect.arrayContaining(['Azerbaijan', 'Armenia', 'Georgia', 'Iran', 'Turkey', 'Russia']));
    for (const l of regional) {
      expect(turf.booleanPointInPolygon(l.geometry.coordinates, countries.get(l.properties.name)!), String(l.properties.name)).toBe(true);
    }
  });
});

describe('Caucasus detail', () => {
  const countries = load<Polygon | MultiPolygon>('region-countries.json').features;
  const named = (name: string): Area | undefined => countries.find((f) => f.properties.name === name);

  it.each([
    ['Azerbaijan', [49.867, 40.409]], // Baku
    ['Azerbaijan', [46.755, 39.758]], // Shusha
    ['Armenia', [44.514, 40.181]], // Yerevan
  ] as const)('%s contains %j', (country, point) => {
    const area = named(country);
    expect(area, country).toBeDefined();
    expect(turf.booleanPointInPolygon([...point], area!)).toBe(true);
  });

  it('leaves the Caspian Sea as water', () => {
    expect(countries.some((f) => turf.booleanPointInPolygon([50.5, 41.5], f))).toBe(false);
  });

  it('has admin-1 boundaries for Azerbaijan and Armenia', () => {
    const countriesWithAdmin1 = load('region-admin1.json').features.map((f) => f.properties.country);
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
      const { attribution: _credit, ...fetched } = source as { attribution?: string };
      expect(JSON.stringify(fetched), id).not.toMatch(/https?:|\/\//);
    }
  });

  it('uses only its own sources, each a GeoJSON file of src/basemap/data or inline data', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type, id).toBe('geojson');
      const data = (source as { data: unknown }).data;
      if (typeof data === 'string') expect(data, id).toMatch(/src\/basemap\/data\/[\w-]+\.json$/);
    }
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
