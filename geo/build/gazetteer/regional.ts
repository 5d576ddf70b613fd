// Who's On First (Azerbaijan, Armenia, Syria) and our curated regions: the places no GeoNames
// file here has (villages, neighbourhoods, historical and disputed regions), and the curated
// English, local and contested names of those it has.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { fold } from '../../text/fold.ts';
import type { WofPlace } from '../sources/wof.ts';
import { CURATED_PLACES } from '../curated-places.ts';
import { mainBBox, mergeNames, simplify, type RowSet } from './rows.ts';
import { WORLD_MIN_POPULATION } from './settlements.ts';

const AREA_TYPES = new Set(['district', 'region', 'county']);

/** WOF records join GeoNames ones through their concordance; the rest become new places. */
export function addWof(rows: RowSet, wof: WofPlace[]): void {
  for (const w of wof) {
    if (w.placetype === 'macroregion') continue;
    const existing = w.geonameid !== null ? rows.byGeonameId.get(w.geonameid) : undefined;
    const isArea = AREA_TYPES.has(w.placetype);
    // The default article's region keeps its outlines; elsewhere an area is a point and a box.
    const keepsOutline = isArea && (w.country === 'AZ' || w.country === 'AM');
    if (existing) {
      // Who's On First's names are curated (English, local, contested): they are shown first.
      mergeNames(existing, w.names);
      if (isArea) {
        if (keepsOutline) existing.outline = simplify(w.geometry) ?? existing.outline;
        existing.bbox ??= mainBBox(w.geometry);
        if (existing.fcode === 'ADM1' && w.placetype === 'district') existing.fcode = 'ADMD';
      }
      continue;
    }
    if (!Number.isFinite(w.lat) || !Number.isFinite(w.lon)) continue;
    const fcode = isArea ? 'ADMD' : w.placetype === 'localadmin' ? 'ADM3' : w.placetype === 'neighbourhood' ? 'PPLX' : 'PPL';
    rows.add(
      { fcode, country: w.country, admin1: '', lat: w.lat, lon: w.lon, population: w.population, geonameid: w.geonameid, name: w.name, alternates: [], bbox: isArea ? mainBBox(w.geometry) : null, outline: keepsOutline ? simplify(w.geometry) : undefined, world: w.country === 'AZ' || w.country === 'AM' || isArea || w.population >= WORLD_MIN_POPULATION },
      w.names,
    );
  }
}

export function curatedNames(): Set<string> {
  return new Set(CURATED_PLACES.flatMap((c) => [c.name, ...(c.names ?? [])]).map(fold));
}

export function addCurated(rows: RowSet, wof: WofPlace[]): void {
  const districts = wof.filter((w) => w.placetype === 'district' || w.placetype === 'region');
  for (const c of CURATED_PLACES) {
    let outline: Polygon | MultiPolygon | undefined;
    if (c.wofDistricts) {
      const wanted = new Set(c.wofDistricts.map(fold));
      const parts = districts.filter((d) => d.names.some((n) => wanted.has(fold(n)))).map((d) => turf.feature(d.geometry) as Feature<Polygon | MultiPolygon>);
      const merged = parts.length > 1 ? turf.union(turf.featureCollection(parts)) : parts[0];
      if (merged) outline = simplify(merged.geometry);
    } else if (c.bbox) {
      outline = turf.bboxPolygon(c.bbox).geometry;
    }
    rows.add(
      { fcode: c.fcode, country: c.country ?? '', admin1: '', lat: c.lat, lon: c.lon, population: c.population ?? 0, geonameid: null, name: c.name, alternates: [], bbox: c.bbox ?? mainBBox(outline), outline, world: true },
      c.names ?? [],
    );
  }
}
