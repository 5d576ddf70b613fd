// How a reading of a name is told apart from its namesakes in the panel: kind, divisions,
// country, population (Arlington · City · Tarrant County, Texas · United States · 394,266 people).
import type { PlaceKind, Reading } from '../../geo/types.ts';
import type { FixedReading } from '../../geo/output/corrections.ts';
import { countryName, kindLabel } from './article.ts';

/** What the panel knows of a reading: the fixed part, plus divisions and population when known. */
export type ShownReading = FixedReading & { admin2?: string | null; population?: number };

/** "Tarrant County, Texas" — the divisions a reading lies in, smallest first, without repeats. */
export function divisionsOf(r: ShownReading): string {
  const parts = [r.admin2 ?? null, r.admin1].filter((p): p is string => p !== null && p !== '' && p !== r.name);
  return [...new Set(parts)].join(', ');
}

/** The facts that tell a reading apart, in reading order: kind, divisions, country, population. */
export function readingFacts(r: ShownReading): string[] {
  const facts = [kindLabel(r.kind as PlaceKind, r.country)];
  const divisions = divisionsOf(r);
  if (divisions) facts.push(divisions);
  if (r.country && r.kind !== 'country') facts.push(countryName(r.country) ?? r.country);
  if (r.population && r.population > 0) facts.push(`${formatPopulation(r.population)} people`);
  return facts;
}

/** "Arlington, a city in Tarrant County, Texas, United States": for sentences, names as they are written. */
export function readingPhrase(r: ShownReading): string {
  const kind = kindLabel(r.kind as PlaceKind, r.country).toLowerCase();
  const where = [divisionsOf(r), r.country && r.kind !== 'country' ? countryName(r.country) : null].filter(Boolean).join(', ');
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return `${r.name}, ${article} ${kind}${where ? ` in ${where}` : ''}`;
}

export function formatPopulation(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)} million`;
  return n.toLocaleString('en');
}

/** Whether two readings are the same place (a search finds the geoparser's own reading too). */
export function sameReading(a: FixedReading, b: FixedReading): boolean {
  if (a.geonameid !== null && b.geonameid !== null) return a.geonameid === b.geonameid;
  return a.name === b.name && Math.abs(a.coordinates[0] - b.coordinates[0]) < 1e-3 && Math.abs(a.coordinates[1] - b.coordinates[1]) < 1e-3;
}

/** One row of a list of readings to choose from. */
export interface ReadingRow {
  key: string;
  reading: ShownReading;
  /** A line under the facts ("412 km from the geoparser's reading"). */
  note?: string;
  pressed?: boolean;
}

export type { Reading };
