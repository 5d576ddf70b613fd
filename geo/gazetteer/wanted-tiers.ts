// Which country tiers an article needs, decided from a first geoparse with the tiers loaded so
// far: the countries its places lie in (weighted by mentions), and the tiers that hold the
// names it could not place. Pure: the worker fetches what this returns, then geoparses again.
import type { PlaceCollection } from '../types.ts';
import type { Gazetteer } from './gazetteer.ts';
import { fold } from '../text/fold.ts';

export interface WantedTierOptions {
  /** Most country tiers fetched for the countries the article is about. Default 3. */
  maxCountries: number;
  /** Share of the article's place mentions a country needs to have its tier fetched. Default 0.1. */
  minShare: number;
  /** Most further tiers fetched for names no loaded tier holds. Default 3. */
  maxForNames: number;
}

export const defaultWantedTierOptions: WantedTierOptions = { maxCountries: 3, minShare: 0.1, maxForNames: 3 };

/** Tier codes to add, best first; empty when the loaded tiers suffice. `available` lists the tiers that exist. */
export function wantedTiers(places: PlaceCollection, gazetteer: Gazetteer, available: ReadonlySet<string>, options: Partial<WantedTierOptions> = {}): string[] {
  const o = { ...defaultWantedTierOptions, ...options };
  const loaded = new Set(gazetteer.tiers);
  const weights = new Map<string, number>();
  let total = 0;
  for (const f of places.features) {
    const { country, mentions, kind } = f.properties;
    if (!country || kind === 'route') continue;
    weights.set(country, (weights.get(country) ?? 0) + mentions.length);
    total += mentions.length;
  }
  const byCountry = [...weights]
    .filter(([c, w]) => w >= total * o.minShare && available.has(c))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, o.maxCountries)
    .map(([c]) => c);
  // Names left unplaced: the tiers that hold them, those of the article's countries first, then
  // the ones that hold the most of them.
  const hits = new Map<string, number>();
  for (const u of places.unresolved ?? []) {
    for (const t of gazetteer.tiersFor(fold(u.name))) if (available.has(t)) hits.set(t, (hits.get(t) ?? 0) + u.mentions.length);
  }
  const forNames = [...hits]
    .filter(([t]) => !byCountry.includes(t))
    .sort((a, b) => Number(weights.has(b[0])) - Number(weights.has(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, o.maxForNames)
    .map(([t]) => t);
  return [...byCountry, ...forNames].filter((t) => !loaded.has(t));
}
