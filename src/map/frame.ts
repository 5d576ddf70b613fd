// Which part of the world to show, as pure functions of the places: a place's extent, the frame
// a new article opens on (the smallest that holds most of its mentions, weighted by mentions, not
// the bounding box of every stray place), and the frame of all places. Extents are
// [west, south, east, north]; east may pass 180 where an extent crosses the antimeridian.
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';

export type Extent = [number, number, number, number];

/** Half the side of the box a place without a known extent gets, in degrees of latitude. */
const HALF_SIZE: Partial<Record<PlaceKind, number>> = {
  continent: 25,
  country: 4,
  admin1: 1.5,
  region: 1.5,
  water: 2,
  island: 0.4,
  landform: 0.6,
  district: 0.25,
  city: 0.06,
  town: 0.035,
  village: 0.02,
};

/** The zoom a place is shown at when it is a point: a city at a city zoom. */
const POINT_ZOOM: Partial<Record<PlaceKind, number>> = { city: 10, town: 11, village: 12, district: 9, island: 8, landform: 8 };
export const DEFAULT_MAX_ZOOM = 10;

/** Share of the article's mentions its opening frame holds. */
export const OPENING_SHARE = 0.6;
/** Seeds tried for the opening frame, and places weighed: the rest hold too few mentions to matter. */
const MAX_SEEDS = 8;
const MAX_WEIGHED = 300;

export function maxZoomFor(kind: PlaceKind): number {
  return POINT_ZOOM[kind] ?? DEFAULT_MAX_ZOOM;
}

/** An extent that crosses the antimeridian ([170, …, -170, …]) as one that runs past 180. */
function unwrap(e: Extent): Extent {
  return e[0] > e[2] ? [e[0], e[1], e[2] + 360, e[3]] : e;
}

function coordinatesOf(geometry: PlaceFeature['geometry']): number[][] {
  const out: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') out.push(value as number[]);
    else if (Array.isArray(value)) for (const v of value) walk(v);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) walk('coordinates' in g ? g.coordinates : []);
  else walk(geometry.coordinates);
  return out;
}

/**
 * A place's extent: its RFC 7946 `bbox` (the extent a reader expects of a country: mainland
 * France), else its outline's, else a box around its point as large as places of its kind are.
 */
export function placeExtent(feature: PlaceFeature): Extent {
  if (feature.bbox && feature.bbox.length >= 4) {
    const b = feature.bbox;
    return unwrap(b.length === 6 ? [b[0], b[1], b[3], b[4]] : [b[0], b[1], b[2], b[3]]);
  }
  const [lng, lat] = feature.properties.point;
  if (feature.geometry && feature.geometry.type !== 'Point') {
    const points = coordinatesOf(feature.geometry);
    if (points.length > 0) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    }
  }
  const h = HALF_SIZE[feature.properties.kind] ?? 0.05;
  const w = h / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  return [lng - w, Math.max(-85, lat - h), lng + w, Math.min(85, lat + h)];
}

/** `e` moved by whole turns so that its middle is within 180° of `lng`. */
function near(e: Extent, lng: number): Extent {
  const mid = (e[0] + e[2]) / 2;
  const turns = Math.round((lng - mid) / 360);
  return turns === 0 ? e : [e[0] + turns * 360, e[1], e[2] + turns * 360, e[3]];
}

export function union(a: Extent, b: Extent): Extent {
  const c = near(b, (a[0] + a[2]) / 2);
  return [Math.min(a[0], c[0]), Math.min(a[1], c[1]), Math.max(a[2], c[2]), Math.max(a[3], c[3])];
}

/** Whether `inner` lies within `outer`, give or take `slack` of outer's size. */
export function contains(outer: Extent, inner: Extent, slack = 0.02): boolean {
  const i = near(inner, (outer[0] + outer[2]) / 2);
  const dx = (outer[2] - outer[0]) * slack;
  const dy = (outer[3] - outer[1]) * slack;
  return i[0] >= outer[0] - dx && i[2] <= outer[2] + dx && i[1] >= outer[1] - dy && i[3] <= outer[3] + dy;
}

/** Area on the ground, in square degrees of latitude (longitude shrunk by the cosine). */
export function area(e: Extent): number {
  const mid = ((e[1] + e[3]) / 2) * (Math.PI / 180);
  return Math.max(1e-6, (e[2] - e[0]) * Math.cos(mid)) * Math.max(1e-6, e[3] - e[1]);
}

function centre(e: Extent): [number, number] {
  return [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
}

function gap(a: [number, number], b: [number, number]): number {
  const dx = (((b[0] - a[0] + 540) % 360) - 180) * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot(dx, b[1] - a[1]);
}

interface Weighed {
  extent: Extent;
  weight: number;
  kind: PlaceKind;
}

export interface Frame {
  extent: Extent;
  /** Zoom not to pass when fitting it (a frame of one town is not shown at street level). */
  maxZoom: number;
}

function frameOf(members: readonly Weighed[], extent: Extent): Frame {
  const held = members.filter((m) => contains(extent, m.extent));
  const maxZoom = held.length > 0 ? Math.min(...held.map((m) => maxZoomFor(m.kind))) : DEFAULT_MAX_ZOOM;
  return { extent, maxZoom };
}

/**
 * The extent a map of about `MIN_VIEW_PX` shows at `zoom` around `e`'s middle, if that is larger:
 * what a frame of one town really shows, and so which of its neighbours come into view with it.
 */
const MIN_VIEW_PX = 600;
function shownAt(e: Extent, zoom: number): Extent {
  const [x, y] = centre(e);
  const halfW = Math.max((e[2] - e[0]) / 2, ((MIN_VIEW_PX / 512) * 360) / 2 ** zoom / 2);
  const halfH = Math.max((e[3] - e[1]) / 2, halfW * 0.6 * Math.cos((y * Math.PI) / 180));
  return [x - halfW, y - halfH, x + halfW, y + halfH];
}

/**
 * The frame a new article opens on: among frames grown from each of its most-mentioned places
 * by adding the nearest others, the smallest that holds (whole) places with `share` of the
 * article's mentions. A Sudan report (Sudan 26 mentions, Darfur 6, Cairo 2) opens on Sudan; the
 * Karabakh report (Azerbaijan 7, places in Karabakh) on Azerbaijan, not on Istanbul and Russia.
 */
export function openingFrame(features: readonly PlaceFeature[], share = OPENING_SHARE): Frame | null {
  if (features.length === 0) return null;
  const weighed: Weighed[] = features
    .map((f) => ({ extent: placeExtent(f), weight: Math.max(1, f.properties.mentions.length), kind: f.properties.kind }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_WEIGHED);
  const total = weighed.reduce((sum, w) => sum + w.weight, 0);
  const held = (extent: Extent) => weighed.reduce((sum, w) => sum + (contains(extent, w.extent) ? w.weight : 0), 0);
  let best: { extent: Extent; area: number } | null = null;
  for (const seed of weighed.slice(0, MAX_SEEDS)) {
    const from = centre(seed.extent);
    const others = weighed.filter((w) => w !== seed).sort((a, b) => gap(from, centre(a.extent)) - gap(from, centre(b.extent)));
    let extent = seed.extent;
    for (const next of others) {
      if (held(extent) >= share * total) break;
      if (!contains(extent, next.extent)) extent = union(extent, next.extent);
    }
    const a = area(extent);
    if (best === null || a < best.area) best = { extent, area: a };
  }
  if (!best) return null;
  return frameOf(weighed, withNeighbours(weighed, best.extent));
}

/**
 * A neighbour comes along when the view it needs grows by at most 1 + this × its share of the
 * mentions: a fifth of the article may widen the view by 60%, a stray mention by a few percent.
 */
const GROWTH_PER_SHARE = 3;
/** All neighbours together widen the view at most this much (one zoom level). */
const TOTAL_GROWTH = 2;

/**
 * The frame with the neighbours that cost little for what they weigh: Dallas beside Arlington and
 * Fort Worth, not Egypt beside Sudan. Growth is measured on the view a frame needs, not on the frame, so a frame
 * of two towns does not turn away a third ten kilometres off.
 */
function withNeighbours(weighed: readonly Weighed[], base: Extent): Extent {
  const total = weighed.reduce((sum, w) => sum + w.weight, 0);
  const zoom = frameOf(weighed, base).maxZoom;
  const size = (e: Extent) => {
    const v = shownAt(e, zoom);
    return [v[2] - v[0], v[3] - v[1]];
  };
  const [w0, h0] = size(base);
  const from = centre(base);
  let extent = base;
  for (const w of [...weighed].sort((a, b) => gap(from, centre(a.extent)) - gap(from, centre(b.extent)))) {
    if (contains(extent, w.extent, 0)) continue;
    const next = union(extent, w.extent);
    const [w1, h1] = size(extent);
    const [w2, h2] = size(next);
    const allowed = 1 + (GROWTH_PER_SHARE * w.weight) / total;
    if (Math.max(w2 / w1, h2 / h1) <= allowed && Math.max(w2 / w0, h2 / h0) <= TOTAL_GROWTH) extent = next;
  }
  return extent;
}

/** The frame of every place ("Show all places"). */
export function allPlacesFrame(features: readonly PlaceFeature[]): Frame | null {
  if (features.length === 0) return null;
  const weighed = features.map((f) => ({ extent: placeExtent(f), weight: 1, kind: f.properties.kind }));
  // Grown from the heaviest place, so places on both sides of the antimeridian meet the short way.
  const extent = weighed.reduce((acc, w) => union(acc, w.extent), weighed[0].extent);
  return frameOf(weighed, [extent[0], Math.max(-80, extent[1]), extent[2], Math.min(84, extent[3])]);
}
