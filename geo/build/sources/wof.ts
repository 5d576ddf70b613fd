// Who's On First (CC BY) for Azerbaijan, Armenia and Syria: villages, neighbourhoods, districts
// and macroregions, with polygons and multilingual names, down to a level GeoNames cities500
// does not reach.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Geometry } from 'geojson';
import { SHARED, usableAlternate } from './geonames.ts';

const CACHE = new URL('../../../.cache/wof/', import.meta.url).pathname;
export const WOF_COUNTRIES = ['az', 'am', 'sy'];

export interface WofPlace {
  wofId: number;
  placetype: string;
  country: string;
  name: string;
  /** English names first, then local and variant Latin names. */
  names: string[];
  geonameid: number | null;
  lat: number;
  lon: number;
  population: number;
  geometry: Geometry;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = `${dir}/${entry}`;
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.geojson')) yield path;
  }
}

function extract(country: string): string {
  const dir = `${CACHE}${country}`;
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xzf', `${SHARED}wof/whosonfirst-admin-${country}.tgz`, '-C', dir]);
  }
  return dir;
}

const NAME_FIELDS = ['name:eng_x_preferred', 'name:eng_x_variant', 'name:aze_x_preferred', 'name:aze_x_variant', 'name:und_x_variant', 'name:hye_x_preferred', 'name:fra_x_preferred'];

function namesOf(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of NAME_FIELDS) {
    const value = p[field];
    if (Array.isArray(value)) out.push(...value.map(String));
  }
  out.push(String(p['wof:name']));
  return [...new Set(out.filter((n) => usableAlternate(n, false)))];
}

/** Current WOF records of the kinds the gazetteer keeps. */
export function readWof(): WofPlace[] {
  const out: WofPlace[] = [];
  const kept = new Set(['locality', 'localadmin', 'neighbourhood', 'county', 'region', 'macroregion']);
  for (const country of WOF_COUNTRIES) {
    for (const path of walk(extract(country))) {
      const feature = JSON.parse(readFileSync(path, 'utf8'));
      const p = feature.properties as Record<string, unknown>;
      const placetype = String(p['wof:placetype']);
      const superseded = Array.isArray(p['wof:superseded_by']) && (p['wof:superseded_by'] as unknown[]).length > 0;
      if (!kept.has(placetype) || superseded || p['edtf:deprecated'] || p['mz:is_current'] === 0) continue;
      const names = namesOf(p);
      if (names.length === 0) continue;
      const gn = (p['wof:concordances'] as Record<string, unknown> | undefined)?.['gn:id'];
      out.push({
        wofId: Number(p['wof:id']),
        placetype: String(p['wof:placetype_local'] ?? placetype) === 'district' ? 'district' : placetype,
        country: String(p['wof:country'] ?? country.toUpperCase()),
        name: names[0],
        names,
        geonameid: typeof gn === 'number' && gn > 0 ? gn : null,
        lat: Number(p['lbl:latitude'] ?? p['geom:latitude']),
        lon: Number(p['lbl:longitude'] ?? p['geom:longitude']),
        population: Number(p['wof:population'] ?? 0) || 0,
        geometry: feature.geometry,
      });
    }
  }
  return out.sort((a, b) => a.wofId - b.wofId);
}
