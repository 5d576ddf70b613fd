// Framing: a place's extent, the frame an article opens on (weighted by mentions), and all places.
import { describe, expect, it } from 'vitest';
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';
import defaultArticle from '../../src/generated/default-article.json';
import { allPlacesFrame, contains, openingFrame, placeExtent, union, type Extent } from '../../src/map/frame.ts';
import type { Article } from '../../src/lib/article.ts';
import { ALPHA2_OF_NAME, ALPHA2_OF_NUMERIC } from '../../src/map/country-codes.ts';
import countries from 'world-countries';
import outlines from '../../src/basemap/data/world-countries.json';

function place(id: string, kind: PlaceKind, point: [number, number], mentions: number, bbox?: Extent): PlaceFeature {
  return {
    type: 'Feature',
    id,
    ...(bbox ? { bbox } : {}),
    geometry: { type: 'Point', coordinates: point },
    properties: {
      name: id, names: [], kind, country: null, geonameid: null, admin1: null, admin2: null,
      mentions: Array.from({ length: mentions }, (_, i) => ({ text: id, start: i, end: i + 1, sentence: i })),
      statements: [], confidence: 1, alternatives: [], point, population: 0,
    },
  };
}

const SUDAN = place('sudan', 'country', [30, 15], 26, [21.8, 8.7, 38.6, 22.2]);
const DARFUR = place('darfur', 'region', [24.5, 13], 6, [22, 9.5, 27.9, 20]);
const KHARTOUM = place('khartoum', 'city', [32.53, 15.6], 3);
const CAIRO = place('cairo', 'city', [31.24, 30.04], 4);
const ALEXANDRIA = place('alexandria', 'city', [29.92, 31.2], 3);
const EGYPT = place('egypt', 'country', [30, 27], 2, [24.7, 22, 36.9, 31.7]);

describe('placeExtent', () => {
  it('takes an area’s bbox, an outline’s extent, or a box as large as the kind', () => {
    expect(placeExtent(SUDAN)).toEqual([21.8, 8.7, 38.6, 22.2]);
    const outlined = { ...DARFUR, bbox: undefined, geometry: { type: 'Polygon' as const, coordinates: [[[22, 10], [27, 10], [27, 19], [22, 10]]] } };
    expect(placeExtent(outlined)).toEqual([22, 10, 27, 19]);
    const city = placeExtent(KHARTOUM);
    expect(city[2] - city[0]).toBeLessThan(0.2);
    const village = placeExtent(place('v', 'village', [32, 15], 1));
    expect(village[3] - village[1]).toBeLessThan(city[3] - city[1]);
  });
  it('runs an extent across the antimeridian past 180', () => {
    expect(placeExtent(place('fiji', 'country', [178, -17.7], 1, [177, -19, -179.8, -16]))).toEqual([177, -19, 180.2, -16]);
  });
});

describe('openingFrame', () => {
  it('opens a Sudan report on Sudan, not on Cairo and Alexandria', () => {
    const frame = openingFrame([CAIRO, ALEXANDRIA, SUDAN, DARFUR, KHARTOUM, EGYPT])!;
    expect(contains(frame.extent, placeExtent(SUDAN))).toBe(true);
    expect(contains(frame.extent, placeExtent(CAIRO)), 'Cairo is outside the frame').toBe(false);
  });
  it('opens on the cluster of local places, not on one stray far away', () => {
    const local = [place('arlington', 'city', [-97.1, 32.7], 5), place('fort-worth', 'city', [-97.3, 32.75], 2), place('dallas', 'city', [-96.8, 32.78], 2)];
    const stray = place('paris', 'city', [2.35, 48.86], 1);
    const frame = openingFrame([...local, stray])!;
    for (const p of local) expect(contains(frame.extent, placeExtent(p)), p.id).toBe(true);
    expect(frame.extent[2] - frame.extent[0], 'a metropolitan frame').toBeLessThan(2);
    expect(frame.maxZoom).toBe(10);
  });
  it('frames a single town at a town zoom', () => {
    expect(openingFrame([place('shusha', 'town', [46.75, 39.76], 1)])!.maxZoom).toBe(11);
  });
  it('holds the most-mentioned places of the default article and leaves Istanbul and Russia out', () => {
    const article = defaultArticle as unknown as Article;
    const features = article.places.features;
    const frame = openingFrame(features)!;
    const byId = new Map(features.map((f) => [f.id, f]));
    for (const id of ['karabakh', 'khojaly', 'khankendi', 'shusha']) expect(contains(frame.extent, placeExtent(byId.get(id)!)), id).toBe(true);
    expect(contains(frame.extent, placeExtent(byId.get('istanbul')!))).toBe(false);
    expect(contains(frame.extent, placeExtent(byId.get('russia')!))).toBe(false);
  });
  it('is null without places', () => {
    expect(openingFrame([])).toBeNull();
  });
});

describe('allPlacesFrame', () => {
  it('holds every place', () => {
    const all = [CAIRO, SUDAN, place('paris', 'city', [2.35, 48.86], 1)];
    const frame = allPlacesFrame(all)!;
    for (const p of all) expect(contains(frame.extent, placeExtent(p)), p.id).toBe(true);
  });
  it('joins places on both sides of the antimeridian the short way', () => {
    const frame = allPlacesFrame([place('suva', 'city', [178.4, -18.1], 1), place('apia', 'city', [-171.8, -13.8], 1)])!;
    expect(frame.extent[2] - frame.extent[0]).toBeLessThan(20);
  });
  it('unions extents the short way round', () => {
    expect(union([170, 0, 175, 5], [-178, 0, -175, 5])).toEqual([170, 0, 185, 5]);
  });
});

describe('country outline codes', () => {
  it('name every outline of the basemap’s country polygons by the ISO code the places carry', () => {
    const byNumeric = new Map(countries.map((c) => [c.ccn3, c.cca2]));
    const unnamed: string[] = [];
    for (const f of (outlines as { features: { properties: { id?: string; name: string } }[] }).features) {
      const code = f.properties.id ? ALPHA2_OF_NUMERIC[f.properties.id] : ALPHA2_OF_NAME[f.properties.name];
      if (code === undefined) unnamed.push(f.properties.name);
      else if (f.properties.id) expect(code, f.properties.name).toBe(byNumeric.get(f.properties.id));
    }
    expect(unnamed, 'only entities without an ISO code').toEqual(['N. Cyprus', 'Somaliland']);
  });
});
