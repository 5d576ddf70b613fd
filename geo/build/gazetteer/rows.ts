// The rows of the gazetteer under construction, and the name and geometry helpers every source
// uses: one place per row, joined across sources by GeoNames id.
import * as turf from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { fold } from '../../text/fold.ts';
import type { BBox, GazetteerPlaceRow } from '../../gazetteer/format.ts';

export interface BuildRow extends GazetteerPlaceRow {
  /** Outline kept for the geoparser's output (districts of the default article's region, curated regions). */
  outline?: Polygon | MultiPolygon;
  /** Forces the row into the world tier whatever its size (capitals, the default article's region). */
  world?: boolean;
}

export type NewRow = Omit<BuildRow, 'admin2' | 'shown' | 'bbox' | 'rank'> & Partial<Pick<BuildRow, 'admin2' | 'shown' | 'bbox' | 'rank'>>;

export class RowSet {
  readonly rows: BuildRow[] = [];
  readonly byGeonameId = new Map<number, BuildRow>();

  /**
   * Adds a place. `shownNames` are the names a reader knows it by (English, local, contested):
   * they lead the alternates and are what the app shows as "also called".
   */
  add(row: NewRow, shownNames: string[] = []): BuildRow {
    const full: BuildRow = { admin2: '', shown: 0, bbox: null, rank: 0, ...row };
    setNames(full, full.name, shownNames, full.alternates);
    this.rows.push(full);
    if (full.geonameid !== null) this.byGeonameId.set(full.geonameid, full);
    return full;
  }
}

/**
 * Words that GeoNames' foreign-language alternates wrap around a name ("Daerah Khojali",
 * "Distrito ng Khojali", "Khojaly District"): such an alternate says nothing the bare name
 * does not, and would crowd out the names a reader knows (Stepanakert).
 */
const GENERIC_WORDS = /^(daerah|distrito ng|distrito de|distrito|rayon|rajon|raion|rejon|district of|municipality of|provinsi|kabupaten|gorod|city of)\s+|\s+(district|rayon|rayonu|rajon|raion|rejon|municipality|sahari|şəhəri|seheri|city district|oblast|okrug|gorod)$/i;

/** Names without the display name, without spellings that fold to a key already kept, and without generic wrappers. */
export function uniqueNames(name: string, names: string[], keep: Set<string> = new Set([fold(name)])): string[] {
  const keys = new Set([fold(name), ...names.map(fold)]);
  const out: string[] = [];
  for (const a of names) {
    const key = a ? fold(a) : '';
    if (!key || keep.has(key)) continue;
    const bare = a.replace(GENERIC_WORDS, '');
    if (bare !== a && keys.has(fold(bare))) continue;
    keep.add(key);
    out.push(a);
  }
  return out;
}

/** Sets a row's name, its shown names first among the alternates, then the rest. */
export function setNames(row: BuildRow, name: string, shown: string[], others: string[]): void {
  const seen = new Set([fold(name)]);
  const first = uniqueNames(name, shown, seen);
  const rest = uniqueNames(name, others, seen);
  row.name = name;
  row.alternates = [...first, ...rest];
  row.shown = first.length;
}

/** Adds names to a row that another source knows it by; `shown` ones go among its shown names. */
export function mergeNames(row: BuildRow, shown: string[], others: string[] = []): void {
  const currentShown = row.alternates.slice(0, row.shown);
  const currentRest = row.alternates.slice(row.shown);
  setNames(row, row.name, [...shown, ...currentShown], [...currentRest, ...others]);
}

/** Holes below this are slivers left where district polygons did not quite meet. */
const MIN_HOLE_KM2 = 5;

/** Outer rings kept; holes kept only when they are real (an enclave), not merge slivers. */
function withoutSlivers(polygon: Position[][]): Position[][] {
  const [outer, ...holes] = polygon;
  return [outer, ...holes.filter((h) => new Set(h.map((p) => p.join())).size >= 3 && turf.area(turf.polygon([h])) / 1e6 >= MIN_HOLE_KM2)];
}

export function simplify(geometry: Geometry): Polygon | MultiPolygon | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return undefined;
  const simple = turf.truncate(turf.simplify(turf.feature(geometry), { tolerance: 0.004, highQuality: false }), { precision: 4 }).geometry as Polygon | MultiPolygon;
  return simple.type === 'Polygon'
    ? { type: 'Polygon', coordinates: withoutSlivers(simple.coordinates) }
    : { type: 'MultiPolygon', coordinates: simple.coordinates.map(withoutSlivers) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The extent a reader expects to see of an area: the parts of at least a quarter of the
 * largest part's area (mainland France without French Guiana, the contiguous United States),
 * as one box; a box wider than half the globe is taken the other way round the antimeridian.
 */
export function mainBBox(geometry: Geometry | null | undefined): BBox | null {
  if (!geometry) return null;
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  if (!polygons.length) {
    if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') return bboxOf(turf.bbox(geometry));
    return null;
  }
  const areas = polygons.map((p) => turf.area(turf.polygon(p)));
  const largest = Math.max(...areas);
  const kept = polygons.filter((_, i) => areas[i] >= largest / 4);
  return bboxOf(turf.bbox(turf.multiPolygon(kept)), kept);
}

function bboxOf([w, s, e, n]: number[], polygons?: Position[][][]): BBox {
  if (e - w > 180 && polygons) {
    // Parts on both sides of the antimeridian (Fiji, Chukotka): the box from the western edge
    // of the eastern parts, across 180°, to the eastern edge of the western parts.
    let west = 180;
    let east = -180;
    for (const ring of polygons.map((p) => p[0])) {
      for (const [x] of ring) {
        if (x >= 0) west = Math.min(west, x);
        else east = Math.max(east, x);
      }
    }
    if (west - east > 180) return [round2(west), round2(s), round2(east), round2(n)];
  }
  return [round2(w), round2(s), round2(e), round2(n)];
}
