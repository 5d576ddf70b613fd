// Geometry helpers for the app: bounds to frame, distances between places, readable coordinates.
import { bbox, distance } from '@turf/turf';
import type { PlaceFeature } from '../../geo/types.ts';

export type Bounds = [number, number, number, number];

const FAR_KINDS = new Set(['continent', 'country', 'region', 'water']);
/** Local places farther than this from their median are framed only when selected. */
const LOCAL_RADIUS_KM = 600;

/** The bounds of the article's local places: settlements, districts and roads near their median. */
export function localBounds(features: readonly PlaceFeature[]): Bounds | null {
  let candidates = features.filter((f) => !FAR_KINDS.has(f.properties.kind));
  if (candidates.length === 0) candidates = [...features];
  if (candidates.length === 0) return null;
  const median = medianPoint(candidates.map((f) => f.properties.point));
  const near = candidates.filter((f) => distance(median, f.properties.point) <= LOCAL_RADIUS_KM);
  return unionBounds((near.length > 0 ? near : candidates).map(featureBounds));
}

export function featureBounds(feature: PlaceFeature): Bounds {
  const b = bbox(feature);
  if (b.every(Number.isFinite)) return [b[0], b[1], b[2], b[3]];
  const [lng, lat] = feature.properties.point;
  return [lng, lat, lng, lat];
}

export function unionBounds(list: Bounds[]): Bounds {
  return list.reduce<Bounds>(
    (acc, b) => [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

function medianPoint(points: [number, number][]): [number, number] {
  const mid = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const i = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[i] : (s[i - 1] + s[i]) / 2;
  };
  return [mid(points.map((p) => p[0])), mid(points.map((p) => p[1]))];
}

export interface PlaceDistance {
  feature: PlaceFeature;
  km: number;
}

/** Great-circle distances from one place's point to every other, nearest first. */
export function distancesFrom(origin: PlaceFeature, features: readonly PlaceFeature[]): PlaceDistance[] {
  return features
    .filter((f) => f.id !== origin.id)
    .map((feature) => ({ feature, km: distance(origin.properties.point, feature.properties.point, { units: 'kilometers' }) }))
    .sort((a, b) => a.km - b.km);
}

export function formatKm(km: number): string {
  if (km < 10) return `${km.toFixed(1)} km`;
  return `${Math.round(km).toLocaleString('en')} km`;
}

export function formatCoordinates([lng, lat]: [number, number]): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lng >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lng).toFixed(4)}° ${ew}`;
}
