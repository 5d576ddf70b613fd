// Which country a physical feature lies in: Natural Earth 1:50m country outlines (world-atlas),
// searched by bounding box first. A feature spanning several countries (the Alps, the Nile)
// belongs to none.
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);
// topojson-client ships no types; this is the one function used.
const { feature } = require('topojson-client') as { feature: (topology: unknown, object: unknown) => FeatureCollection };

export interface CountryLocator {
  countryOfPoint(point: Position): string;
  countryOfGeometry(geometry: Geometry, point: Position): string;
}

const SAMPLES = 24;

function samplePoints(geometry: Geometry): Position[] {
  const all = turf.coordAll(geometry);
  const step = Math.max(1, Math.floor(all.length / SAMPLES));
  return all.filter((_, i) => i % step === 0);
}

export function countryLocator(): CountryLocator {
  const topology = require('world-atlas/countries-50m.json');
  const alpha2 = new Map((require('world-countries/countries.json') as { ccn3: string; cca2: string }[]).map((c) => [c.ccn3, c.cca2]));
  // One entry per polygon part: a part wider than half the globe is one that crosses the
  // antimeridian and would contain the whole far side of the world, so it is left out.
  const parts = (feature(topology, topology.objects.countries).features as Feature<Polygon | MultiPolygon>[])
    .filter((f) => f.geometry && alpha2.has(String(f.id)))
    .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((rings) => ({ iso: alpha2.get(String(f.id))!, polygon: turf.polygon(rings) })))
    .map((p) => ({ ...p, bbox: turf.bbox(p.polygon) }))
    .filter((p) => p.bbox[2] - p.bbox[0] <= 180);
  const countryOfPoint = ([x, y]: Position): string => {
    for (const c of parts) {
      const [w, s, e, n] = c.bbox;
      if (x < w || x > e || y < s || y > n) continue;
      if (turf.booleanPointInPolygon([x, y], c.polygon)) return c.iso;
    }
    return '';
  };
  return {
    countryOfPoint,
    countryOfGeometry(geometry, point) {
      const found = new Set(samplePoints(geometry).concat([point]).map(countryOfPoint));
      found.delete('');
      return found.size === 1 ? [...found][0] : '';
    },
  };
}
