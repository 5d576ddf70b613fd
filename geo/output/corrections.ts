// A reader's corrections to a geoparse: choose another candidate for a place or a reading found
// by searching the gazetteer, remove a "place" that is not one, place a name the gazetteer could
// not, or add a place for words the geoparser missed. Pure and deterministic, and every reading
// in a correction is self-contained (no gazetteer needed to apply it), so a share link or an
// export that carries the corrections reproduces the same map from the same text, whatever
// gazetteer the app has by then. The link form is in src/url/fix-codec.ts.
import type { Alternative, Mention, PlaceCollection, PlaceFeature, PlaceKind, Sentence, Statement, UnresolvedName } from '../types.ts';
import { slug } from './features.ts';

/** A reading chosen by hand: what a map and a reader need of it, nothing looked up later. */
export interface FixedReading {
  name: string;
  kind: PlaceKind;
  country: string | null;
  /** Name of the first-level division ("Texas"), or null. */
  admin1: string | null;
  /** [longitude, latitude] */
  coordinates: [number, number];
  geonameid: number | null;
  /** An area's extent [west, south, east, north], for framing it; absent for a point. */
  bbox?: [number, number, number, number];
}

export type Correction =
  /** Not a place at all (a place id). */
  | { action: 'remove' }
  /** The place's n-th alternative, 0-based (a place id). */
  | { action: 'choose'; alternative: number }
  /** A reading found by searching: for a place (its id) or an unresolved name (its slug). */
  | { action: 'reading'; reading: FixedReading }
  /** Words the geoparser missed, under a span key (`spanKey`), are this place. */
  | { action: 'add'; reading: FixedReading };

/** Place id, unresolved name slug or span key → correction. */
export type Corrections = Record<string, Correction>;

/** Longest run of words a reader can add as one place. */
export const MAX_ADDED_CHARS = 120;

/** The key of added words: `@<start>-<end>`, end-exclusive offsets into the article text. */
export function spanKey(start: number, end: number): string {
  return `@${start}-${end}`;
}

const SPAN_KEY = /^@(\d{1,7})-(\d{1,7})$/;

export function parseSpanKey(key: string): { start: number; end: number } | null {
  const m = SPAN_KEY.exec(key);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start && end - start <= MAX_ADDED_CHARS ? { start, end } : null;
}

/** The self-contained part of a gazetteer reading, as a correction keeps it. */
export function fixedReading(r: FixedReading): FixedReading {
  const out: FixedReading = { name: r.name, kind: r.kind, country: r.country, admin1: r.admin1, coordinates: [r.coordinates[0], r.coordinates[1]], geonameid: r.geonameid };
  if (r.bbox) out.bbox = [r.bbox[0], r.bbox[1], r.bbox[2], r.bbox[3]];
  return out;
}

/** The unresolved name a slug names, if any. */
function unresolvedBySlug(places: PlaceCollection): Map<string, UnresolvedName> {
  const map = new Map<string, UnresolvedName>();
  for (const u of places.unresolved ?? []) if (!map.has(slug(u.name))) map.set(slug(u.name), u);
  return map;
}

/** The sentence holding `[start, end)`, or null when the span crosses sentences or lies outside all. */
function sentenceOf(sentences: readonly Sentence[], start: number, end: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end ? s : null;
  }
  return null;
}

/** The words under a span key, if they are words of one sentence (not blank, not cut mid-word). */
export function addedWords(places: PlaceCollection, key: string): { start: number; end: number; text: string; sentence: Sentence } | null {
  const span = parseSpanKey(key);
  if (!span) return null;
  const sentence = sentenceOf(places.sentences ?? [], span.start, span.end);
  if (!sentence) return null;
  const text = sentence.text.slice(span.start - sentence.start, span.end - sentence.start);
  if (text.trim() !== text || !/\p{L}/u.test(text)) return null;
  const before = sentence.text[span.start - sentence.start - 1] ?? ' ';
  const after = sentence.text[span.end - sentence.start] ?? ' ';
  if (WORD.test(before) || WORD.test(after)) return null;
  return { ...span, text, sentence };
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether added words would be drawn badly against a mention the geoparser found: the same
 * span (that place already exists), or one crossing it (marks can nest, not cross).
 */
function clashes(places: PlaceCollection, start: number, end: number): boolean {
  for (const f of places.features) {
    for (const m of f.properties.mentions) {
      if (m.end <= start || end <= m.start) continue;
      const nested = (m.start <= start && end <= m.end) || (start <= m.start && m.end <= end);
      if (!nested || (m.start === start && m.end === end)) return true;
    }
  }
  return false;
}

/**
 * Whether a correction changes anything in these places: a link's `fix=baku:5` for a place with
 * two alternatives, or for a place this article does not have, changes nothing and is not one.
 */
export function correctionApplies(places: PlaceCollection, key: string, c: Correction, byId = new Map(places.features.map((f) => [f.id, f]))): boolean {
  const feature = byId.get(key);
  if (c.action === 'add') {
    const words = feature ? null : addedWords(places, key);
    return words !== null && !clashes(places, words.start, words.end);
  }
  if (!feature) return c.action === 'reading' && unresolvedBySlug(places).has(key);
  if (c.action === 'remove') return true;
  if (feature.properties.kind === 'route') return false; // roads follow their towns
  return c.action === 'reading' || c.alternative < feature.properties.alternatives.length;
}

/** The corrections that change something, and the keys of those that do not. */
export function effectiveCorrections(places: PlaceCollection, corrections: Corrections): { corrections: Corrections; ignored: string[] } {
  const byId = new Map(places.features.map((f) => [f.id, f]));
  const kept: Corrections = {};
  const ignored: string[] = [];
  for (const [key, c] of Object.entries(corrections)) {
    if (correctionApplies(places, key, c, byId)) kept[key] = c;
    else ignored.push(key);
  }
  return { corrections: kept, ignored };
}

function previousReading(f: PlaceFeature): Alternative {
  return {
    name: f.properties.names[0] ?? f.properties.name,
    kind: f.properties.kind,
    country: f.properties.country,
    admin1: f.properties.admin1,
    admin2: f.properties.admin2,
    population: f.properties.population,
    geonameid: f.properties.geonameid,
    coordinates: f.properties.point,
    ...(f.bbox ? { bbox: [f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]] as [number, number, number, number] } : {}),
    score: 0,
  };
}

/** A place moved to another reading: a point there (the old outline belongs to the old reading). */
function moved(f: PlaceFeature, r: FixedReading & { admin2?: string | null; population?: number }, alternatives: Alternative[]): PlaceFeature {
  const { bbox: _old, ...rest } = f;
  return {
    ...rest,
    ...(r.bbox ? { bbox: r.bbox } : {}),
    geometry: { type: 'Point', coordinates: r.coordinates },
    properties: {
      ...f.properties,
      names: [r.name],
      kind: r.kind,
      country: r.country,
      geonameid: r.geonameid,
      admin1: r.admin1,
      admin2: r.admin2 ?? null,
      point: r.coordinates,
      population: r.population ?? 0,
      confidence: 1,
      alternatives,
      corrected: true,
    },
  };
}

function choose(f: PlaceFeature, index: number): PlaceFeature {
  const alt = f.properties.alternatives[index];
  if (!alt) return f;
  return moved(f, alt, [previousReading(f), ...f.properties.alternatives.filter((_, i) => i !== index)]);
}

const statementOf = (s: Sentence): Statement => ({ index: s.index, text: s.text, start: s.start, end: s.end });

function statementsOf(mentions: readonly Mention[], sentences: readonly Sentence[]): Statement[] {
  const indexes = [...new Set(mentions.map((m) => m.sentence))].sort((a, b) => a - b);
  return indexes.map((i) => sentences[i]).filter((s): s is Sentence => s !== undefined).map(statementOf);
}

/** A place that the geoparser did not give: placed by a reader, with these mentions. */
function newPlace(id: string, name: string, reading: FixedReading, mentions: Mention[], sentences: readonly Sentence[]): PlaceFeature {
  return {
    type: 'Feature',
    id,
    ...(reading.bbox ? { bbox: reading.bbox } : {}),
    geometry: { type: 'Point', coordinates: reading.coordinates },
    properties: {
      name,
      names: reading.name === name ? [] : [reading.name],
      kind: reading.kind,
      country: reading.country,
      geonameid: reading.geonameid,
      admin1: reading.admin1,
      admin2: null,
      mentions,
      statements: statementsOf(mentions, sentences),
      confidence: 1,
      alternatives: [],
      point: reading.coordinates,
      population: 0,
      corrected: true,
    },
  };
}

/**
 * Every occurrence of `words` as whole words in the sentences, outside the spans already taken:
 * a reader who places one "Douma" means every Douma of the article (one sense per document).
 */
function occurrences(words: string, sentences: readonly Sentence[], taken: (start: number, end: number) => boolean): Mention[] {
  const out: Mention[] = [];
  for (const s of sentences) {
    for (let at = s.text.indexOf(words); at >= 0; at = s.text.indexOf(words, at + 1)) {
      const start = s.start + at;
      const end = start + words.length;
      if (WORD.test(s.text[at - 1] ?? ' ') || WORD.test(s.text[at + words.length] ?? ' ') || taken(start, end)) continue;
      out.push({ text: words, start, end, sentence: s.index });
    }
  }
  return out;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The places added by hand: placed unresolved names, then added words in text order. */
function addedPlaces(places: PlaceCollection, kept: PlaceFeature[], corrections: Corrections): { features: PlaceFeature[]; placedNames: Set<string> } {
  const sentences = places.sentences ?? [];
  const used = new Set(places.features.map((f) => f.id));
  const spans = kept.flatMap((f) => f.properties.mentions.map((m) => [m.start, m.end] as const));
  const taken = (start: number, end: number) => spans.some(([a, b]) => start < b && a < end);
  const features: PlaceFeature[] = [];
  const placedNames = new Set<string>();
  const unresolved = unresolvedBySlug(places);
  for (const key of Object.keys(corrections).sort()) {
    const c = corrections[key];
    const name = unresolved.get(key);
    if (c.action !== 'reading' || !name || used.has(key)) continue;
    placedNames.add(key);
    features.push(newPlace(uniqueId(key, used), name.name, c.reading, name.mentions, sentences));
  }
  const adds = Object.keys(corrections)
    .filter((key) => corrections[key].action === 'add')
    .map((key) => ({ key, words: addedWords(places, key) }))
    .filter((a): a is { key: string; words: NonNullable<ReturnType<typeof addedWords>> } => a.words !== null && !used.has(a.key))
    .sort((a, b) => a.words.start - b.words.start);
  for (const { key, words } of adds) {
    const c = corrections[key] as Extract<Correction, { action: 'add' }>;
    // The selected words themselves, even inside another mention; their namesakes only where free.
    const own: Mention = { text: words.text, start: words.start, end: words.end, sentence: words.sentence.index };
    const others = occurrences(words.text, sentences, taken).filter((m) => m.start !== own.start);
    const mentions = [own, ...others].sort((a, b) => a.start - b.start);
    for (const m of mentions) spans.push([m.start, m.end]);
    features.push(newPlace(uniqueId(slug(words.text), used), words.text, c.reading, mentions, sentences));
  }
  return { features, placedNames };
}

/** The collection with the corrections applied; corrections that change nothing are ignored. */
export function applyCorrections(places: PlaceCollection, corrections: Corrections): PlaceCollection {
  const removed = new Set(Object.entries(corrections).filter(([, c]) => c.action === 'remove').map(([id]) => id));
  const corrected = places.features
    .filter((f) => !removed.has(f.id))
    .map((f) => {
      const c = corrections[f.id];
      if (!c || f.properties.kind === 'route') return f;
      if (c.action === 'choose') return choose(f, c.alternative);
      if (c.action === 'reading') return moved(f, c.reading, [previousReading(f), ...f.properties.alternatives]);
      return f;
    });
  const byId = new Map(corrected.map((f) => [f.id, f]));
  const withRoutes = corrected.flatMap((f): PlaceFeature[] => {
    if (!f.properties.joins) return [f];
    const joined = f.properties.joins.map((id) => byId.get(id)).filter((j): j is PlaceFeature => !!j);
    if (joined.length < 2) return [];
    const coordinates = joined.map((j) => j.properties.point);
    return [{ ...f, geometry: { type: 'LineString', coordinates }, properties: { ...f.properties, joins: joined.map((j) => j.id), point: coordinates[Math.floor(coordinates.length / 2)] } }];
  });
  const { features: added, placedNames } = addedPlaces(places, withRoutes, corrections);
  const unresolved = places.unresolved?.filter((u) => !placedNames.has(slug(u.name)));
  return { ...places, features: [...withRoutes, ...added], ...(unresolved ? { unresolved } : {}) };
}
