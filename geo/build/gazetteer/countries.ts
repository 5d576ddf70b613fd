// Countries and continents: GeoNames' own representative points (the lat/lon of each country's
// PCLI row, and of each continent), GeoNames' names and populations, world-countries' English
// names and demonyms, Natural Earth 1:10m outlines for the extent a reader expects.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { fold } from '../../text/fold.ts';
import { readCountries, SHARED, usableAlternate } from '../sources/geonames.ts';
import { COUNTRY_ALIASES } from '../curated-places.ts';
import { mainBBox, type RowSet } from './rows.ts';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  ccn3: string;
  latlng: [number, number];
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

const worldCountries = (): WorldCountry[] => require('world-countries/countries.json');

// topojson-client ships no types; this is the one function used.
const { feature } = require('topojson-client') as { feature: (topology: unknown, object: unknown) => FeatureCollection };

/** Natural Earth 1:10m country outlines (world-atlas), by ISO alpha-2. */
function countryOutlines(): Map<string, Geometry> {
  const topology = require('world-atlas/countries-10m.json');
  const fc = feature(topology, topology.objects.countries);
  const alpha2 = new Map(worldCountries().map((c) => [c.ccn3, c.cca2]));
  const out = new Map<string, Geometry>();
  for (const f of fc.features as Feature[]) {
    const iso = alpha2.get(String(f.id));
    if (iso && f.geometry) out.set(iso, f.geometry);
  }
  return out;
}

interface GeoNamesCountryPoint {
  code: string;
  latlon: string;
  name: string;
  name_alt?: string;
}

export function addCountries(rows: RowSet): void {
  const points = new Map((JSON.parse(readFileSync(`${SHARED}geonames/countries-geonames-points-2021.json`, 'utf8')) as GeoNamesCountryPoint[]).map((c) => [c.code, c]));
  const byIso = new Map(worldCountries().map((c) => [c.cca2, c]));
  const outlines = countryOutlines();
  for (const c of readCountries()) {
    const point = points.get(c.iso);
    const wc = byIso.get(c.iso);
    const [lat, lon] = point ? point.latlon.split(',').map(Number) : wc ? wc.latlng : [NaN, NaN];
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const shown = [wc?.name.common, wc?.name.official, point?.name_alt].filter((n): n is string => !!n);
    const others = [...(wc?.altSpellings.filter((s) => usableAlternate(s, true) && s.length > 2) ?? []), ...(COUNTRY_ALIASES[c.iso] ?? [])];
    rows.add({ fcode: 'PCLI', country: c.iso, admin1: '', lat, lon, population: c.population, geonameid: c.geonameid, name: c.name, alternates: others, bbox: mainBBox(outlines.get(c.iso)), world: true }, shown);
  }
}

interface GeoNamesContinent {
  geonameId: number;
  name: string;
  lat: number;
  lng: number;
  bbox: { east: number; south: number; north: number; west: number };
}

const CONTINENT_POPULATION: Record<string, number> = { AF: 1_400_000_000, AS: 4_700_000_000, EU: 745_000_000, NA: 590_000_000, SA: 430_000_000, OC: 45_000_000, AN: 0 };

export function addContinents(rows: RowSet): void {
  const continents: Record<string, GeoNamesContinent> = JSON.parse(readFileSync(`${SHARED}geonames/continents-geonames-points.json`, 'utf8'));
  for (const [code, c] of Object.entries(continents)) {
    const b = c.bbox;
    rows.add({ fcode: 'CONT', country: '', admin1: '', lat: c.lat, lon: c.lng, population: CONTINENT_POPULATION[code] ?? 0, geonameid: c.geonameId, name: c.name, alternates: [], bbox: [b.west, b.south, b.east, b.north].map((x) => Math.round(x * 100) / 100) as [number, number, number, number], world: true });
  }
}

/** Folded demonym → country ("azerbaijani" → "AZ"), for the context of a text. */
export function demonyms(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of worldCountries()) {
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      out[fold(d)] = c.cca2;
      out[fold(d.endsWith('s') ? d : `${d}s`)] = c.cca2;
    }
  }
  // Demonyms world-countries lacks that news uses for places in our curated list.
  Object.assign(out, { azeri: 'AZ', azeris: 'AZ', karabakhi: 'AZ', british: 'GB', kurdish: '', kurds: '', palestinian: 'PS', palestinians: 'PS', saudi: 'SA', saudis: 'SA' });
  return out;
}
