// The runtime gazetteer: a name index over the compact format. Places are decoded only
// when a lookup returns them, so start-up costs one scan of the text for line breaks.
import { findKey, findPrefix, indexGazetteer, lineAt, parsePlaceLine, type GazetteerLines, type GazetteerPlace } from './format.ts';
import { placePrior } from './prior.ts';

/** How strongly a name is a place name, for the recogniser: 0 none .. 3 country, region or continent. */
export type NameClass = 0 | 1 | 2 | 3;

const MAX_MEMO = 200_000;
const MAJOR_FCODES = new Set(['PCLI', 'ADM1', 'CONT', 'RGN', 'OCN', 'SEA']);

export class Gazetteer {
  private readonly lines: GazetteerLines;
  private readonly decoded = new Map<number, GazetteerPlace>();
  /** Lookups repeat (the same names recur in a text and in the recogniser's windows). */
  private readonly found = new Map<string, GazetteerPlace[]>();
  private readonly classes = new Map<string, NameClass>();

  constructor(text: string) {
    this.lines = indexGazetteer(text);
  }

  get size(): number {
    return this.lines.placeCount;
  }

  place(index: number): GazetteerPlace {
    let p = this.decoded.get(index);
    if (!p) {
      p = parsePlaceLine(lineAt(this.lines, index), index);
      this.decoded.set(index, p);
    }
    return p;
  }

  has(key: string): boolean {
    return this.lookup(key).length > 0;
  }

  /** Every place a folded name can mean, the likeliest (by prior) first. */
  lookup(key: string): GazetteerPlace[] {
    let places = this.found.get(key);
    if (!places) {
      // A long-lived worker parses article after article: the memo must not grow without end.
      if (this.found.size >= MAX_MEMO) this.found.clear();
      places = findKey(this.lines, key).map((i) => this.place(i)).sort((a, b) => placePrior(b) - placePrior(a));
      this.found.set(key, places);
    }
    return places;
  }

  /**
   * Places whose folded name starts with `prefix` (a reader typing "dou" finds Douma), exact
   * names first, then by prior, or by closeness to `near` when given; each place once.
   */
  search(prefix: string, limit = 10, near: { lat: number; lon: number } | null = null): GazetteerPlace[] {
    if (!prefix) return [];
    const seen = new Set<number>();
    const places: GazetteerPlace[] = [];
    for (const i of findPrefix(this.lines, prefix, 5000)) {
      if (seen.has(i)) continue;
      seen.add(i);
      places.push(this.place(i));
    }
    const exact = new Set(findKey(this.lines, prefix));
    const closeness = (p: GazetteerPlace) => (near ? -Math.hypot(p.lat - near.lat, (p.lon - near.lon) * Math.cos((near.lat * Math.PI) / 180)) / 5 : 0);
    const score = (p: GazetteerPlace) => (exact.has(p.index) ? 10 : 0) + placePrior(p) + closeness(p);
    return places.sort((a, b) => score(b) - score(a)).slice(0, limit);
  }

  /** The recogniser's gazetteer feature for a folded name. */
  nameClass(key: string): NameClass {
    const cached = this.classes.get(key);
    if (cached !== undefined) return cached;
    if (this.classes.size >= MAX_MEMO) this.classes.clear();
    let best: NameClass = 0;
    for (const p of this.lookup(key)) {
      const c: NameClass = MAJOR_FCODES.has(p.fcode) ? 3 : p.population >= 100_000 ? 2 : 1;
      if (c > best) best = c;
    }
    this.classes.set(key, best);
    return best;
  }
}
