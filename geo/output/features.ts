// Stage 5: GeoJSON. One RFC 7946 Feature per distinct place, with its mentions, the
// statements (sentences) that name it, its confidence and its runner-up readings. Areas get
// their outline where the gazetteer has one; a named route becomes a LineString through the
// places it joins.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Alternative, Reading, Mention, PlaceCollection, PlaceFeature, PlaceKind, Sentence, Statement } from '../types.ts';
import type { GazetteerPlace } from '../gazetteer/format.ts';
import type { RecognisedMention } from '../recognise/mentions.ts';
import type { Resolved } from '../resolve/resolve.ts';
import { fold } from '../text/fold.ts';
import { physicalClass } from '../gazetteer/prior.ts';

export type OutlineLookup = (placeIndex: number) => Polygon | MultiPolygon | undefined;

/** The names of the divisions a place lies in, from the gazetteer. */
export type DivisionNames = (p: GazetteerPlace) => { admin1: string | null; admin2: string | null };

const MAX_ALTERNATIVES = 4;
/** Names shown as "also called": the English, local and contested ones, not every transliteration. */
const MAX_NAMES = 8;

export function kindOf(p: GazetteerPlace, cue: RecognisedMention['cue']): PlaceKind {
  switch (p.fcode) {
    case 'PCLI': return 'country';
    case 'CONT': return 'continent';
    case 'RGN': return 'region';
    case 'OCN': case 'SEA': return 'water';
    case 'ADM1': return 'admin1';
    case 'ADMD': case 'ADM2': case 'ADM3': return 'district';
  }
  const physical = physicalClass(p.fcode);
  if (physical) return physical;
  if (cue === 'city' || cue === 'town' || cue === 'village') return cue;
  if (p.fcode === 'PPLC' || p.population >= 100_000) return 'city';
  return p.population >= 10_000 || p.fcode === 'PPLA' ? 'town' : 'village';
}

export const slug = (name: string) => fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'place';

/** "U.S.", "UK", "DRC": an abbreviation makes a poor id; the place's own name makes a stable one. */
const isAbbreviation = (name: string) => name.length <= 6 && name === name.toUpperCase();

/** "ga" in "georgia", "ill" in "illinois": the letters in order, the first one first. */
function isSubsequence(short: string, long: string): boolean {
  if (!short || short[0] !== long[0]) return false;
  let j = 0;
  for (const c of long) if (c === short[j]) j++;
  return j === short.length;
}

/**
 * The spelling the article uses most; a dateline in capitals, and an abbreviation of the
 * place's own name ("Ore." for Oregon, "Ga." for Georgia), give way to the gazetteer's.
 */
function articleName(mentions: Mention[], fallback: string): string {
  const counts = new Map<string, number>();
  const isAbbreviationOf = (t: string) => t.length <= 5 && t.length < fallback.length && !fallback.includes(' ') && isSubsequence(fold(t), fold(fallback));
  for (const m of mentions) {
    if ((m.text !== m.text.toUpperCase() || m.text.length <= 4) && !isAbbreviationOf(m.text)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  }
  let best = '';
  for (const [t, n] of counts) if (!best || n > counts.get(best)!) best = t;
  return best || fallback;
}

function statementsOf(mentions: Mention[], sentences: Sentence[]): Statement[] {
  const indices = [...new Set(mentions.map((m) => m.sentence))].sort((a, b) => a - b);
  return indices.map((i) => ({ index: i, text: sentences[i].text, start: sentences[i].start, end: sentences[i].end }));
}

const plainMention = (m: RecognisedMention): Mention => ({ text: m.text, start: m.start, end: m.end, sentence: m.sentence });

/** A gazetteer place as a reader sees it among its namesakes. */
export function readingOf(place: GazetteerPlace, divisions: DivisionNames): Reading {
  const { admin1, admin2 } = divisions(place);
  const reading: Reading = {
    name: place.name,
    kind: kindOf(place, null),
    country: place.country || null,
    admin1,
    admin2,
    population: place.population,
    geonameid: place.geonameid,
    coordinates: [place.lon, place.lat],
  };
  if (place.bbox) reading.bbox = place.bbox;
  return reading;
}

/** Division names through a gazetteer: a division does not lie in itself. */
export function divisionNamesOf(gazetteer: { adminName(country: string, admin1: string, admin2?: string): string | null }): DivisionNames {
  return (p) => {
    if (!p.country || p.fcode === 'PCLI' || p.fcode === 'ADM1' || (p.fcode === 'ADMD' && !p.admin2)) return { admin1: null, admin2: null };
    const admin1 = gazetteer.adminName(p.country, p.admin1);
    const admin2 = p.fcode === 'ADM2' || !p.admin2 ? null : gazetteer.adminName(p.country, p.admin1, p.admin2);
    return { admin1, admin2 };
  };
}

function alternativesOf(r: Resolved, divisions: DivisionNames): Alternative[] {
  return r.ranked.slice(1, 1 + MAX_ALTERNATIVES).map(({ place, score }) => ({ ...readingOf(place, divisions), score: Math.round(score * 100) / 100 }));
}

function uniqueId(base: string, used: Set<string>, country: string): string {
  let id = base;
  if (used.has(id)) id = `${base}-${country.toLowerCase() || 'x'}`;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

interface PlaceGroup {
  place: GazetteerPlace;
  resolved: Resolved[];
  mentions: RecognisedMention[];
}

/** Names that resolve to one place (Khankendi, Stepanakert) become one feature. */
function groupByPlace(resolved: Resolved[]): PlaceGroup[] {
  const groups = new Map<number, PlaceGroup>();
  for (const r of resolved) {
    if (!r.ranked.length || !r.placed) continue;
    const place = r.ranked[0].place;
    const g = groups.get(place.index) ?? { place, resolved: [], mentions: [] };
    g.resolved.push(r);
    for (const m of r.name.mentions) g.mentions.push(m);
    groups.set(place.index, g);
  }
  return [...groups.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

export function buildFeatures(
  resolved: Resolved[],
  routes: RecognisedMention[],
  sentences: Sentence[],
  outlineOf: OutlineLookup,
  divisions: DivisionNames,
): PlaceCollection {
  const used = new Set<string>();
  const features: PlaceFeature[] = [];
  const featureOfKey = new Map<string, PlaceFeature>();
  for (const g of groupByPlace(resolved)) {
    const mentions = g.mentions.sort((a, b) => a.start - b.start);
    const main = g.resolved.reduce((a, b) => (b.name.mentions.length > a.name.mentions.length ? b : a));
    const kind = kindOf(g.place, main.name.cue);
    const name = articleName(mentions, g.place.name);
    const outline = kind === 'district' || kind === 'region' || kind === 'admin1' ? outlineOf(g.place.index) : undefined;
    const point: [number, number] = [g.place.lon, g.place.lat];
    const { admin1, admin2 } = divisions(g.place);
    const feature: PlaceFeature = {
      type: 'Feature',
      id: uniqueId(slug(isAbbreviation(name) ? g.place.name : name), used, g.place.country),
      ...(g.place.bbox ? { bbox: g.place.bbox } : {}),
      geometry: outline ?? { type: 'Point', coordinates: point },
      properties: {
        name,
        names: [g.place.name, ...g.place.alternates.slice(0, g.place.shown)].slice(0, MAX_NAMES),
        kind,
        country: g.place.country || null,
        geonameid: g.place.geonameid,
        admin1,
        admin2,
        mentions: mentions.map(plainMention),
        statements: statementsOf(mentions, sentences),
        confidence: Math.round(g.resolved.reduce((low, r) => Math.min(low, r.confidence), 1) * 1000) / 1000,
        alternatives: alternativesOf(main, divisions),
        point,
        population: g.place.population,
      },
    };
    features.push(feature);
    for (const r of g.resolved) {
      featureOfKey.set(r.name.key, feature);
      if (!featureOfKey.has(r.name.lookupKey)) featureOfKey.set(r.name.lookupKey, feature);
    }
  }
  for (const f of routeFeatures(routes, featureOfKey, sentences, used)) features.push(f);
  return { type: 'FeatureCollection', features, sentences };
}

function routeFeatures(routes: RecognisedMention[], featureOfKey: Map<string, PlaceFeature>, sentences: Sentence[], used: Set<string>): PlaceFeature[] {
  const byKey = new Map<string, RecognisedMention[]>();
  for (const r of routes) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  const out: PlaceFeature[] = [];
  for (const mentions of byKey.values()) {
    const joined = (mentions[0].route ?? []).map((p) => featureOfKey.get(p.key)).filter((f): f is PlaceFeature => !!f);
    if (joined.length < 2) continue;
    const coordinates = joined.map((f) => f.properties.point);
    const geometry: Geometry = { type: 'LineString', coordinates };
    const mid = coordinates[Math.floor(coordinates.length / 2)];
    const name = mentions[0].text;
    out.push({
      type: 'Feature',
      id: uniqueId(slug(name), used, joined[0].properties.country ?? ''),
      geometry,
      properties: {
        name,
        names: [name],
        kind: 'route',
        country: joined[0].properties.country,
        geonameid: null,
        admin1: null,
        admin2: null,
        mentions: mentions.map(plainMention),
        statements: statementsOf(mentions, sentences),
        confidence: joined.reduce((low, f) => Math.min(low, f.properties.confidence), 1),
        alternatives: [],
        point: mid,
        population: 0,
        joins: joined.map((f) => f.id),
      },
    });
  }
  return out;
}
