// The default article must come out right: every place it names, at the right place, and
// nothing else. Expected coordinates are independent references (not the pipeline's output).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './geo-helpers.ts';
import { distanceKm } from '../../geo/resolve/resolve.ts';

const text = readFileSync(new URL('../../geo/data/default-article.txt', import.meta.url), 'utf8');
const places = parse(text);
const byName = new Map(places.features.map((f) => [f.properties.name.toLowerCase(), f]));

// name as the article writes it, kind, [lat, lon], tolerance in km
const EXPECTED: [string, string, [number, number], number][] = [
  ['istanbul', 'city', [41.01, 28.98], 30],
  ['karabakh', 'region', [39.8, 46.8], 80],
  ['khojaly', 'city', [39.91, 46.79], 10],
  ['khankendi', 'city', [39.82, 46.75], 10],
  ['baku', 'city', [40.41, 49.87], 20],
  ['jabrayil', 'district', [39.35, 47.0], 30],
  ['ahmadbayli', 'village', [39.57, 47.45], 25],
  ['fuzuli', 'town', [39.6, 47.14], 10],
  ['shusha', 'town', [39.76, 46.75], 10],
  ['azerbaijan', 'country', [40.3, 47.7], 150],
  ['armenia', 'country', [40.2, 45.0], 150],
  ['russia', 'country', [61.5, 100], 1500],
  ['nagorno-karabakh', 'region', [39.83, 46.76], 40],
];

describe('the default article', () => {
  it.each(EXPECTED)('finds %s as a %s at the right place', (name, kind, [lat, lon], toleranceKm) => {
    const f = byName.get(name);
    expect(f, `${name} missing; found ${[...byName.keys()].join(', ')}`).toBeDefined();
    expect(f!.properties.kind).toBe(kind);
    const [plon, plat] = f!.properties.point;
    expect(distanceKm({ lat, lon }, { lat: plat, lon: plon }), `${name} at ${plat},${plon}`).toBeLessThan(toleranceKm);
  });

  it('finds the highway as a route joining its three towns', () => {
    const route = places.features.find((f) => f.properties.kind === 'route');
    expect(route?.properties.name).toBe('Ahmadbayli-Fuzuli-Shusha highway');
    expect(route?.geometry.type).toBe('LineString');
    expect(route?.properties.joins).toEqual(['ahmadbayli', 'fuzuli', 'shusha']);
  });

  it('finds nothing else: the people it names are not places', () => {
    const expected = new Set([...EXPECTED.map((e) => e[0]), 'ahmadbayli-fuzuli-shusha highway']);
    expect([...byName.keys()].filter((n) => !expected.has(n))).toEqual([]);
    expect(places.unresolved).toEqual([]);
  });

  it('keeps every statement about Khojaly, in article order', () => {
    const khojaly = byName.get('khojaly')!;
    expect(khojaly.properties.statements.map((s) => s.text.includes('Khojaly'))).toEqual([true, true]);
    expect(khojaly.properties.statements.map((s) => s.index)).toEqual([...khojaly.properties.statements.map((s) => s.index)].sort((a, b) => a - b));
  });

  it('knows Khankendi by its other names', () => {
    expect(byName.get('khankendi')!.properties.names).toEqual(expect.arrayContaining(['Khankendi', 'Stepanakert']));
    expect(byName.get('khankendi')!.properties.names.some((n) => n.startsWith('Xank'))).toBe(true);
  });

  it('draws districts and regions as outlines', () => {
    for (const name of ['jabrayil', 'karabakh', 'nagorno-karabakh']) expect(byName.get(name)!.geometry.type).toMatch(/Polygon/);
  });
});
