// The runtime gazetteer: a name index over one or more tiers of the compact format (the world
// tier first, then the country tiers an article needs). Places are decoded only when a lookup
// returns them, so adding a tier costs one scan of its text for line breaks.
import { findAdmin, findKey, findPrefix, hasKeyWithPrefix, indexGazetteer, lineAt, parsePlaceLine, type GazetteerLines, type GazetteerPlace } from './format.ts';
import { placePrior } from './prior.ts';

/** How strongly a name is a place name, for the recogniser: 0 none .. 3 country, region or continent. */
export type NameClass = 0 | 1 | 2 | 3;

const MAX_MEMO = 200_000;
const MAJOR_FCODES = new Set(['PCLI', 'ADM1', 'CONT', 'RGN', 'OCN', 'SEA']);

interface Part {
  lines: GazetteerLines;
  /** Index of this tier's first place among all loaded places. */
  base: number;
}

export interface GazetteerOptions {
  /**
   * Reads a country tier's text synchronously ("SY" → its text, or null when there is none).
   * Given, a lookup that meets a name only an unloaded tier holds loads that tier first, so the
   * gazetteer answers as if every tier were loaded while loading only those a text needs (the
   * CLI in Node). Not given, only the tiers added with addTier are searched (the browser
   * worker, which fetches tiers asynchronously). Default: none.
   */
  loadTier?: (code: string) => string | null;
}

export class Gazetteer {
  private readonly parts: Part[] = [];
  private readonly byTier = new Map<string, Part>();
  private readonly decoded = new Map<number, GazetteerPlace>();
  /** Lookups repeat (the same names recur in a text and in the recogniser's windows). */
  private readonly found = new Map<string, GazetteerPlace[]>();
  private readonly classes = new Map<string, NameClass>();
  private readonly prefixes = new Map<string, boolean>();
  /** Division names by code: every place shown names its divisions. */
  private readonly admins = new Map<string, string>();
  private total = 0;
  private readonly loadTier: GazetteerOptions['loadTier'];
  /** Tiers the loader was asked for, found or not: each is read at most once. */
  private readonly requested = new Set<string>();

  /** A gazetteer of one tier file's text (the world tier, or any tier alone in a test). */
  constructor(text: string, options: GazetteerOptions = {}) {
    this.loadTier = options.loadTier;
    this.addTier(text);
  }

  /** With a tier loader, loads the unloaded tiers among `tiers` (see GazetteerOptions). */
  private loadTiers(tiers: string[]): void {
    if (!this.loadTier) return;
    for (const t of tiers) {
      if (this.requested.has(t)) continue;
      this.requested.add(t);
      const text = this.loadTier(t);
      if (text !== null) this.addTier(text);
    }
  }

  /**
   * The world tier lists, for every name a country tier holds, the tiers that hold it (the
   * build writes them all), so a lookup searches the world tier and only those tiers, however
   * many are loaded. A gazetteer that starts from another tier (a test's) searches every part.
   */
  private get pointed(): boolean {
    return this.parts[0]?.lines.tier === 'world';
  }

  /** The parts that may hold a key, each with the indices of its places of that key. */
  private findEverywhere(key: string): { part: Part; indices: number[]; elsewhere: boolean }[] {
    if (!this.pointed) return this.parts.map((part) => ({ part, indices: findKey(part.lines, key).indices, elsewhere: false }));
    const world = this.parts[0];
    const { indices, tiers } = findKey(world.lines, key);
    this.loadTiers(tiers);
    const out = [{ part: world, indices, elsewhere: tiers.length > 0 }];
    for (const t of tiers) {
      const part = this.byTier.get(t);
      if (part) out.push({ part, indices: findKey(part.lines, key).indices, elsewhere: false });
    }
    return out;
  }

  /** Adds a tier; lookups from now on see its places too. Adding a loaded tier again does nothing. */
  addTier(text: string): void {
    const lines = indexGazetteer(text);
    this.requested.add(lines.tier);
    if (this.byTier.has(lines.tier)) return;
    const part = { lines, base: this.total };
    this.parts.push(part);
    this.byTier.set(lines.tier, part);
    this.total += lines.placeCount;
    // With a tier loader, a lookup has already loaded every tier its name is in, so no new
    // tier changes what it found; and a name's class never depends on the tiers loaded (see
    // nameClass). Clearing the memos here cost the CLI 5%: it loads a hundred tiers or more.
    if (!(this.loadTier && this.pointed)) this.found.clear();
    if (!this.pointed) this.classes.clear();
  }

  /** The tiers loaded, the first one first ('world', then country codes). */
  get tiers(): string[] {
    return this.parts.map((p) => p.lines.tier);
  }

  get size(): number {
    return this.total;
  }

  place(index: number): GazetteerPlace {
    let p = this.decoded.get(index);
    if (!p) {
      const part = this.partOf(index);
      p = parsePlaceLine(lineAt(part.lines, index - part.base), index, part.lines.tier);
      this.decoded.set(index, p);
    }
    return p;
  }

  private partOf(index: number): Part {
    for (let i = this.parts.length - 1; i >= 0; i--) if (index >= this.parts[i].base) return this.parts[i];
    throw new RangeError(`No gazetteer place ${index}`);
  }

  /**
   * Whether any tier, loaded or not, holds a place of that name: recognition asks this, and
   * must come out the same before and after a country tier arrives.
   */
  has(key: string): boolean {
    // Answered from the key lines alone: recognition asks this of many word windows that are
    // never looked up whole, and a lookup would decode, sort and memoise their places, and
    // load their tiers. The world tier points at every tier that holds a name.
    const cached = this.found.get(key);
    if (cached !== undefined && cached.length > 0) return true;
    if (this.pointed) {
      const { indices, tiers } = findKey(this.parts[0].lines, key);
      return indices.length > 0 || tiers.length > 0;
    }
    return this.parts.some((part) => findKey(part.lines, key).indices.length > 0);
  }

  /** Every place a folded name can mean in the loaded tiers, the likeliest (by prior) first. */
  lookup(key: string): GazetteerPlace[] {
    let places = this.found.get(key);
    if (!places) {
      // A long-lived worker parses article after article: the memo must not grow without end.
      if (this.found.size >= MAX_MEMO) this.found.clear();
      places = [];
      for (const { part, indices } of this.findEverywhere(key)) for (const i of indices) places.push(this.place(part.base + i));
      places.sort((a, b) => placePrior(b) - placePrior(a));
      this.found.set(key, places);
    }
    return places;
  }

  /** Tiers not loaded yet that hold places of a folded name ("douma" → ["SY"] before Syria's tier is in). */
  tiersFor(key: string): string[] {
    if (!this.pointed) return [];
    return findKey(this.parts[0].lines, key).tiers.filter((t) => !this.byTier.has(t));
  }

  /** The name of a first-level division (admin2 omitted) or a second-level one, from any loaded tier. */
  adminName(country: string, admin1: string, admin2 = ''): string | null {
    if (!country || !admin1) return null;
    const code = admin2 ? `${country}.${admin1}.${admin2}` : `${country}.${admin1}`;
    const known = this.admins.get(code);
    if (known !== undefined) return known;
    // The world tier names every first-level division and the second-level ones of its own
    // places; a country's tier names the rest of that country's.
    const parts = this.pointed ? [this.parts[0], this.byTier.get(country)] : this.parts;
    for (const part of parts) {
      const name = part ? findAdmin(part.lines, code) : null;
      if (name !== null) {
        // A name found stays right whatever loads later; "none" may change when a tier arrives.
        if (this.admins.size >= MAX_MEMO) this.admins.clear();
        this.admins.set(code, name);
        return name;
      }
    }
    return null;
  }

  /**
   * Places whose folded name starts with `prefix` (a reader typing "dou" finds Douma), exact
   * names first, then by prior, or by closeness to `near` when given; each place once.
   */
  search(prefix: string, limit = 10, near: { lat: number; lon: number } | null = null): GazetteerPlace[] {
    if (!prefix) return [];
    const seen = new Set<number>();
    const places: GazetteerPlace[] = [];
    for (const part of this.parts) {
      for (const i of findPrefix(part.lines, prefix, 5000)) {
        if (seen.has(part.base + i)) continue;
        seen.add(part.base + i);
        places.push(this.place(part.base + i));
      }
    }
    const exact = new Set(this.lookup(prefix).map((p) => p.index));
    const closeness = (p: GazetteerPlace) => (near ? -Math.hypot(p.lat - near.lat, (p.lon - near.lon) * Math.cos((near.lat * Math.PI) / 180)) / 5 : 0);
    const score = (p: GazetteerPlace) => (exact.has(p.index) ? 10 : 0) + placePrior(p) + closeness(p);
    return places.sort((a, b) => score(b) - score(a)).slice(0, limit);
  }

  /**
   * Whether any name of any tier starts with `prefix` ("new " does): the world tier's keys
   * include every country tier's, as pointers, so it alone answers.
   */
  startsName(prefix: string): boolean {
    let known = this.prefixes.get(prefix);
    if (known === undefined) {
      if (this.prefixes.size >= MAX_MEMO) this.prefixes.clear();
      known = this.pointed ? hasKeyWithPrefix(this.parts[0].lines, prefix) : this.parts.some((p) => hasKeyWithPrefix(p.lines, prefix));
      this.prefixes.set(prefix, known);
    }
    return known;
  }

  /**
   * The recogniser's gazetteer feature for a folded name. A name that only a tier not yet
   * loaded holds is a small place (tiers hold places under 5,000 people): class 1, the same
   * with or without that tier, so recognition does not depend on what was downloaded.
   */
  nameClass(key: string): NameClass {
    const cached = this.classes.get(key);
    if (cached !== undefined) return cached;
    if (this.classes.size >= MAX_MEMO) this.classes.clear();
    // Read only the feature code and population of each place: this runs for every window of
    // capitalised words in a text, and most of the names it meets are never looked up whole.
    // Country tiers hold only small places (class 1, as tests/unit/gazetteer-tiers.test.ts checks),
    // so with a world tier the class is its places' and 1 for a name only tiers hold: no tier
    // is loaded for a word that is never looked up whole.
    let best: NameClass = 0;
    let elsewhere = false;
    const searched = this.pointed ? [this.parts[0]] : this.parts;
    for (const part of searched) {
      const found = findKey(part.lines, key);
      elsewhere ||= found.tiers.length > 0;
      for (const i of found.indices) {
        const { fcode, population } = classFields(lineAt(part.lines, i));
        const c = placeClass(fcode, population);
        if (c > best) best = c;
      }
    }
    if (best === 0 && elsewhere) best = 1;
    this.classes.set(key, best);
    return best;
  }
}

/** A place's class to the recogniser: 3 a country, continent, first-level division or sea; 2 a place of 100,000 or more; else 1. */
export const placeClass = (fcode: string, population: number): NameClass => (MAJOR_FCODES.has(fcode) ? 3 : population >= 100_000 ? 2 : 1);

/** The feature code (field 0) and population (field 6, base 36) of a place line, without splitting it. */
function classFields(line: string): { fcode: string; population: number } {
  const fcodeEnd = line.indexOf('\t');
  let at = fcodeEnd;
  for (let field = 1; field < 6; field++) at = line.indexOf('\t', at + 1);
  const end = line.indexOf('\t', at + 1);
  const population = line.slice(at + 1, end);
  return { fcode: line.slice(0, fcodeEnd), population: population ? parseInt(population, 36) : 0 };
}
