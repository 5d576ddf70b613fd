// A reader's corrections to a geoparse: choose another candidate for a place, or remove a
// "place" that is not one. Pure and deterministic, so a share link or an export that carries
// the corrections reproduces the same map from the same text.
import type { Alternative, PlaceCollection, PlaceFeature } from '../types.ts';

export type Correction = { action: 'remove' } | { action: 'choose'; alternative: number };
/** Place id → correction. */
export type Corrections = Record<string, Correction>;

function choose(f: PlaceFeature, index: number): PlaceFeature {
  const alt = f.properties.alternatives[index];
  if (!alt) return f;
  const previous: Alternative = {
    name: f.properties.names[0] ?? f.properties.name,
    kind: f.properties.kind,
    country: f.properties.country,
    admin1: f.properties.admin1,
    admin2: f.properties.admin2,
    population: f.properties.population,
    geonameid: f.properties.geonameid,
    coordinates: f.properties.point,
    score: 0,
  };
  return {
    ...f,
    geometry: { type: 'Point', coordinates: alt.coordinates },
    properties: {
      ...f.properties,
      names: [alt.name],
      kind: alt.kind,
      country: alt.country,
      geonameid: alt.geonameid,
      admin1: alt.admin1,
      admin2: alt.admin2,
      point: alt.coordinates,
      population: alt.population,
      confidence: 1,
      alternatives: [previous, ...f.properties.alternatives.filter((_, i) => i !== index)],
      corrected: true,
    },
  };
}

/** The collection with the corrections applied; unknown ids and out-of-range choices are ignored. */
export function applyCorrections(places: PlaceCollection, corrections: Corrections): PlaceCollection {
  const removed = new Set(Object.entries(corrections).filter(([, c]) => c.action === 'remove').map(([id]) => id));
  const corrected = places.features
    .filter((f) => !removed.has(f.id))
    .map((f) => {
      const c = corrections[f.id];
      return c?.action === 'choose' && f.properties.kind !== 'route' ? choose(f, c.alternative) : f;
    });
  const byId = new Map(corrected.map((f) => [f.id, f]));
  const features = corrected.flatMap((f): PlaceFeature[] => {
    if (!f.properties.joins) return [f];
    const joined = f.properties.joins.map((id) => byId.get(id)).filter((j): j is PlaceFeature => !!j);
    if (joined.length < 2) return [];
    const coordinates = joined.map((j) => j.properties.point);
    return [{ ...f, geometry: { type: 'LineString', coordinates }, properties: { ...f.properties, joins: joined.map((j) => j.id), point: coordinates[Math.floor(coordinates.length / 2)] } }];
  });
  return { ...places, features };
}

const ID = /^[a-z0-9-]{1,80}$/;

/** `khojaly:2,baku:x` → corrections; malformed entries are dropped (reported by the count). */
export function parseCorrections(value: string): { corrections: Corrections; rejected: number } {
  const corrections: Corrections = {};
  let rejected = 0;
  for (const part of value.split(',').filter(Boolean)) {
    const [id, what, extra] = part.split(':');
    if (extra !== undefined || !ID.test(id ?? '') || what === undefined) rejected++;
    else if (what === 'x') corrections[id] = { action: 'remove' };
    else if (/^\d{1,2}$/.test(what)) corrections[id] = { action: 'choose', alternative: Number(what) };
    else rejected++;
  }
  return { corrections, rejected };
}

export function serializeCorrections(corrections: Corrections): string {
  return Object.keys(corrections)
    .sort()
    .map((id) => {
      const c = corrections[id];
      return `${id}:${c.action === 'remove' ? 'x' : c.alternative}`;
    })
    .join(',');
}
