// Splits the rows into tiers and writes them: the world tier (every country, division,
// physical feature, curated region and settlement of WORLD_MIN_POPULATION (5,000) people or
// more, with pointers to the tiers that hold other names) and one tier per country for its
// smaller places.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import { fold } from '../../text/fold.ts';
import { STOPWORDS } from '../../text/stopwords.ts';
import { serializeGazetteer, type GazetteerPlaceRow } from '../../gazetteer/format.ts';
import type { BuildRow } from './rows.ts';

export const WORLD = 'world';

/** Abbreviated and spelled-out openings that news uses interchangeably ("St. Bernard Parish", "Mt. Kenya"). */
const OPENINGS: [string, string][] = [['saint ', 'st '], ['sainte ', 'ste '], ['fort ', 'ft '], ['mount ', 'mt '], ['port ', 'pt ']];

function withOpenings(key: string): string[] {
  for (const [long, short] of OPENINGS) {
    if (key.startsWith(long)) return [key, short + key.slice(long.length)];
    if (key.startsWith(short)) return [key, long + key.slice(short.length)];
  }
  return [key];
}

export const keysOf = (row: GazetteerPlaceRow) => [...new Set([row.name, ...row.alternates].map(fold).flatMap(withOpenings))].filter((k) => k && !STOPWORDS.has(k));

const tierOf = (r: BuildRow) => (r.world || !r.country ? WORLD : r.country);

/** Neighbours in a country and its admin1 share names and coordinates: sorting them together lets gzip find it. */
const byPlace = (a: BuildRow, b: BuildRow) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1) || a.admin2.localeCompare(b.admin2) || a.lat - b.lat || a.lon - b.lon || a.name.localeCompare(b.name);

export interface TierReport {
  tier: string;
  places: number;
  bytes: number;
}

/** A tier's file name: `gazetteer-world.txt.gz`, `gazetteer-SY.txt.gz` (the word stays in the app's hashed asset URLs). */
export const tierFile = (tier: string) => `gazetteer-${tier}.txt.gz`;

/**
 * Writes `<dir>/gazetteer-<tier>.txt.gz` for every tier and returns the world tier's rows (in file order,
 * for the outlines, which are keyed by a world place's index) and the size of each tier.
 */
export function writeTiers(rows: BuildRow[], admins: Map<string, string>, dir: string): { world: BuildRow[]; reports: TierReport[] } {
  const tiers = new Map<string, BuildRow[]>();
  for (const r of rows) {
    const t = tierOf(r);
    const list = tiers.get(t);
    if (list) list.push(r);
    else tiers.set(t, [r]);
  }
  const elsewhere = new Map<string, Set<string>>();
  for (const [tier, list] of tiers) {
    if (tier === WORLD) continue;
    for (const r of list) for (const k of keysOf(r)) elsewhere.set(k, (elsewhere.get(k) ?? new Set()).add(tier));
  }
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.txt.gz')) rmSync(`${dir}/${f}`);
  const reports: TierReport[] = [];
  let world: BuildRow[] = [];
  for (const [tier, list] of [...tiers].sort(([a], [b]) => (a === WORLD ? -1 : b === WORLD ? 1 : a.localeCompare(b)))) {
    list.sort(byPlace);
    // The world tier names every first-level division (a country tier's places refer to them);
    // each tier names the second-level divisions its own places lie in.
    const used = new Map<string, string>();
    for (const [code, name] of admins) if (tier === WORLD && code.split('.').length === 2) used.set(code, name);
    for (const r of list) {
      for (const code of [`${r.country}.${r.admin1}`, `${r.country}.${r.admin1}.${r.admin2}`]) {
        const name = admins.get(code);
        if (name && r.admin1 && (code.split('.').length === 2 || r.admin2)) used.set(code, name);
      }
    }
    const text = serializeGazetteer({ tier, rows: list, keysOf, admins: used, elsewhere: tier === WORLD ? elsewhere : undefined });
    const gz = gzipSync(text, { level: 9 });
    writeFileSync(`${dir}/${tierFile(tier)}`, gz);
    reports.push({ tier, places: list.length, bytes: gz.length });
    if (tier === WORLD) world = list;
  }
  return { world, reports };
}

export function outlinesOf(world: BuildRow[]) {
  return turf.featureCollection(world.flatMap((r, index) => (r.outline ? [{ type: 'Feature' as const, id: index, properties: {}, geometry: r.outline }] : [])));
}
