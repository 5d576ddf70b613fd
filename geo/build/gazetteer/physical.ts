// Physical and marine features from Natural Earth 1:10m (public domain): seas, gulfs, bays and
// straits; lakes and rivers; islands and archipelagos; ranges, peaks, deserts, peninsulas,
// plateaus, valleys, deltas, coasts. Each becomes a point (inside its area, or midway along its
// river) with the extent of its geometry, in the country that holds all of it ('' otherwise).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Position } from 'geojson';
import { fold } from '../../text/fold.ts';
import { SHARED } from '../sources/geonames.ts';
import { mainBBox, type RowSet } from './rows.ts';
import type { CountryLocator } from './locate.ts';

type Props = Record<string, unknown>;

function readLayer(name: string): Feature<Geometry, Props>[] {
  const fc = JSON.parse(gunzipSync(readFileSync(`${SHARED}naturalearth/ne_10m_${name}.json.gz`)).toString('utf8')) as FeatureCollection<Geometry, Props>;
  return fc.features.filter((f) => f.geometry);
}

const MARINE: Record<string, string> = { sea: 'SEA', gulf: 'GULF', bay: 'BAY', strait: 'STRT', sound: 'SD', channel: 'CHN', lagoon: 'LGN', fjord: 'FJD', ocean: 'OCN', inlet: 'INLT', generic: 'SEA', reef: 'RF' };
const REGIONS: Record<string, string> = {
  Island: 'ISL', 'Island group': 'ISLS', 'Range/mtn': 'MTS', Plateau: 'PLAT', Desert: 'DSRT', 'Pen/cape': 'PEN', Peninsula: 'PEN', Geoarea: 'AREA', Coast: 'CST',
  Plain: 'PLN', Delta: 'DLTA', Basin: 'BSN', Valley: 'VAL', Lowland: 'LWLD', Tundra: 'TUND', Isthmus: 'ISTH', Wetlands: 'WTLD', Gorge: 'GRGE', Foothills: 'HLLS', Lake: 'LK', Depression: 'DPR',
};
const POINTS: Record<string, string> = { island: 'ISL', 'island group': 'ISLS', cape: 'CAPE', waterfall: 'FLLS', plain: 'PLN', mountain: 'MT', depression: 'DPR', pass: 'PASS' };

/** Natural Earth abbreviates its labels; news writes the words out. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bMts\s?\.|\bMtns\./g, 'Mountains'],
  [/\bRa\./g, 'Range'],
  [/^Mt\.\s/g, 'Mount '],
  [/\bI\.$/g, 'Island'],
  [/\bIs\.$/g, 'Islands'],
  [/\bPen\.$/g, 'Peninsula'],
  [/^Cord\.\s/g, 'Cordillera '],
  [/^S\.\s/g, 'Serra '],
  [/^C\.\s/g, 'Cape '],
  [/^Pt\.\s/g, 'Point '],
  [/^G\.\s/g, 'Gulf '],
];

/** "ARCTIC OCEAN" → "Arctic Ocean"; abbreviations written out. */
export function labelToName(label: string): string {
  let name = label.trim().replace(/\s+/g, ' ');
  if (name === name.toUpperCase()) name = name.toLowerCase().replace(/(^|[\s\-(])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/\b(Of|The|And|De|Du|La)\b/g, (w) => w.toLowerCase());
  for (const [pattern, word] of ABBREVIATIONS) name = name.replace(pattern, word);
  return name.replace(/\s+/g, ' ').trim();
}

function alternatesOf(fcode: string, name: string, label: string, alt: unknown): string[] {
  const out = [label, ...String(alt ?? '').split(/[,;|]/).map((s) => s.trim()).filter((s) => s && s !== 'null')];
  if (fcode === 'STM' && !/\bRiver\b/i.test(name)) out.push(`${name} River`, `River ${name}`);
  if ((fcode === 'LK' || fcode === 'RSV') && !/\b(Lake|Lac|Lago|Ozero|Reservoir)\b/i.test(name)) out.push(`Lake ${name}`);
  return out;
}

/** A point inside an area's largest part (its centroid when that lies inside). */
function pointInside(geometry: Geometry): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  if (!polygons.length) return turf.pointOnFeature(geometry).geometry.coordinates;
  const largest = turf.polygon(polygons.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a)));
  const centroid = turf.centroid(largest);
  return turf.booleanPointInPolygon(centroid, largest) ? centroid.geometry.coordinates : turf.pointOnFeature(largest).geometry.coordinates;
}

/** Midway along the longest line of a river. */
function pointAlong(lines: Position[][]): Position {
  const longest = lines.reduce((a, b) => (turf.length(turf.lineString(b)) > turf.length(turf.lineString(a)) ? b : a));
  const line = turf.lineString(longest);
  return turf.along(line, turf.length(line) / 2).geometry.coordinates;
}

interface Physical {
  /** Natural Earth's scale rank: 0 the most prominent. */
  scalerank: number;
  fcode: string;
  label: string;
  alt: unknown;
  point: Position;
  geometry: Geometry;
}

function marineAndRegions(): Physical[] {
  const out: Physical[] = [];
  for (const f of readLayer('geography_marine_polys')) {
    const fcode = MARINE[String(f.properties.featurecla)];
    if (fcode && f.properties.name) out.push({ scalerank: Number(f.properties.scalerank), fcode, label: String(f.properties.name), alt: f.properties.namealt, point: pointInside(f.geometry), geometry: f.geometry });
  }
  for (const f of readLayer('geography_regions_polys')) {
    const fcode = REGIONS[String(f.properties.featurecla)];
    if (fcode && f.properties.name) out.push({ scalerank: Number(f.properties.scalerank), fcode, label: String(f.properties.name), alt: f.properties.namealt, point: pointInside(f.geometry), geometry: f.geometry });
  }
  for (const layer of ['geography_regions_points', 'geography_regions_elevation_points']) {
    for (const f of readLayer(layer)) {
      const fcode = POINTS[String(f.properties.featurecla)];
      if (fcode && f.properties.name && f.geometry.type === 'Point') out.push({ scalerank: Number(f.properties.scalerank), fcode, label: String(f.properties.name), alt: f.properties.name_alt, point: f.geometry.coordinates, geometry: f.geometry });
    }
  }
  return out;
}

/** Lakes, their parts joined by name; reservoirs kept apart from natural lakes. */
function lakes(): Physical[] {
  const byName = new Map<string, Feature<Geometry, Props>[]>();
  for (const f of readLayer('lakes')) {
    if (!f.properties.name) continue;
    const key = `${f.properties.featurecla}:${f.properties.name}`;
    const list = byName.get(key);
    if (list) list.push(f);
    else byName.set(key, [f]);
  }
  return [...byName.values()].map((parts) => {
    const polygons = parts.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []));
    const geometry: Geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    return { scalerank: Math.min(...parts.map((p) => Number(p.properties.scalerank))), fcode: parts[0].properties.featurecla === 'Reservoir' ? 'RSV' : 'LK', label: String(parts[0].properties.name), alt: parts[0].properties.name_alt, point: pointInside(geometry), geometry };
  });
}

/** Rivers: the segments of one river (its name and number) become one feature. */
function rivers(): Physical[] {
  const byRiver = new Map<string, { label: string; alt: unknown; lines: Position[][]; scalerank: number }>();
  for (const f of readLayer('rivers_lake_centerlines')) {
    const label = String(f.properties.name_en ?? f.properties.name ?? '');
    if (!label || label === 'null' || f.properties.featurecla !== 'River') continue;
    const key = `${f.properties.rivernum}:${label}`;
    const entry = byRiver.get(key) ?? { label, alt: f.properties.name_alt, lines: [], scalerank: 10 };
    entry.scalerank = Math.min(entry.scalerank, Number(f.properties.scalerank));
    const g = f.geometry as LineString | MultiLineString;
    if (g.type === 'LineString') entry.lines.push(g.coordinates);
    else entry.lines.push(...g.coordinates);
    byRiver.set(key, entry);
  }
  return [...byRiver.values()].map((r) => ({ scalerank: r.scalerank, fcode: 'STM', label: r.label, alt: r.alt, point: pointAlong(r.lines), geometry: { type: 'MultiLineString', coordinates: r.lines } }));
}

/** Adds every named physical feature, except those our curated list already has. */
export function addPhysical(rows: RowSet, locate: CountryLocator, curatedNames: Set<string>): number {
  let added = 0;
  for (const p of [...marineAndRegions(), ...lakes(), ...rivers()]) {
    const name = labelToName(p.label);
    if (!name || curatedNames.has(fold(name))) continue;
    const [lon, lat] = p.point;
    const rank = Number.isFinite(p.scalerank) ? Math.max(0, Math.min(6, 6 - p.scalerank)) : 0;
    rows.add({ fcode: p.fcode, country: locate.countryOfGeometry(p.geometry, p.point), admin1: '', lat, lon, population: 0, geonameid: null, name, alternates: alternatesOf(p.fcode, name, p.label, p.alt), bbox: p.geometry.type === 'Point' ? null : mainBBox(p.geometry), rank, world: true });
    added++;
  }
  return added;
}
