// The basemap's vector layers, built from Natural Earth 1:10m and world-atlas. Each feature
// carries `_min` (and optionally `_max`): the zooms at which the tiler puts it in a tile.
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
// polylabel ships no types: one function, (rings, precision) => [x, y].
// @ts-expect-error no declaration file
import polylabelUntyped from 'polylabel';
import * as turf from '@turf/turf';
import { admin1Polygons, isoAlpha2ByNumeric, naturalEarth, readTopology, topojson, topojsonServer, type Props } from './sources.ts';

export type LayerFeature = Feature<Point | LineString | MultiLineString | Polygon | MultiPolygon, Props>;

const polylabel = polylabelUntyped as (polygon: number[][][], precision?: number) => number[];

const minZoom = (value: unknown, fallback: number, max: number): number => {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.max(0, Math.min(max, n));
};

/** Land at 1:10m; the sea is the style's background, so there is no water polygon at all. */
export function land(): LayerFeature[] {
  return naturalEarth<Polygon | MultiPolygon>('land').map((f) => ({ type: 'Feature', properties: { _min: 0 }, geometry: f.geometry }));
}

export function glaciers(): LayerFeature[] {
  return naturalEarth<Polygon | MultiPolygon>('glaciated_areas').map((f) => ({ type: 'Feature', properties: { _min: 3 }, geometry: f.geometry }));
}

export function lakes(maxZoom: number): LayerFeature[] {
  return naturalEarth<Polygon | MultiPolygon>('lakes').map((f) => ({
    type: 'Feature',
    properties: { _min: minZoom(f.properties.min_zoom, 5, maxZoom) },
    geometry: f.geometry,
  }));
}

/** Names of lakes at their pole of inaccessibility, from Natural Earth's `min_label`. */
export function lakeLabels(maxZoom: number): LayerFeature[] {
  return naturalEarth<Polygon | MultiPolygon>('lakes')
    .filter((f) => f.properties.name)
    .map((f) => {
      const min = Math.max(3, minZoom(f.properties.min_label, 7, maxZoom));
      return point(labelPoint(f.geometry), { kind: 'lake', name: tidyName(String(f.properties.name)), rank: min, _min: min });
    });
}

/** Rivers and lake centre lines, named; the centre lines run under the lakes' fill. */
export function rivers(maxZoom: number): LayerFeature[] {
  return naturalEarth<LineString | MultiLineString>('rivers_lake_centerlines').map((f) => ({
    type: 'Feature',
    properties: {
      name: String(f.properties.name_en ?? f.properties.name ?? ''),
      // Scale rank 0-1 are the great rivers (drawn wider), up to 12 the smallest.
      rank: Number(f.properties.scalerank ?? 10),
      _min: minZoom(f.properties.min_zoom, 6, maxZoom),
    },
    geometry: f.geometry,
  }));
}

const ADMIN0_LINES: Record<string, number> = {
  'International boundary (verify)': 0,
  'Indefinite (please verify)': 0,
  'Indeterminant frontier': 0,
  'Disputed (please verify)': 1,
  'Line of control (please verify)': 1,
};
const DISPUTED_LINES = new Set(['Breakaway', 'Claim boundary', 'Elusive frontier']);
/** Countries big enough that their states or provinces are drawn from zoom 3. */
const LARGE_COUNTRIES = new Set(['US', 'CA', 'RU', 'CN', 'AU', 'BR', 'IN', 'KZ', 'AR', 'MX', 'ID']);

/**
 * Country borders on land (`level: 2`, `disputed: 1` for disputed lines, lines of control and
 * breakaway or claim lines) and first-level division boundaries (`level: 4`): a mesh of each
 * country's admin-1 polygons, so a shared edge is drawn once and the national border is left out.
 */
export function boundaries(): LayerFeature[] {
  const out: LayerFeature[] = [];
  for (const f of naturalEarth<LineString | MultiLineString>('admin_0_boundary_lines_land')) {
    const disputed = ADMIN0_LINES[String(f.properties.featurecla)];
    if (disputed === undefined) continue;
    out.push({ type: 'Feature', properties: { level: 2, disputed, _min: 0 }, geometry: f.geometry });
  }
  for (const f of naturalEarth<LineString | MultiLineString>('admin_0_boundary_lines_disputed_areas')) {
    if (!DISPUTED_LINES.has(String(f.properties.featurecla))) continue;
    out.push({ type: 'Feature', properties: { level: 2, disputed: 1, _min: 3 }, geometry: f.geometry });
  }
  const byCountry = new Map<string, Feature<Polygon | MultiPolygon, Props>[]>();
  for (const f of admin1Polygons()) {
    const country = String(f.properties.iso_a2 ?? '');
    if (!/^[A-Z]{2}$/.test(country)) continue;
    byCountry.set(country, [...(byCountry.get(country) ?? []), f]);
  }
  for (const country of [...byCountry.keys()].sort()) {
    const units = byCountry.get(country)!;
    if (units.length < 2) continue;
    const topology = topojsonServer.topology({ units: { type: 'FeatureCollection', features: units } }, 1e7);
    const mesh = topojson.mesh(topology, topology.objects.units, (a, b) => a !== b);
    if (!mesh.coordinates.length) continue;
    out.push({ type: 'Feature', properties: { level: 4, disputed: 0, _min: LARGE_COUNTRIES.has(country) ? 3 : 4 }, geometry: mesh });
  }
  return out;
}

/** The interior point farthest from the outline of a polygon's largest part. */
function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0]!;
  let bestArea = -1;
  for (const rings of polygons) {
    const area = turf.area({ type: 'Polygon', coordinates: rings });
    if (area > bestArea) [best, bestArea] = [rings, area];
  }
  const p = polylabel(best as number[][][], 0.01);
  return [p[0]!, p[1]!];
}

const point = (coordinates: Position, properties: Props): LayerFeature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });

/**
 * Country names: one point per country (pole of inaccessibility of its largest part at 1:50m),
 * `iso` so the app can hide the basemap's name of a country the article draws itself.
 */
export function countryLabels(): LayerFeature[] {
  const iso = isoAlpha2ByNumeric();
  const topology = readTopology('world-atlas/countries-50m.json');
  const countries = topojson.feature(topology, topology.objects.countries!);
  return countries.features
    .filter((f) => f.properties?.name !== 'Antarctica')
    .map((f) => {
      const areaKm2 = turf.area(f) / 1e6;
      // Big countries are named from the world view on, small ones as the map closes in.
      const min = areaKm2 > 1_500_000 ? 1 : areaKm2 > 300_000 ? 2 : areaKm2 > 40_000 ? 3 : areaKm2 > 3_000 ? 4 : 5;
      return point(labelPoint(f.geometry), {
        kind: 'country',
        name: String(f.properties?.name ?? ''),
        iso: iso.get(String(f.id ?? '')) ?? '',
        rank: min,
        _min: min,
      });
    });
}

/** First-level divisions at Natural Earth's label point, with GeoNames id and min_label. */
export function stateLabels(maxZoom: number): LayerFeature[] {
  return admin1Polygons()
    .filter((f) => typeof f.properties.latitude === 'number' && f.properties.name_en)
    .map((f) => {
      const p = f.properties;
      const min = Math.max(LARGE_COUNTRIES.has(String(p.iso_a2)) ? 3 : 4, minZoom(p.min_label, 6, maxZoom));
      return point([Number(p.longitude), Number(p.latitude)], {
        kind: 'state',
        name: String(p.name_en),
        id: typeof p.gn_id === 'number' && p.gn_id > 0 ? p.gn_id : 0,
        rank: min,
        _min: min,
      });
    });
}

/** Natural Earth writes oceans in capitals and shortens words: make them read as names. */
export function tidyName(name: string): string {
  const words: Record<string, string> = { 'Pen.': 'Peninsula', 'Mts.': 'Mountains', 'Is.': 'Islands', 'I.': 'Island', 'Pla.': 'Plateau', 'Ra.': 'Range', 'Arch.': 'Archipelago', 'Pt.': 'Point', 'C.': 'Cape' };
  const titled = name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase()).replace(/\b(Of|The|And)\b/g, (w) => w.toLowerCase()) : name;
  return titled
    .split(' ')
    .map((w) => words[w] ?? w)
    .join(' ');
}

/** Seas, gulfs, bays and straits at the pole of inaccessibility of their polygon. */
export function marineLabels(maxZoom: number): LayerFeature[] {
  return naturalEarth<Polygon | MultiPolygon>('geography_marine_polys')
    .filter((f) => f.properties.name)
    .map((f) => {
      const cls = String(f.properties.featurecla);
      const min = minZoom(f.properties.min_label, 4, maxZoom);
      return point(labelPoint(f.geometry), { kind: cls === 'ocean' ? 'ocean' : 'sea', name: tidyName(String(f.properties.name)), rank: min, _min: min });
    });
}

const REGION_KINDS: Record<string, string> = {
  'Range/mtn': 'range',
  'Pen/cape': 'peninsula',
  Peninsula: 'peninsula',
  Isthmus: 'peninsula',
  Island: 'island',
  'Island group': 'island',
};
const SKIPPED_REGIONS = new Set(['Continent', 'Lake', 'Dragons-be-here']);

/** Mountain ranges, deserts, plains, peninsulas and islands (Natural Earth physical regions), and peaks. */
export function physicalLabels(maxZoom: number): LayerFeature[] {
  const out: LayerFeature[] = [];
  for (const f of naturalEarth<Polygon | MultiPolygon>('geography_regions_polys')) {
    const cls = String(f.properties.featurecla);
    if (SKIPPED_REGIONS.has(cls) || !f.properties.name) continue;
    const min = minZoom(f.properties.min_label, 5, maxZoom);
    out.push(point(labelPoint(f.geometry), { kind: REGION_KINDS[cls] ?? 'region', name: tidyName(String(f.properties.name)), rank: min, _min: min }));
  }
  for (const f of naturalEarth<Point>('geography_regions_points')) {
    if (!f.properties.name) continue;
    const min = Math.max(5, minZoom(f.properties.min_zoom, 6, maxZoom));
    const kind = String(f.properties.featurecla).startsWith('island') ? 'island' : 'cape';
    out.push(point(f.geometry.coordinates, { kind, name: tidyName(String(f.properties.name)), rank: min, _min: min }));
  }
  for (const f of naturalEarth<Point>('geography_regions_elevation_points')) {
    if (!f.properties.name) continue;
    const min = Math.max(6, minZoom(f.properties.min_zoom, 7, maxZoom));
    out.push(point(f.geometry.coordinates, { kind: 'peak', name: tidyName(String(f.properties.name)), ele: Number(f.properties.elevation) || 0, rank: min, _min: min }));
  }
  return out;
}

/** Airports from zoom 8 (the big ones) to 10, named, with their IATA code. */
export function airports(maxZoom: number): LayerFeature[] {
  return naturalEarth<Point>('airports')
    .filter((f) => f.properties.name)
    .map((f) => {
      const min = Math.min(maxZoom, Math.max(8, Number(f.properties.scalerank ?? 9) + 2));
      const iata = String(f.properties.iata_code ?? f.properties.abbrev ?? '');
      return point(f.geometry.coordinates, { kind: 'airport', name: String(f.properties.name), iata, rank: min, _min: min });
    });
}
