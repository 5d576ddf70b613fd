// Stage 4: resolution. Each name's candidates are scored on their prior (feature class and
// population) and on the document's context: the countries it names or implies, the
// first-level divisions it names, and how close a candidate lies to the other places the
// text names. Two passes: the first settles the clear cases, the second lets them pull the
// ambiguous ones (Georgia near Atlanta is the state; Santa Ana beside California is the city there).
import type { GazetteerPlace } from '../gazetteer/format.ts';
import { placePrior } from '../gazetteer/prior.ts';
import { fitsCue, type NameCandidates } from './candidates.ts';
import { fold } from '../text/fold.ts';

export interface ResolveOptions {
  /** Weight of the share of the document's country evidence a candidate's country has. Default 6. */
  countryWeight: number;
  /** Bonus for a candidate inside a first-level division the document names. Default 2. */
  admin1Weight: number;
  /** Weight of closeness to the other places of the document. Default 4. */
  proximityWeight: number;
  /** Distance (km) at which closeness has fallen to 1/e. Default 300. */
  proximityScaleKm: number;
  /** Weight of demonyms ("Azerbaijani") as country evidence, relative to a named place. Default 0.5. */
  demonymWeight: number;
  /**
   * Bonus for a candidate whose own name is the name written, not one of its alternates:
   * "Oklahoma" is the state before it is Oklahoma City's colloquial alternate. Default 1.5.
   */
  nameWeight: number;
  /** Weight of fitting the cue words around the name ("Jabrayil region" is an area). Default 8. */
  cueWeight: number;
  /** Weight of a containment the text states with a comma ("Atlanta, Georgia"). Default 10. */
  containWeight: number;
  /** Weight of sharing the country (once) and the kind (twice) of the names listed with it. Default 4. */
  listWeight: number;
  /** Weight of closeness to the other places on the same named route. Default 8. */
  routeWeight: number;
  /** Distance (km) at which closeness along a route has fallen to 1/e. Default 60. */
  routeScaleKm: number;
}

export const defaultResolveOptions: ResolveOptions = {
  countryWeight: 6,
  admin1Weight: 2,
  proximityWeight: 4,
  proximityScaleKm: 300,
  demonymWeight: 0.5,
  nameWeight: 1.5,
  cueWeight: 8,
  containWeight: 10,
  listWeight: 4,
  routeWeight: 8,
  routeScaleKm: 60,
};

export interface ScoredPlace {
  place: GazetteerPlace;
  score: number;
}

export interface Resolved {
  name: NameCandidates;
  /** Best first; empty when the gazetteer has no place of that name. */
  ranked: ScoredPlace[];
  confidence: number;
  /**
   * False when even the best reading does not fit the text: a small place in a country the
   * text never otherwise names, far from all its other places ("Kurla" in a Mumbai story read
   * as a town in China). "No answer" is an answer: the name stays, unplaced, with its readings.
   */
  placed: boolean;
}

/** How far (km) from every other place of a text a small place of an unnamed country must lie to be no answer. */
const IMPLAUSIBLE_KM = 1500;
/** Places this large are news in their own right, wherever the text is set. */
const IMPLAUSIBLE_MAX_POPULATION = 100_000;
const MIN_ANCHORS_TO_REJECT = 3;
const LOCAL_FCODES = /^(PPL|ADM2|ADM3|ADMD)/;

const MAX_ANCHORS = 40;
const MAX_PASSES = 4;
const BROAD = new Set(['PCLI', 'CONT', 'RGN', 'OCN', 'SEA']);

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Context {
  countries: Map<string, number>;
  countryTotal: number;
  admin1s: Set<string>;
  /** Chosen local places (not countries or continents), with the key that chose them. */
  anchors: { key: string; place: GazetteerPlace; weight: number }[];
  chosen: Map<string, GazetteerPlace>;
}

function buildContext(chosen: Map<string, GazetteerPlace>, names: NameCandidates[], demonyms: Map<string, number>, o: ResolveOptions): Context {
  const countries = new Map<string, number>();
  const add = (c: string, w: number) => c && countries.set(c, (countries.get(c) ?? 0) + w);
  for (const [c, n] of demonyms) add(c, n * o.demonymWeight);
  const admin1s = new Set<string>();
  const anchors: Context['anchors'] = [];
  for (const name of names) {
    const place = chosen.get(name.key);
    if (!place) continue;
    const weight = name.mentions.length;
    add(place.country, weight);
    if (place.fcode === 'ADM1') admin1s.add(`${place.country}.${place.admin1}`);
    if (!BROAD.has(place.fcode)) anchors.push({ key: name.key, place, weight });
  }
  let countryTotal = 0;
  for (const w of countries.values()) countryTotal += w;
  // The most mentioned places carry the context; a cap keeps long texts linear.
  anchors.sort((a, b) => b.weight - a.weight).splice(MAX_ANCHORS);
  return { countries, countryTotal, admin1s, anchors, chosen };
}

/**
 * A dateline names where the reporter filed from: a capital or a big city far more often than
 * a namesake near the story (GENEVA (Reuters) over Geneva, Alabama). Population counts double,
 * and the story's places do not pull.
 */
function datelineScore(p: GazetteerPlace, key: string, o: ResolveOptions): number {
  return placePrior(p) + Math.log10(1 + p.population) + (fold(p.name) === key ? o.nameWeight : 0);
}

/** What a candidate scores before any context: its prior, its own name, the cue words. Fixed across passes. */
function staticScore(p: GazetteerPlace, name: NameCandidates, o: ResolveOptions): number {
  if (name.dateline) return datelineScore(p, name.lookupKey, o);
  let score = placePrior(p);
  if (fold(p.name) === name.lookupKey) score += o.nameWeight;
  // "on the Red Sea": a division is almost never written with "the" after "on" or "off", so
  // that cue counts double.
  if (name.cue && fitsCue(p, name.cue)) score += name.cue === 'water' || name.cue === 'river' ? 2 * o.cueWeight : o.cueWeight;
  return score;
}

function scoreCandidate(p: GazetteerPlace, base: number, name: NameCandidates, ctx: Context, o: ResolveOptions): number {
  const { key } = name;
  if (name.dateline) return base;
  const ownWeight = name.mentions.length;
  let score = base;
  if (name.listSiblings.length) {
    // A list names places of one country, and usually of one kind: "Georgia, Oklahoma and
    // California". Two names joined by "and" say much less ("flights between Miami and Panama City").
    // Across countries, a list of regions or features still names one kind ("Crete, Sicily and
    // the Canary Islands"); settlements are too often listed across kinds for that to count.
    let alike = 0;
    for (const sibling of name.listSiblings) {
      const other = ctx.chosen.get(sibling);
      if (!other) continue;
      if (other.country === p.country) alike += rankOf(other) === rankOf(p) ? 2 : 1;
      else if (rankOf(p) !== 2 && rankOf(other) === rankOf(p)) alike += 1;
    }
    const strength = name.listSiblings.length >= 2 ? 1 : 0.25;
    score += (strength * o.listWeight * alike) / name.listSiblings.length;
  }
  for (const neighbour of name.routeNeighbours) {
    const other = ctx.chosen.get(neighbour);
    if (other) score += (o.routeWeight / name.routeNeighbours.length) * Math.exp(-distanceKm(p, other) / o.routeScaleKm);
  }
  if (ctx.countryTotal > 0 && p.country) {
    // The name's own mentions are not evidence for their own country.
    const own = p.fcode === 'PCLI' ? ownWeight : 0;
    const share = Math.max(0, (ctx.countries.get(p.country) ?? 0) - own) / Math.max(1, ctx.countryTotal - own);
    score += o.countryWeight * share;
  }
  if (p.fcode !== 'ADM1' && ctx.admin1s.has(`${p.country}.${p.admin1}`)) score += o.admin1Weight;
  return score + closeness(p, key, ctx, o);
}

/**
 * How near a candidate lies to the other places of the text. A country or a first-level
 * division is near when the text's other places lie inside it (its point says little);
 * a settlement by its distance to the nearest of them.
 */
/** Coarse kinds for list coherence: countries, divisions, settlements. */
const rankOf = (p: GazetteerPlace) => (p.fcode === 'PCLI' ? 0 : p.fcode.startsWith('ADM') ? 1 : p.fcode.startsWith('PPL') ? 2 : 3);

function closeness(p: GazetteerPlace, key: string, ctx: Context, o: ResolveOptions): number {
  const anchors = ctx.anchors;
  if (p.fcode === 'PCLI' || p.fcode === 'ADM1') {
    for (const a of anchors) {
      if (a.key !== key && a.place.country === p.country && (p.fcode === 'PCLI' || a.place.admin1 === p.admin1)) return o.proximityWeight;
    }
    if (p.fcode === 'PCLI') return 0;
  } else if (BROAD.has(p.fcode)) return 0;
  let nearest = Infinity;
  for (const a of anchors) if (a.key !== key && a.place.fcode !== 'ADM1') nearest = Math.min(nearest, nearKm(p, a.place));
  return nearest === Infinity ? 0 : o.proximityWeight * Math.exp(-nearest / o.proximityScaleKm);
}

/**
 * Distance for closeness only: the flat-earth approximation, within a per cent of the great
 * circle below 1,000 km, beyond which closeness is nil anyway. It runs for every candidate
 * against every anchor, every pass.
 */
function nearKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  let dLon = Math.abs(a.lon - b.lon);
  if (dLon > 180) dLon = 360 - dLon;
  const x = dLon * r * Math.cos(((a.lat + b.lat) / 2) * r);
  const y = (a.lat - b.lat) * r;
  return 6371 * Math.sqrt(x * x + y * y);
}

function rank(name: NameCandidates, bases: number[], ctx: Context, o: ResolveOptions, containment: (p: GazetteerPlace, n: NameCandidates) => number): ScoredPlace[] {
  return name.places
    .map((place, i) => ({ place, score: scoreCandidate(place, bases[i], name, ctx, o) + containment(place, name) }))
    .sort((a, b) => b.score - a.score);
}

/** Softmax share of the winner: how clearly it beat its rivals. */
function confidenceOf(ranked: ScoredPlace[]): number {
  if (!ranked.length) return 0;
  const top = ranked[0].score;
  let sum = 0;
  for (const r of ranked) sum += Math.exp(r.score - top);
  return 1 / sum;
}

/** Does area `outer` contain place `inner`? Country and first-level codes, or a district close by. */
export function contains(outer: GazetteerPlace, inner: GazetteerPlace): boolean {
  if (outer.index === inner.index || !outer.country || outer.country !== inner.country) return false;
  if (outer.fcode === 'PCLI') return inner.fcode !== 'PCLI';
  if (outer.fcode === 'ADM1') return inner.fcode !== 'ADM1' && outer.admin1 === inner.admin1;
  if (outer.fcode === 'ADM2' || outer.fcode === 'ADMD') return inner.fcode.startsWith('PPL') && distanceKm(outer, inner) < 60;
  return false;
}

export function resolveNames(names: NameCandidates[], demonyms: Map<string, number>, options: Partial<ResolveOptions> = {}): Resolved[] {
  const o = { ...defaultResolveOptions, ...options };
  const byKey = new Map(names.map((n) => [n.key, n]));
  const containment = (p: GazetteerPlace, name: NameCandidates) => {
    const inside = name.containers.some((k) => byKey.get(k)?.places.some((q) => contains(q, p)));
    const around = name.containees.some((k) => byKey.get(k)?.places.some((q) => contains(p, q)));
    return inside || around ? o.containWeight : 0;
  };
  // Start from the priors alone; then each pass lets the choices of the last one pull the
  // others, until nothing moves (a list of states settles in two or three passes).
  const bases = new Map(names.map((n) => [n, n.places.map((p) => staticScore(p, n, o))]));
  let choice = new Map<string, GazetteerPlace>();
  for (const n of names) if (n.places.length) choice.set(n.key, n.places[0]);
  let ctx = buildContext(choice, names, demonyms, o);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = new Map<string, GazetteerPlace>();
    for (const n of names) {
      const ranked = rank(n, bases.get(n)!, ctx, o, containment);
      if (ranked.length) next.set(n.key, ranked[0].place);
    }
    const settled = [...next].every(([k, p]) => choice.get(k) === p);
    choice = next;
    ctx = buildContext(choice, names, demonyms, o);
    if (settled) break;
  }
  return names.map((name) => {
    const ranked = rank(name, bases.get(name)!, ctx, o, containment);
    return { name, ranked, confidence: confidenceOf(ranked), placed: !ranked.length || !isImplausible(ranked[0].place, name, ctx) };
  });
}

/** Is a name's best reading one the text gives no ground for (see Resolved.placed)? */
function isImplausible(p: GazetteerPlace, name: NameCandidates, ctx: Context): boolean {
  // "The Periyar river rose": a river the gazetteer lacks is not the town or district of its name.
  if (name.cue === 'river' && !fitsCue(p, 'river')) return true;
  // A place the text calls by another of its names ("Kurla" for Korla) must be larger still to stand alone.
  const largest = fold(p.name) === name.lookupKey ? IMPLAUSIBLE_MAX_POPULATION : 10 * IMPLAUSIBLE_MAX_POPULATION;
  if (name.dateline || !LOCAL_FCODES.test(p.fcode) || p.population >= largest) return false;
  if (name.containers.length || name.containees.length) return false;
  const others = ctx.anchors.filter((a) => a.key !== name.key);
  if (others.length < MIN_ANCHORS_TO_REJECT) return false;
  // The name's own mentions are all the evidence its country has.
  if ((ctx.countries.get(p.country) ?? 0) - name.mentions.length > 0) return false;
  for (const a of others) if (nearKm(p, a.place) < IMPLAUSIBLE_KM) return false;
  return true;
}
