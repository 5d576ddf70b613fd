// Settlements for the basemap: every GeoNames cities500 place (500+ people) under the English
// name the gazetteer uses, its local name, and the zoom from which it is drawn. Build time only.
import type { Feature, Point } from 'geojson';
import { englishNameFinder, readGeoNamesCities, usableAlternate, type GeoNamesCity } from '../sources/geonames.ts';
import type { Props } from './sources.ts';

/** Population floors: a hamlet is never drawn before zoom 8, however empty its surroundings. */
const FLOORS: [population: number, zoom: number][] = [
  [1_000_000, 2],
  [200_000, 4],
  [50_000, 5],
  [10_000, 6],
  [2_000, 7],
  [0, 8],
];
/** Grid cells per tile side when thinning, and how many new places each cell takes per zoom. */
const CELLS_PER_TILE = 4;
const PER_CELL = 2;

/**
 * The script a country's own names are written in, to find the local name among GeoNames'
 * alternate names (cities500 does not say which language each one is).
 */
const SCRIPTS: [RegExp, string[]][] = [
  [/^[\p{Script=Cyrillic}\s\-'’.]+$/u, ['RU', 'BY', 'UA', 'BG', 'RS', 'MK', 'KZ', 'KG', 'TJ', 'MN', 'ME']],
  [/^[\p{Script=Greek}\s\-'’.]+$/u, ['GR', 'CY']],
  [/^[\p{Script=Arabic}\s\-'’.]+$/u, ['SA', 'AE', 'QA', 'BH', 'KW', 'OM', 'YE', 'IQ', 'SY', 'JO', 'LB', 'PS', 'EG', 'LY', 'TN', 'DZ', 'MA', 'SD', 'IR', 'AF', 'PK', 'MR']],
  [/^[\p{Script=Hebrew}\s\-'’.]+$/u, ['IL']],
  [/^[\p{Script=Devanagari}\s\-'’.]+$/u, ['IN', 'NP']],
  [/^[\p{Script=Armenian}\s\-'’.]+$/u, ['AM']],
  [/^[\p{Script=Georgian}\s\-'’.]+$/u, ['GE']],
  [/^[\p{Script=Thai}\s\-'’.]+$/u, ['TH']],
];
const SCRIPT_OF = new Map(SCRIPTS.flatMap(([re, countries]) => countries.map((c) => [c, re] as const)));

/**
 * Scripts the map has no font for: Chinese, Japanese and Korean. Noto Sans SC would cost its
 * 30 kB table of unicode ranges in every first view (the files themselves load on demand), so
 * such places keep the gazetteer's Latin name alone.
 */
const NO_FONT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The local name: in the country's own script when GeoNames has one, else its primary name. */
export function localName(city: GeoNamesCity, english: string): string {
  const script = SCRIPT_OF.get(city.country);
  const native = script ? city.alternates.find((a) => script.test(a)) : undefined;
  const local = native ?? city.name;
  return local === english || NO_FONT.test(local) ? '' : local;
}

const score = (c: GeoNamesCity): number => c.population * (c.fcode === 'PPLC' ? 20 : c.fcode === 'PPLA' ? 4 : c.fcode.startsWith('PPLA') ? 1.5 : 1);

/** Two significant digits: enough to order labels, and the repeated zeros pack well. */
export function roundPopulation(population: number): number {
  if (population <= 0) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(population)) - 1);
  return Math.round(population / unit) * unit;
}

const mercatorY = (lat: number): number => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/**
 * The zoom from which each place is drawn: at every zoom, each grid cell (a quarter of a
 * tile's side) takes its most important places not yet drawn, two per zoom, never below the
 * place's population floor; at `maxZoom` every place is in. So a sparse region shows its small
 * towns early, a dense one waits, and no tile holds more than a few dozen new labels per zoom.
 */
export function assignMinZooms(cities: GeoNamesCity[], maxZoom: number): Map<number, number> {
  const order = [...cities].sort((a, b) => score(b) - score(a) || a.geonameid - b.geonameid);
  const minZoom = new Map<number, number>();
  for (const c of order) if (c.fcode === 'PPLC') minZoom.set(c.geonameid, 2);
  for (let z = 2; z < maxZoom; z++) {
    const cells = new Map<string, number>();
    const n = (1 << z) * CELLS_PER_TILE;
    const key = (c: GeoNamesCity) => `${Math.floor(((c.lon + 180) / 360) * n)}:${Math.floor(mercatorY(c.lat) * n)}`;
    for (const c of order) {
      const k = key(c);
      const have = minZoom.get(c.geonameid);
      if (have !== undefined && have < z) {
        cells.set(k, (cells.get(k) ?? 0) + 1);
        continue;
      }
      if (have !== undefined) continue;
      const floor = FLOORS.find(([p]) => c.population >= p)![1];
      if (floor > z || (cells.get(k) ?? 0) >= PER_CELL) continue;
      minZoom.set(c.geonameid, z);
      cells.set(k, (cells.get(k) ?? 0) + 1);
    }
  }
  for (const c of order) if (!minZoom.has(c.geonameid)) minZoom.set(c.geonameid, maxZoom);
  return minZoom;
}

/**
 * `place` features: `name` (English, as the gazetteer names it), `local` (the local form when it
 * differs), `id` (GeoNames id, for hiding the article's own places), `pop` (rounded), `cap`
 * (2 national capital, 1 first-level seat) and `_min`.
 */
export function settlements(maxZoom: number): Feature<Point, Props>[] {
  const english = englishNameFinder();
  const cities = readGeoNamesCities();
  const zooms = assignMinZooms(cities, maxZoom);
  return cities
    .map((c): Feature<Point, Props> => {
      // The gazetteer's rule (geo/build/gazetteer/settlements.ts), so the map and the place list agree.
      const en = english(c);
      const name = en && usableAlternate(en, false) ? en : usableAlternate(c.name, false) ? c.name : c.asciiname;
      const cap = c.fcode === 'PPLC' ? 2 : c.fcode === 'PPLA' ? 1 : 0;
      const local = localName(c, name);
      return {
        type: 'Feature',
        properties: { name, ...(local ? { local } : {}), id: c.geonameid, pop: roundPopulation(c.population), cap, _min: zooms.get(c.geonameid)! },
        geometry: { type: 'Point', coordinates: [Math.round(c.lon * 1e5) / 1e5, Math.round(c.lat * 1e5) / 1e5] },
      };
    })
    .sort((a, b) => Number(a.properties._min) - Number(b.properties._min) || Number(b.properties.pop) - Number(a.properties.pop) || Number(a.properties.id) - Number(b.properties.id));
}
