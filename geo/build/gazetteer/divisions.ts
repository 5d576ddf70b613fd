// First- and second-level divisions: GeoNames' codes and names, Natural Earth's label points,
// English names and outlines for the first level; for the second level (counties, districts,
// provinces) a point at the population-weighted centre of its GeoNames settlements.
import { fold } from '../../text/fold.ts';
import { readAdmin1, readAdmin2, readGeoNamesCities, usableAlternate, type GeoNamesCity } from '../sources/geonames.ts';
import { readNaturalEarthAdmin1, type NaturalEarthAdmin1 } from '../sources/natural-earth.ts';
import { mainBBox, simplify, type RowSet } from './rows.ts';

/** Division code ("US.TX", "US.TX.439") → the name a reader knows it by. */
export type AdminNames = Map<string, string>;

/** The outlines of the default article's region are kept for the output; elsewhere a point and a box. */
const keepsOutline = (country: string) => country === 'AZ' || country === 'AM';

/**
 * Where Natural Earth has no outline for a GeoNames division (England, Scotland: Natural
 * Earth splits the UK into counties), its largest settlement stands for it.
 */
function largestCityPoints(cities: GeoNamesCity[]): Map<string, GeoNamesCity> {
  const out = new Map<string, GeoNamesCity>();
  for (const c of cities) {
    const code = `${c.country}.${c.admin1}`;
    if ((out.get(code)?.population ?? -1) < c.population) out.set(code, c);
  }
  return out;
}

/**
 * Natural Earth's English name is the better one ("South Darfur" for GeoNames' "Southern
 * Darfur") when the two name the same thing; a few of its names name something else
 * ("West Soudan" for Western Darfur).
 */
const GENERIC = new Set(['north', 'south', 'east', 'west', 'central', 'upper', 'lower', 'new', 'state', 'region', 'province', 'de', 'del', 'la', 'el', 'al']);

function sharesAWord(a: string, b: string): boolean {
  const words = (s: string) => new Set(fold(s).split(' ').map((w) => w.replace(/ern$/, '')).filter((w) => w.length > 2 && !GENERIC.has(w)));
  const other = words(b);
  return [...words(a)].some((w) => [...other].some((o) => o.startsWith(w.slice(0, 4)) || w.startsWith(o.slice(0, 4))));
}

export function addAdmin1(rows: RowSet, names: AdminNames, cities: GeoNamesCity[]): void {
  const naturalEarth = readNaturalEarthAdmin1();
  // Several Natural Earth features can carry one GeoNames code (an island group beside its
  // state): the id match wins, then the largest area.
  const neByCode = new Map<string, NaturalEarthAdmin1>();
  for (const n of [...naturalEarth].sort((a, b) => a.areaKm2 - b.areaKm2)) if (n.gnCode) neByCode.set(n.gnCode, n);
  const neById = new Map(naturalEarth.filter((n) => n.geonameid).map((n) => [n.geonameid!, n]));
  const largest = largestCityPoints(cities);
  const used = new Set<NaturalEarthAdmin1>();
  for (const a of readAdmin1()) {
    const [country, admin1] = a.code.split('.');
    const ne = neById.get(a.geonameid) ?? neByCode.get(a.code);
    if (!ne || !Number.isFinite(ne.lat)) {
      const city = largest.get(a.code);
      const name = usableAlternate(a.name, false) ? a.name : a.asciiname;
      names.set(a.code, name);
      if (city) rows.add({ fcode: 'ADM1', country, admin1, lat: city.lat, lon: city.lon, population: 0, geonameid: a.geonameid, name, alternates: [a.asciiname], world: true });
      continue;
    }
    used.add(ne);
    // GeoNames' first level in Azerbaijan is the rayon: a district, not a province.
    const fcode = country === 'AZ' ? 'ADMD' : 'ADM1';
    const name = usableAlternate(ne.name, false) && sharesAWord(ne.name, a.asciiname) ? ne.name : a.asciiname;
    names.set(a.code, name);
    const alternates = [a.name, a.asciiname, ...ne.alternates].filter((n) => usableAlternate(n, true));
    rows.add(
      { fcode, country, admin1, lat: ne.lat, lon: ne.lon, population: 0, geonameid: a.geonameid, name, alternates, bbox: mainBBox(ne.geometry), outline: keepsOutline(country) ? simplify(ne.geometry) : undefined, world: true },
      [a.name].filter((n) => usableAlternate(n, false)),
    );
  }
  addNaturalEarthDistricts(rows, naturalEarth, used);
}

/**
 * Natural Earth divisions that GeoNames does not list at its first level (the counties of
 * England and Scotland, for one) are second-level areas with a label point.
 */
function addNaturalEarthDistricts(rows: RowSet, naturalEarth: NaturalEarthAdmin1[], used: Set<NaturalEarthAdmin1>): void {
  for (const ne of naturalEarth) {
    if (used.has(ne) || !Number.isFinite(ne.lat) || !usableAlternate(ne.name, false)) continue;
    rows.add({ fcode: 'ADM2', country: ne.country, admin1: ne.gnCode.split('.')[1] ?? '', lat: ne.lat, lon: ne.lon, population: 0, geonameid: ne.geonameid, name: ne.name, alternates: ne.alternates.filter((n) => usableAlternate(n, false)), bbox: mainBBox(ne.geometry), world: true });
  }
}

/** Words around a second-level name that news leaves out ("Provincia di Siracusa", "Tartus District"). */
const ADMIN2_WRAPPERS = /^(provincia di|provincia de|provincia del|província de|province of|provincia|regierungsbezirk|landkreis|kreis|district of|département de la|département de l'|département du|département des|département de|distrito de|mudīrīyat|muḩāfaz̧at|kabupaten|kota)\s+|\s+(district|province|municipality|regency|prefecture|department|sub-district|subdistrict)$/i;

/** American and British counties keep their word ("Scott County"): bare, they are mostly surnames. */
const KEEPS_WORD = /\s(County|Parish|Borough)$/;

/**
 * Every GeoNames second-level division with at least one settlement: counties are how news
 * places small towns ("Scott County"), districts and provinces how it places villages. GeoNames
 * lists them without coordinates: each stands at the population-weighted centre of its places.
 */
export function addAdmin2(rows: RowSet, names: AdminNames, cities: GeoNamesCity[]): void {
  const centres = new Map<string, { lat: number; lon: number; weight: number }>();
  for (const c of cities) {
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
    const name = usableAlternate(a.name, false) ? a.name : a.asciiname;
    if (!usableAlternate(name, false)) continue;
    names.set(a.code, name);
    const centre = centres.get(a.code);
    if (!centre || rows.byGeonameId.has(a.geonameid)) continue;
    const [country, admin1, admin2] = a.code.split('.');
    const bare = KEEPS_WORD.test(name) ? name : name.replace(ADMIN2_WRAPPERS, '');
    rows.add({ fcode: 'ADM2', country, admin1, admin2, lat: centre.lat / centre.weight, lon: centre.lon / centre.weight, population: 0, geonameid: a.geonameid, name, alternates: [a.asciiname, bare].filter((n) => n && usableAlternate(n, false)), world: KEEPS_WORD.test(name) && (country === 'US' || country === 'GB') });
  }
}

export { readGeoNamesCities };
