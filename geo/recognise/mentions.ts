// Stage 2 of the pipeline: from tokens and the tagger's entity spans to place mentions with
// character offsets. The tagger decides what is a place; the rules here handle what a
// sequence tagger sees badly: datelines in capitals, hyphenated compounds and named routes,
// cue words ("Jabrayil region", "the city of Khojaly"), and one sense per document.
import type { Mention, Sentence } from '../types.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import type { GeoparseResources } from '../geoparse.ts';
import { fold } from '../text/fold.ts';
import { sentenceAt } from '../text/sentences.ts';
import type { Token } from './tokens.ts';
import type { EntitySpan } from './tagger.ts';
import { foldTokens } from './tagger-features.ts';
import { NEVER_ALONE, facilityMask, personKeysOf, placesOpeningInstitutions, placesTaggedAsOthers, untaggedPlaces, withPhysicalTails, type EvidenceContext } from './place-evidence.ts';

/** What the words around a mention say it is. */
/** `river`: a water word follows the name ("the Periyar river"), which then names nothing else. */
export type PlaceCue = 'area' | 'settlement' | 'city' | 'town' | 'village' | 'water' | 'river';

export interface RecognisedMention extends Mention {
  /** The folded name to look up. */
  key: string;
  cue: PlaceCue | null;
  /** The recogniser's confidence, 0..1. */
  confidence: number;
  /** For a named route (the Ahmadbayli-Fuzuli-Shusha highway): the places it joins. */
  route?: RecognisedMention[];
  /** For a place a route joins: the keys of the other places on it (they lie near each other). */
  routeNeighbours?: string[];
  /** Keys of the other names in the same list ("Georgia, Oklahoma and California"): places of one kind. */
  listSiblings?: string[];
  /** "Atlanta, Georgia": the key of the name right after a comma, which may contain this one. */
  container?: string;
  /** The converse: keys of names that this one may contain. */
  contained?: string[];
  /** Opens the article as its dateline: where the reporter filed from, often far from the story. */
  dateline?: boolean;
  /** Index of its first and last token, for the checks of the words around it. */
  firstToken: number;
  lastToken: number;
}

export interface Recognition {
  mentions: RecognisedMention[];
  /** Countries the text points at without naming them as places (demonyms: "Azerbaijani officials"). */
  demonymCountries: Map<string, number>;
}

const AREA_WORDS = new Set(['region', 'regions', 'province', 'district', 'county', 'state', 'oblast', 'rayon', 'governorate', 'prefecture', 'territory', 'municipality', 'department', 'canton', 'emirate']);
const SETTLEMENT_WORDS: Record<string, PlaceCue> = { city: 'city', town: 'town', village: 'village', villages: 'village', capital: 'city' };
const WATER_BEFORE = new Set(['on', 'off', 'along', 'across']);
const ROUTE_WORDS = new Set(['highway', 'road', 'motorway', 'expressway', 'railway', 'railroad', 'corridor', 'pipeline', 'route', 'freeway']);
const UPPER_START = /^\p{Lu}/u;
/** Starts with a capital letter; ASCII decided without a regex (this runs on every token). */
const CAPITALISED = {
  test(word: string): boolean {
    const c = word.charCodeAt(0);
    return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(word);
  },
};
const ALL_CAPS = /^[\p{Lu}][\p{Lu}.'’]+$/u;
const DATELINE_END = new Set(['(', '–', '—', '-', ',', ':']);

/** Compass words alone are directions or parts of names ("South African"), not places. */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest', 'midwest', 'upper', 'lower', 'greater', 'new']);
/** Diseases named after places: in news the name alone is the disease ("the Ebola outbreak"). */
const DISEASES = new Set(['ebola', 'zika', 'lassa', 'nipah', 'hendra', 'chikungunya', 'marburg virus', 'west nile']);
/** A name followed by one of these is a disease, a strain or a vaccine named after a place (Ebola virus, West Nile fever). */
const EPONYM_WORDS = new Set(['virus', 'viruses', 'fever', 'flu', 'disease', 'strain', 'vaccine', 'syndrome', 'ebolavirus', 'like']);

const keyOf = (tokens: Token[], first: number, last: number) => foldTokens(tokens, first, last);

function mentionOf(text: string, sentences: Sentence[], tokens: Token[], first: number, last: number, confidence: number): RecognisedMention {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { text: text.slice(start, end), start, end, sentence: sentenceAt(sentences, start), key: keyOf(tokens, first, last), cue: cueAt(tokens, first, last), confidence, firstToken: first, lastToken: last };
}

/** Lower-case words after a name that make it a body of water ("the Periyar river", "Tana lake"). */
const WATER_AFTER = new Set(['river', 'lake', 'creek', 'canal', 'reservoir', 'estuary', 'lagoon']);

/** The cue word right after a mention ("Jabrayil region", "Khankendi city") or before it ("city of Khojaly"). */
function cueAt(tokens: Token[], first: number, last: number): PlaceCue | null {
  const after = tokens[last + 1]?.text.toLowerCase();
  if (after && AREA_WORDS.has(after)) return 'area';
  if (after && SETTLEMENT_WORDS[after]) return SETTLEMENT_WORDS[after];
  if (after && WATER_AFTER.has(after)) return 'river';
  const before = tokens[first - 1]?.text.toLowerCase();
  const beforeThat = tokens[first - 2]?.text.toLowerCase();
  if (before === 'of' && beforeThat && SETTLEMENT_WORDS[beforeThat]) return SETTLEMENT_WORDS[beforeThat];
  if (before === 'of' && beforeThat && AREA_WORDS.has(beforeThat)) return 'area';
  // "Port Sudan on the Red Sea", "off the Horn": a body of water (or its coast), not the state named after it.
  if (before === 'the' && beforeThat && WATER_BEFORE.has(beforeThat)) return 'water';
  return null;
}

/** Token ranges of hyphen-joined capitalised words: Ahmadbayli-Fuzuli-Shusha, Nagorno-Karabakh. */
function hyphenParts(tokens: Token[], first: number, last: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = first;
  for (let i = first; i <= last; i++) {
    if (tokens[i].text === '-') {
      if (i > from) parts.push([from, i - 1]);
      from = i + 1;
    }
  }
  if (from <= last) parts.push([from, last]);
  return parts;
}

/**
 * A tagged span that is not a gazetteer name as a whole but joins names with hyphens is
 * several places; before a road word it is also a route between them.
 */
/**
 * A span no gazetteer name matches whole that opens with one ("United States Department of
 * Agriculture", "New York City Mayor Michael Bloomberg", "Sudan David Shearer"): the opening name.
 */
function placeOpening(tokens: Token[], span: EntitySpan, gazetteer: Gazetteer, commonWords: Set<string>): number {
  for (let last = Math.min(span.last - 1, span.first + 4); last >= span.first; last--) {
    if (!CAPITALISED.test(tokens[last].text) || !gazetteer.has(keyOf(tokens, span.first, last))) continue;
    // "Salinas Valley", "Islington Bay", "Pacific Northwest" are features of their own, and a
    // common word opens a longer name ("Mad Cow").
    if (FEATURE_TAILS.has(tokens[last + 1].text.toLowerCase()) || (last === span.first && commonWords.has(keyOf(tokens, last, last)))) return -1;
    // One more name after the place is a person's ("Jordan Henderson", "Paris Hilton"), unless
    // it is a common word ("United States Food ...").
    if (last + 1 === span.last && !commonWords.has(keyOf(tokens, span.last, span.last))) return -1;
    return last;
  }
  return -1;
}

/** Words that make a name with a place's name in it a different feature: the Salinas Valley is not Salinas. */
const FEATURE_TAILS = new Set(['valley', 'bay', 'square', 'park', 'river', 'creek', 'lake', 'beach', 'hill', 'hills', 'mountain', 'mountains', 'island', 'islands', 'northwest', 'northeast', 'southwest', 'southeast', 'plateau', 'plain', 'plains', 'basin', 'coast', 'gardens', 'heights', 'springs', 'falls', 'harbour', 'harbor', 'peninsula', 'desert', 'forest', 'canyon', 'gorge', 'cow', "'s"]);

const MAX_HYPHEN_TOKENS = 7;

/** Tokens i and i + 1 touch ("Upton" "-" "upon"): no space between them. */
const touching = (tokens: Token[], i: number) => i >= 0 && i + 1 < tokens.length && tokens[i].end === tokens[i + 1].start;

/**
 * A span the tagger cut inside a hyphenated name grows to the whole name when the gazetteer has
 * it ("Upton" of "Upton-upon-Severn", "Aix" of "Aix-en-Provence").
 */
function wholeHyphenatedName(tokens: Token[], span: EntitySpan, gazetteer: Gazetteer): EntitySpan {
  let first = span.first;
  while (first >= 2 && tokens[first - 1].text === '-' && touching(tokens, first - 2) && touching(tokens, first - 1) && span.last - first < MAX_HYPHEN_TOKENS) first -= 2;
  let last = span.last;
  while (last + 2 < tokens.length && tokens[last + 1].text === '-' && touching(tokens, last) && touching(tokens, last + 1) && last - first < MAX_HYPHEN_TOKENS) last += 2;
  if (first === span.first && last === span.last) return span;
  for (let f = first; f <= span.first; f += 2) {
    for (let l = last; l >= span.last; l -= 2) {
      if ((f !== span.first || l !== span.last) && CAPITALISED.test(tokens[f].text) && gazetteer.has(keyOf(tokens, f, l))) return { ...span, first: f, last: l };
    }
  }
  return span;
}

function expandSpan(text: string, sentences: Sentence[], tokens: Token[], tagged: EntitySpan, gazetteer: Gazetteer, commonWords: Set<string>): RecognisedMention[] {
  const span = wholeHyphenatedName(tokens, tagged, gazetteer);
  const whole = mentionOf(text, sentences, tokens, span.first, span.last, span.score);
  const parts = hyphenParts(tokens, span.first, span.last);
  const roadAfter = ROUTE_WORDS.has(tokens[span.last + 1]?.text.toLowerCase() ?? '');
  if (parts.length < 2 && !gazetteer.has(whole.key)) {
    // "Eastern China", "Northern Syria": the place after a compass word the gazetteer does not join to it.
    if (span.last > span.first && COMPASS.has(tokens[span.first].text.toLowerCase()) && gazetteer.has(keyOf(tokens, span.first + 1, span.last))) {
      return [mentionOf(text, sentences, tokens, span.first + 1, span.last, span.score)];
    }
    const last = placeOpening(tokens, span, gazetteer, commonWords);
    return [last >= 0 ? mentionOf(text, sentences, tokens, span.first, last, span.score * 0.8) : whole];
  }
  if (parts.length < 2 || (gazetteer.has(whole.key) && !roadAfter)) return [whole];
  const partMentions = parts
    .filter(([a, b]) => CAPITALISED.test(tokens[a].text) && gazetteer.has(keyOf(tokens, a, b)))
    .map(([a, b]) => ({ ...mentionOf(text, sentences, tokens, a, b, span.score), cue: roadAfter ? ('settlement' as PlaceCue) : null }));
  if (!roadAfter || partMentions.length < 2) return partMentions.length ? partMentions : [whole];
  // The towns next to each other on the route lie near each other; its far end says little
  // more, and linking every part to every other would grow with the square of a long chain.
  partMentions.forEach((p, i) => {
    p.routeNeighbours = [partMentions[i - 1], partMentions[i + 1]].filter((o) => o !== undefined && o.key !== p.key).map((o) => o!.key);
  });
  const route = mentionOf(text, sentences, tokens, span.first, span.last + 1, span.score);
  return [...partMentions, { ...route, route: partMentions }];
}

/** Hyphenated compounds before a road word, whatever the tagger made of them. */
function findRoutes(tokens: Token[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text;
    if (word.length < 4 || !(ROUTE_WORDS.has(word) || (CAPITALISED.test(word) && ROUTE_WORDS.has(word.toLowerCase())))) continue;
    let first = i - 1;
    while (first >= 2 && tokens[first - 1]?.text === '-' && CAPITALISED.test(tokens[first - 2].text)) first -= 2;
    if (first < i - 1 && CAPITALISED.test(tokens[first]?.text ?? '')) spans.push({ type: 'LOC', first, last: i - 1, score: 0.9 });
  }
  return spans;
}

/** Words that open a name continued by "of": the Strait of Hormuz, the Republic of the Congo. */
const OF_HEADS = new Set(['strait', 'straits', 'gulf', 'bay', 'sea', 'isle', 'isles', 'lake', 'mount', 'cape', 'republic', 'kingdom', 'island', 'islands', 'sultanate', 'emirate', 'province', 'state', 'commonwealth', 'federation', 'principality', 'duchy', 'sound', 'firth', 'bight', 'vale', 'valley', 'city', 'port', 'county', 'district', 'gulf']);
const MAX_OF_NAME = 6;
/** Heads whose "of" names a place of their own kind: the City of Santa Ana is Santa Ana. */
const SEAT_HEADS = new Set(['city', 'town', 'village', 'county', 'district', 'province', 'state', 'port', 'municipality', 'borough']);

/**
 * "Strait of Hormuz", "Democratic Republic of the Congo": names the tagger splits at "of".
 * The longest gazetteer name from a head word over "of" (and "the") wins.
 */
function findOfNames(tokens: Token[], gazetteer: Gazetteer): EntitySpan[] {
  const spans: EntitySpan[] = [];
  const isPossessive = (t: Token | undefined) => t?.text === "'s" || t?.text === '’s';
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i + 1].text !== 'of' || !CAPITALISED.test(tokens[i].text) || !OF_HEADS.has(tokens[i].text.toLowerCase())) continue;
    let first = i;
    // Capitalised words before the head belong to the name too ("Democratic Republic of ...",
    // "People's Republic of China").
    while (first > 0 && i - first < 3) {
      const before = tokens[first - 1];
      if (CAPITALISED.test(before.text) && before.text !== 'The') first--;
      else if (isPossessive(before) && first > 1 && CAPITALISED.test(tokens[first - 2].text)) first -= 2;
      else break;
    }
    let found: EntitySpan | null = null;
    let tail: EntitySpan | null = null;
    for (let last = i + 2; last < tokens.length && last - i <= MAX_OF_NAME; last++) {
      const t = tokens[last].text;
      if (!CAPITALISED.test(t) && !(t === 'the' && last === i + 2)) break;
      for (let from = first; from <= i; from++) {
        if (gazetteer.has(keyOf(tokens, from, last))) {
          found = { type: 'LOC', first: from, last, score: 0.95 };
          break;
        }
      }
      // "the City of Santa Ana", "the Province of Idlib": the name after a settlement or area word.
      if (SEAT_HEADS.has(tokens[i].text.toLowerCase()) && CAPITALISED.test(tokens[i + 2].text) && gazetteer.has(keyOf(tokens, i + 2, last))) tail = { type: 'LOC', first: i + 2, last, score: 0.9 };
    }
    const span = found ?? tail;
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * Lower-case words inside place names of many languages: "Santa Cruz do Sul", "Rio de Janeiro",
 * "Frankfurt am Main", "Castellammare di Stabia", "Aix-en-Provence" spelled with spaces. The
 * tagger, trained on English news, ends the name at them.
 */
const NAME_PARTICLES = new Set(['do', 'da', 'dos', 'das', 'de', 'del', 'della', 'delle', 'di', 'du', 'des', 'la', 'le', 'el', 'al', 'am', 'an', 'im', 'in', 'der', 'en', 'sur', 'upon', 'y', 'e']);
/** Capitalised words on each side of a particle that a name may hold. */
const PARTICLE_REACH = 3;

/**
 * Names that hold a lower-case particle, found whole where the gazetteer has them: the longest
 * name over the particle, of capitalised words on both sides (at most three each). Linear: a
 * bounded window at each particle.
 */
function findParticleNames(tokens: Token[], gazetteer: Gazetteer): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!NAME_PARTICLES.has(tokens[i].text) || !CAPITALISED.test(tokens[i - 1].text)) continue;
    let found: EntitySpan | null = null;
    for (let last = i + 1; last < tokens.length && last - i <= PARTICLE_REACH; last++) {
      const t = tokens[last].text;
      // A second particle may follow a capitalised word ("Villa de Leyva", "Vitry-sur-Seine" aside).
      if (!CAPITALISED.test(t) && !(NAME_PARTICLES.has(t) && last > i + 1)) break;
      if (!CAPITALISED.test(t)) continue;
      for (let first = Math.max(0, i - PARTICLE_REACH); first < i; first++) {
        if (!CAPITALISED.test(tokens[first].text) || tokens[first].text === 'The') continue;
        let joined = true;
        for (let k = first + 1; k < i; k++) if (!CAPITALISED.test(tokens[k].text)) joined = false;
        if (joined && gazetteer.has(keyOf(tokens, first, last))) {
          if (!found || last - first > found.last - found.first) found = { type: 'LOC', first, last, score: 0.9 };
          break;
        }
      }
    }
    if (found) spans.push(found);
  }
  return spans;
}

/** "ISTANBUL (AA) –", "KYIV, Ukraine —": a place in capitals opening a sentence. */
function findDatelines(tokens: Token[], sentences: Sentence[], gazetteer: Gazetteer): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && tokens[t].start < s.start) t++;
    let last = t;
    while (last < tokens.length && last - t < 4 && ALL_CAPS.test(tokens[last].text) && tokens[last].end <= s.end) last++;
    if (last === t || !DATELINE_END.has(tokens[last]?.text ?? '')) continue;
    for (let end = last - 1; end >= t; end--) {
      if (gazetteer.has(keyOf(tokens, t, end))) {
        spans.push({ type: 'LOC', first: t, last: end, score: 0.95 });
        break;
      }
    }
  }
  return spans;
}

/**
 * Names that the text uses as eponyms somewhere ("Ebola virus", "Ebola-like", "West Nile
 * fever"): not places anywhere in it, one sense per document.
 */
function notPlaceNames(tokens: Token[], text: string): Set<string> {
  const out = new Set<string>([...DISEASES, ...NEVER_ALONE]);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!CAPITALISED.test(t.text)) continue;
    let next = i + 1;
    if (tokens[next]?.text === '-' && tokens[next].start === t.end) next++;
    if (EPONYM_WORDS.has(tokens[next]?.text.toLowerCase() ?? '')) {
      // The whole capitalised name before the word: "West Nile virus" is not West Nile either.
      for (let first = i; first >= 0 && i - first < 4 && CAPITALISED.test(tokens[first].text); first--) out.add(keyOf(tokens, first, i));
    }
  }
  return out;
}

/** How often each name is tagged as a person, whole or as a surname (spans found to be places aside). */
function personVotes(tokens: Token[], spans: EntitySpan[], places: EntitySpan[]): Map<string, number> {
  const votes = new Map<string, number>();
  const vote = (key: string) => votes.set(key, (votes.get(key) ?? 0) + 1);
  const placeRanges = new Set(places.map((p) => `${p.first}:${p.last}`));
  for (const s of spans) {
    if (s.type !== 'PER' || placeRanges.has(`${s.first}:${s.last}`)) continue;
    vote(keyOf(tokens, s.first, s.last));
    if (s.last > s.first) vote(fold(tokens[s.last].text));
  }
  return votes;
}

/**
 * One sense per document: a name is a person throughout when the text calls it a person at
 * least as often as a place ("Mr. Jordan ... Jordan said"), a place otherwise ("SOS
 * Children's Village Malakal" once against "Darfur and Malakal" six times).
 */
function filterPeople(mentions: RecognisedMention[], votes: Map<string, number>, gazetteer: Gazetteer): RecognisedMention[] {
  const placeVotes = new Map<string, number>();
  for (const m of mentions) placeVotes.set(m.key, (placeVotes.get(m.key) ?? 0) + 1);
  return mentions.filter((m) => {
    const asPerson = votes.get(m.key) ?? 0;
    return asPerson === 0 || asPerson < placeVotes.get(m.key)! || gazetteer.nameClass(m.key) >= 3;
  });
}

/**
 * The tagger's places, and what the words around names add to them (place-evidence.ts):
 * streets and buildings out, towns it called people or organisations in, places opening
 * institutions' names, and known places it missed. Returns the place spans and the person
 * spans that turned out to be places.
 */
function placeSpans(tokens: Token[], spans: EntitySpan[], gazetteer: Gazetteer, commonWords: Set<string>): { tagged: EntitySpan[]; rescued: EntitySpan[]; facility: Uint8Array } {
  const facility = facilityMask(tokens);
  const inFacility = (s: EntitySpan) => {
    for (let i = s.first; i <= s.last; i++) if (facility[i]) return true;
    return false;
  };
  const isPlaceToken = new Uint8Array(tokens.length);
  const placeKeys = new Set<string>();
  const loc = spans.filter((s) => s.type === 'LOC' && !inFacility(s));
  for (const s of loc) {
    for (let i = s.first; i <= s.last; i++) isPlaceToken[i] = 1;
    placeKeys.add(keyOf(tokens, s.first, s.last));
  }
  const ctx: EvidenceContext = { tokens, gazetteer, isPlaceToken, personKeys: personKeysOf(tokens, spans) };
  const others = placesTaggedAsOthers(ctx, spans, placeKeys, commonWords).filter((s) => !inFacility(s));
  const institutions = placesOpeningInstitutions(ctx, spans).filter((s) => !inFacility(s));
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i <= s.last; i++) covered[i] = 1;
  for (let i = 0; i < tokens.length; i++) if (facility[i]) covered[i] = 1;
  const untagged = untaggedPlaces(ctx, covered, commonWords);
  const rescued = [...others, ...institutions];
  return { tagged: [...loc, ...rescued, ...untagged], rescued, facility };
}

/**
 * A short word in capitals ("SOS", "DOH") is an organisation's acronym unless it is a country's
 * or a large place's code (UK, DRC, UAE); datelines in capitals are places, whatever their length.
 */
const isAcronym = (m: RecognisedMention, gazetteer: Gazetteer) => !m.dateline && !m.route && m.text.length <= 5 && /^[A-Z.]+$/.test(m.text) && gazetteer.nameClass(m.key) < 2;

/** "US$460": a currency, not a place. */
const isCurrencyPrefix = (text: string, m: RecognisedMention) => text[m.end] === '$' || text[m.start - 1] === '$';

const MAX_PHRASES_PER_WORD = 32;

/** Later unlabelled occurrences of a name that was tagged as a place elsewhere in the text. */
function propagate(tokens: Token[], places: EntitySpan[], covered: Uint8Array): EntitySpan[] {
  const byFirstWord = new Map<string, { words: string[]; score: number }[]>();
  const seen = new Set<string>();
  for (const p of places) {
    if (p.score < 0.5) continue;
    const words = tokens.slice(p.first, p.last + 1).map((t) => t.text);
    const phrase = words.join(' ');
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    const list = byFirstWord.get(words[0]) ?? [];
    // Each token is compared with every phrase of its first word: a bound keeps a text of
    // thousands of "New ..." names linear.
    if (list.length < MAX_PHRASES_PER_WORD) list.push({ words, score: p.score });
    byFirstWord.set(words[0], list);
  }
  // Longest first, so "New York City" is preferred to "New York" where both were tagged.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const out: EntitySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    for (const { words, score } of byFirstWord.get(tokens[i].text) ?? []) {
      if (words.every((w, k) => tokens[i + k]?.text === w && !covered[i + k])) {
        out.push({ type: 'LOC', first: i, last: i + words.length - 1, score: score * 0.9 });
        i += words.length - 1;
        break;
      }
    }
  }
  return out;
}

/** A lone common word ("Hospital", "Human") is part of a name the tagger cut short, unless it is a major place. */
const isCommonWord = (m: RecognisedMention, words: Set<string>, gazetteer: Gazetteer) =>
  !m.key.includes(' ') && words.has(m.key) && gazetteer.nameClass(m.key) < 2;

/** A newspaper is named after a real city ("the Los Angeles Times"): only that occurrence is not the city. */
const NEWSPAPER_WORDS = ['times', 'post', 'herald', 'tribune', 'journal', 'gazette', 'chronicle', 'presse'];

/**
 * Words after a name that make it a company's, a school's or a newspaper's ("Franklin
 * Elementary", "Metz Fresh LLC", "the Los Angeles Times", "Agence France-Presse").
 */
const ORG_TAILS = new Set(['elementary', 'academy', 'institute', 'foundation', 'corporation', 'corp', 'inc', 'llc', 'ltd', 'company', 'airlines', 'airways', 'holdings', ...NEWSPAPER_WORDS]);

/** The word after a mention, across a hyphen ("France-Presse"), lower-cased and without a final dot. */
function wordAfter(tokens: Token[], m: RecognisedMention): string {
  const next = tokens[m.lastToken + 1];
  const word = next?.text === '-' ? tokens[m.lastToken + 2] : next;
  return word?.text.toLowerCase().replace(/\.$/, '') ?? '';
}

function isOrgTail(tokens: Token[], m: RecognisedMention): boolean {
  const word = wordAfter(tokens, m);
  return ORG_TAILS.has(word) || ((word === 'high' || word === 'middle') && /^school/i.test(tokens[m.lastToken + 2]?.text ?? ''));
}

/** A common word followed by a capitalised one ("Human Rights Watch", "Church of Scientology") is the start of a longer name. */
function opensLongerName(tokens: Token[], m: RecognisedMention, words: Set<string>): boolean {
  if (m.firstToken !== m.lastToken || !words.has(m.key)) return false;
  const next = tokens[m.lastToken + 1];
  return !!next && (CAPITALISED.test(next.text) || (next.text === 'of' && CAPITALISED.test(tokens[m.lastToken + 2]?.text ?? '')));
}

/** The mention is glued by a hyphen to a lower-case word before it ("mid-Atlantic", "euro-Atlantic"). */
function isPrefixed(tokens: Token[], m: RecognisedMention): boolean {
  const hyphen = tokens[m.firstToken - 1];
  const word = tokens[m.firstToken - 2];
  return !!hyphen && !!word && hyphen.text === '-' && hyphen.end === m.start && word.end === hyphen.start && /^\p{Ll}/u.test(word.text);
}

/**
 * Mentions that are parts of other names: before a company's or a school's word (and then,
 * for a small place's name, everywhere in the text: "near Franklin" is near the school),
 * common words opening longer names, and names glued to a lower-case prefix.
 */
function withoutNameParts(mentions: RecognisedMention[], tokens: Token[], commonWords: Set<string>, gazetteer: Gazetteer): RecognisedMention[] {
  const orgNames = new Set<string>();
  // A school or a company named after a person or a small place makes the name that school or
  // company throughout the text ("near Franklin" is near Franklin Elementary), unless the name is
  // a country's or a state's.
  for (const m of mentions) if (isOrgTail(tokens, m) && !NEWSPAPER_WORDS.includes(wordAfter(tokens, m)) && gazetteer.nameClass(m.key) < 3) orgNames.add(m.key);
  return mentions.filter((m) => m.route || m.dateline || !(orgNames.has(m.key) || isOrgTail(tokens, m) || opensLongerName(tokens, m, commonWords) || isPrefixed(tokens, m)));
}

export function recognise(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  spans: EntitySpan[],
  { gazetteer, demonyms, commonWords }: Pick<GeoparseResources, 'gazetteer' | 'demonyms' | 'commonWords'>,
): Recognition {
  const notPlaces = notPlaceNames(tokens, text);
  spans = withPhysicalTails(tokens, spans, gazetteer);
  const { tagged: places, rescued, facility } = placeSpans(tokens, spans, gazetteer, commonWords);
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i <= s.last; i++) covered[i] = 1;
  for (const s of places) for (let i = s.first; i <= s.last; i++) covered[i] = 1;
  for (let i = 0; i < tokens.length; i++) if (facility[i]) covered[i] = 1;
  // Of overlapping readings the longer name wins: "West Bank" (an organisation to the tagger,
  // a region to the gazetteer) over the "West" the tagger found at its edge.
  const tagged = places.sort((a, b) => b.last - b.first - (a.last - a.first));
  const datelines = findDatelines(tokens, sentences, gazetteer);
  const extra = [...datelines, ...findRoutes(tokens), ...findOfNames(tokens, gazetteer), ...findParticleNames(tokens, gazetteer)];
  const locSpans = dropOverlaps([...extra, ...tagged, ...propagate(tokens, tagged, covered)], tokens.length);
  const mentions: RecognisedMention[] = [];
  for (const span of locSpans) {
    for (const m of expandSpan(text, sentences, tokens, span, gazetteer, commonWords)) {
      if (datelines.includes(span)) m.dateline = true;
      // Demonyms are context, not places ("Azerbaijani and Armenian origin").
      if (m.key in demonyms && !m.route) continue;
      if (COMPASS.has(m.key) || notPlaces.has(m.key) || isCurrencyPrefix(text, m) || isCommonWord(m, commonWords, gazetteer) || isAcronym(m, gazetteer)) continue;
      mentions.push(m);
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = withoutNameParts(mentions, tokens, commonWords, gazetteer);
  const unique = uniqueMentions(filterPeople(kept, personVotes(tokens, spans, rescued), gazetteer));
  linkLists(text, unique, gazetteer);
  return { mentions: unique, demonymCountries: countDemonyms(tokens, demonyms) };
}

/** What joins list members: a comma, "and", "or", a slash; "the" may open the next ("Sicily and the Canary Islands"). */
const LIST_GLUE = /^(,|,?\s*and|,?\s*or|\/)(\s+the)?$/;

/**
 * How many list members on each side count as a member's siblings. A list's neighbours say
 * all that the list says of a member's kind and country; linking every member to every
 * other would grow with the square of the list (a pasted list of 16,000 names).
 */
export const LIST_REACH = 8;

/**
 * Mentions joined only by commas, "and" or "or" form a list: its members are alike. Two names
 * joined by a comma alone, and by nothing else, may instead say where the first one lies
 * ("Atlanta, Georgia"); in a longer list ("Washington, Pennsylvania and California") they do not.
 */
function linkLists(text: string, mentions: RecognisedMention[], gazetteer: Gazetteer): void {
  let group: RecognisedMention[] = [];
  let glues: string[] = [];
  const close = () => {
    // Inside a longer list, a name followed by a comma and a state or country that it is not
    // is placed by it: "Columbus, Ohio, and Columbus, Ga." are two pairs.
    if (group.length > 2) {
      for (let i = 0; i + 1 < group.length; i++) {
        const [a, b] = [group[i], group[i + 1]];
        if (glues[i] === ',' && a.key !== b.key && gazetteer.nameClass(b.key) === 3 && gazetteer.nameClass(a.key) < 3) {
          a.container = b.key;
          (b.contained ??= []).push(a.key);
        }
      }
    }
    if (group.length > 1) {
      group.forEach((m, i) => {
        const siblings = new Set<string>();
        for (let j = Math.max(0, i - LIST_REACH); j <= Math.min(group.length - 1, i + LIST_REACH); j++) if (group[j].key !== m.key) siblings.add(group[j].key);
        if (siblings.size) m.listSiblings = [...siblings];
      });
    }
    if (group.length === 2 && glues[0] === ',' && group[0].key !== group[1].key) {
      group[0].container = group[1].key;
      (group[1].contained ??= []).push(group[0].key);
    }
    group = [];
    glues = [];
  };
  for (const m of mentions) {
    if (m.route) continue;
    const prev = group[group.length - 1];
    const glue = prev && prev.sentence === m.sentence && m.start - prev.end <= 10 ? text.slice(prev.end, m.start).trim() : null;
    if (prev && (glue === null || !LIST_GLUE.test(glue))) close();
    if (group.length && glue !== null) glues.push(glue);
    group.push(m);
  }
  close();
}

/** Keep the first of overlapping spans (datelines and routes come first, then the tagger's), in linear time. */
function dropOverlaps(spans: EntitySpan[], tokenCount: number): EntitySpan[] {
  const taken = new Uint8Array(tokenCount);
  const kept: EntitySpan[] = [];
  for (const s of spans) {
    let free = true;
    for (let i = s.first; i <= s.last && free; i++) free = !taken[i];
    if (!free) continue;
    for (let i = s.first; i <= s.last; i++) taken[i] = 1;
    kept.push(s);
  }
  return kept.sort((a, b) => a.first - b.first);
}

function uniqueMentions(mentions: RecognisedMention[]): RecognisedMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const id = `${m.start}:${m.end}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function countDemonyms(tokens: Token[], demonyms: Record<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) {
    if (!CAPITALISED.test(t.text)) continue;
    const country = demonyms[fold(t.text)];
    if (country) out.set(country, (out.get(country) ?? 0) + 1);
  }
  return out;
}
