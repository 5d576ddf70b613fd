// What the words around a name say about whether it is a place, for the cases a sequence
// tagger trained on wire news gets wrong in local and regional news:
// - streets and buildings named after places are not those places ("Washington Drive",
//   "North Cooper Street", "City Hall");
// - a town the tagger calls a person or an organisation is a place when the text treats it as
//   one: after "in", "near" or "west of", listed with places, or placed by one ("El Fasher in
//   North Darfur"), unless the text also treats the name as a person ("Martin told the council");
// - a known place the tagger missed altogether ("toward Fort Worth") is found the same way;
// - a place that opens an institution's name is a mention of that place ("the Arlington City
//   Council", "Tarrant County Commissioners Court").
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import type { Token } from './tokens.ts';
import type { EntitySpan } from './tagger.ts';
import { foldTokens } from './tagger-features.ts';
import { fold } from '../text/fold.ts';

const keyOf = (tokens: Token[], first: number, last: number) => foldTokens(tokens, first, last);
const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
const isPossessive = (t: Token | undefined) => t?.text === "'s" || t?.text === '’s' || t?.text === "'" || t?.text === '’';
const isCapitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/**
 * Words that end a street's or a landmark's name; capitalised, as names write them. Buildings
 * that belong to a place ("Arlington Stadium") still name it, so they are not here; nor is
 * "Court", which ends institutions' names more often than streets'.
 */
const FACILITY_WORDS = new Set([
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'drive', 'dr', 'boulevard', 'blvd', 'lane', 'ln', 'way', 'parkway', 'pkwy', 'circle',
  'terrace', 'trail', 'turnpike', 'pike', 'highway', 'hwy', 'freeway', 'expressway', 'square', 'plaza', 'alley', 'crescent',
  'hall', 'mall', 'bridge',
]);

/**
 * Token ranges of street and building names: a run of capitalised words ending in a facility
 * word ("Green Oaks Boulevard", "North Cooper St."). Hyphenated compounds before a road word
 * are routes between places and are left to the route rule.
 */
export function facilityMask(tokens: Token[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i];
    if (!isCapitalised(word) || !FACILITY_WORDS.has(lower(word).replace(/\.$/, ''))) continue;
    let first = i;
    while (first > 0 && isCapitalised(tokens[first - 1]) && i - first < 5) first--;
    if (first === i || tokens[first - 1]?.text === '-' || tokens[i - 1]?.text === '-') continue;
    for (let k = first; k <= i; k++) mask[k] = 1;
  }
  return mask;
}

/** Words before a name that place it ("in", "near"), and those that do after a compass word ("west of"). */
const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'toward', 'towards', 'outside', 'around', 'across', 'between', 'via', 'through', 'throughout', 'within', 'inside', 'beyond', 'reached', 'entered', 'fled', 'captured', 'seized']);
const OF_PLACE = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts', 'suburbs', 'parts', 'city', 'town', 'village', 'province', 'region', 'district', 'county', 'state', 'centre', 'center', 'heart', 'residents', 'people', 'streets', 'markets', 'mayor']);
/** Words before a name that make it a person. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'president', 'gen', 'general', 'sen', 'senator', 'rep', 'gov', 'governor', 'judge', 'chief', 'sheriff', 'mayor', 'minister', 'king',
  'queen', 'prince', 'princess', 'pope', 'sir', 'lord', 'lady', 'captain', 'capt', 'sgt', 'officer', 'detective', 'coach', 'rev', 'father', 'bishop', 'imam',
  'sheikh', 'member', 'councilman', 'councilwoman', 'commissioner', 'professor', 'prof', 'lt', 'col', 'maj', 'spokesman', 'spokeswoman', 'actor', 'singer',
]);
/** Words after a name that make it a speaker. */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'asked', 'stated', 'explained', 'noted', 'wrote', 'testified', 'argued', 'replied', 'insisted', 'recalled', 'admitted']);
/**
 * Words that start an institution after the place it belongs to. Not "County" or "City",
 * which are part of a place's own name ("Wright County", "Jersey City"), nor the words of
 * schools, which are named after people as often as after places ("Franklin Elementary").
 */
const INSTITUTION = new Set([
  'council', 'police', 'department', 'sheriff', "sheriff's", 'fire', 'university', 'hospital', 'airport', 'mayor', 'government', 'court', 'port',
  'chamber', 'board', 'commission', 'commissioners', 'office', 'authority', 'library', 'museum', 'zoo', 'utilities', 'transit', 'municipal', 'metropolitan',
  'fairgrounds', 'housing',
]);
/** "Arlington City Council", "Mansfield Town Hall": City or Town between the place and the institution. */
const SEAT_WORDS = new Set(['city', 'town', 'village', 'county', 'township']);
/** Capitalised words that are never places alone, whatever some gazetteer entry is called. */
export const NEVER_ALONE = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'god', 'congress', 'parliament', 'senate', 'christmas', 'easter', 'internet', 'white house', 'pentagon', 'kremlin',
  // A geographic word alone is the rest of a name the tagger cut short ("the Iberian Peninsula").
  'strait', 'straits', 'bay', 'sea', 'lake', 'river', 'mount', 'mountains', 'island', 'islands', 'peninsula', 'valley', 'desert', 'cape', 'ocean', 'coast',
  'delta', 'plain', 'plateau', 'basin', 'highlands', 'range',
]);

export interface EvidenceContext {
  tokens: Token[];
  gazetteer: Gazetteer;
  /** Tokens the tagger called places, and the keys of the names it called places. */
  isPlaceToken: Uint8Array;
  /** Keys the text uses as people: surnames of full names, names after a title or before "said". */
  personKeys: Set<string>;
}

/** Is the token right before or after [first, last] (across a list comma or "and") a place the tagger found? */
function listedWithPlace(ctx: EvidenceContext, first: number, last: number): boolean {
  const { tokens, isPlaceToken } = ctx;
  const glue = (i: number) => tokens[i]?.text === ',' || tokens[i]?.text === 'and' || tokens[i]?.text === 'or';
  // "the Himalayas, the Andes and the Rocky Mountains": an article may open each member.
  const article = (i: number) => lower(tokens[i]) === 'the';
  let after = last + 1;
  while (glue(after) && after - last <= 2) after++;
  if (after > last + 1 && article(after)) after++;
  let before = article(first - 1) ? first - 2 : first - 1;
  const start = before;
  while (glue(before) && start - before <= 1) before--;
  return (after > last + 1 && !!isPlaceToken[after]) || (before < start && !!isPlaceToken[before]);
}

/** "El Fasher in North Darfur", "Pantego, Texas": a place right after that holds it. */
function placedByNext(ctx: EvidenceContext, last: number): boolean {
  const next = ctx.tokens[last + 1]?.text;
  return (next === ',' || next === 'in') && !!ctx.isPlaceToken[last + 2];
}

/** "the capital, Antananarivo", "the town of Harasta", "the village Adra": nouns that place the name after them. */
const SETTLEMENT_NOUNS = new Set(['capital', 'city', 'town', 'village', 'port', 'hometown', 'province', 'region', 'district', 'county', 'state', 'island']);

function locativeBefore(tokens: Token[], first: number): boolean {
  const before = lower(tokens[first - 1]);
  if (SETTLEMENT_NOUNS.has(before) || (before === ',' && SETTLEMENT_NOUNS.has(lower(tokens[first - 2])))) return true;
  if (before === 'the') return LOCATIVE.has(lower(tokens[first - 2]));
  if (LOCATIVE.has(before)) return true;
  return before === 'of' && OF_PLACE.has(lower(tokens[first - 2]));
}

/**
 * Last words that make a gazetteer name a physical feature by itself ("Rocky Mountains", "Blue
 * Nile River"): no company or person is called that, so the name needs no other evidence.
 */
const PHYSICAL_TAILS = new Set(['mountains', 'mountain', 'mount', 'range', 'hills', 'highlands', 'plateau', 'desert', 'river', 'sea', 'ocean', 'lake', 'gulf', 'bay', 'strait', 'straits', 'channel', 'islands', 'island', 'archipelago', 'peninsula', 'valley', 'delta', 'basin', 'coast']);

/**
 * A span the tagger ended one word short of a feature's name ("Arabian" of "the Arabian Sea",
 * tagged as a demonym's adjective) takes that word when the longer name is a gazetteer place;
 * it is then a place, whatever the tagger called it.
 */
export function withPhysicalTails(tokens: Token[], spans: EntitySpan[], gazetteer: Pick<Gazetteer, 'nameClass'>): EntitySpan[] {
  return spans.map((s) => {
    const next = tokens[s.last + 1];
    if (!isCapitalised(next) || !PHYSICAL_TAILS.has(lower(next))) return s;
    return gazetteer.nameClass(keyOf(tokens, s.first, s.last + 1)) > 0 ? { ...s, type: 'LOC', last: s.last + 1 } : s;
  });
}

/** How the words around [first, last] place it: 2 listed with or placed by places, 1 after a locative word, 0 not at all. */
export function placeEvidence(ctx: EvidenceContext, first: number, last: number): 0 | 1 | 2 {
  if (last > first && PHYSICAL_TAILS.has(lower(ctx.tokens[last]))) return 2;
  if (listedWithPlace(ctx, first, last) || placedByNext(ctx, last)) return 2;
  return locativeBefore(ctx.tokens, first) ? 1 : 0;
}

/** Keys the text uses as people, wherever they occur. */
export function personKeysOf(tokens: Token[], spans: EntitySpan[]): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'PER') continue;
    // A full name's surname is that person's throughout ("Martha Rose May Martin" ... "Martin told").
    if (s.last > s.first && isCapitalised(tokens[s.first])) out.add(keyOf(tokens, s.last, s.last));
    if (TITLES.has(lower(tokens[s.first - 1]).replace(/\.$/, '')) || SPEECH.has(lower(tokens[s.last + 1]))) out.add(keyOf(tokens, s.first, s.last));
  }
  return out;
}

/**
 * Spans the tagger called people or organisations (or demonym-like GPE) that are gazetteer
 * places the text treats as places. Countries, first-level divisions and continents always
 * are (by metonymy, as the benchmarks count them: "the United Kingdom has").
 */
export function placesTaggedAsOthers(ctx: EvidenceContext, spans: EntitySpan[], placeKeys: Set<string>, commonWords: Set<string>): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const s of spans) {
    if (s.type === 'LOC' || s.last - s.first >= 6) continue;
    const key = keyOf(ctx.tokens, s.first, s.last);
    const cls = ctx.gazetteer.nameClass(key);
    if (cls === 0 || NEVER_ALONE.has(key)) continue;
    if (cls === 3 && s.type !== 'GPE') {
      out.push({ ...s, type: 'LOC' });
      continue;
    }
    if (ctx.personKeys.has(key) || (s.first === s.last && commonWords.has(key))) continue;
    // A possessive after a small place's name is a company's or a person's ("from McDonald's").
    if (isPossessive(ctx.tokens[s.last + 1]) && cls < 2 && !placeKeys.has(key)) continue;
    // One sense per document: a name the tagger calls a place elsewhere is a place here too.
    const evidence = placeKeys.has(key) ? 2 : placeEvidence(ctx, s.first, s.last);
    if (evidence >= 1) out.push({ type: 'LOC', first: s.first, last: s.last, score: s.score * (evidence === 2 ? 0.9 : 0.7) });
  }
  return out;
}

/** "Arlington City Council", "Tarrant County Commissioners Court": the place that opens an institution's name. */
export function placesOpeningInstitutions(ctx: EvidenceContext, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const s of spans) {
    if (s.type !== 'ORG' && s.type !== 'PER') continue;
    // A country or first-level division opening any organisation's name is a mention of it
    // ("the United States Food and Drug Administration", "Texas Rangers").
    const country = s.type === 'ORG' ? majorPrefix(ctx, s) : null;
    if (country) {
      out.push(country);
      continue;
    }
    for (let last = Math.min(s.last - 1, s.first + 3); last >= s.first; last--) {
      const next = lower(ctx.tokens[last + 1]);
      if (!INSTITUTION.has(next) && !(SEAT_WORDS.has(next) && INSTITUTION.has(lower(ctx.tokens[last + 2])))) continue;
      const key = keyOf(ctx.tokens, s.first, last);
      if (ctx.gazetteer.nameClass(key) >= 1 && !ctx.personKeys.has(key) && !NEVER_ALONE.has(key)) {
        out.push({ type: 'LOC', first: s.first, last, score: s.score * 0.8 });
        break;
      }
    }
  }
  return out;
}

/** The longest country, first-level division or continent that opens a span and is not all of it. */
function majorPrefix(ctx: EvidenceContext, s: EntitySpan): EntitySpan | null {
  for (let last = Math.min(s.last - 1, s.first + 3); last >= s.first; last--) {
    if (ctx.gazetteer.nameClass(keyOf(ctx.tokens, s.first, last)) === 3) return { type: 'LOC', first: s.first, last, score: s.score * 0.8 };
  }
  return null;
}

const MAX_RUN = 4;
const MAJOR_FCODES = new Set(['PCLI', 'CONT', 'ADM1']);

/**
 * Is `key` the own name of a country, continent or first-level division (not an alternate:
 * "Act" is the ACT's abbreviation, "Federal" an alternate of a federal district)?
 */
function isMajorByName(gazetteer: Gazetteer, key: string): boolean {
  return gazetteer.lookup(key).some((p) => MAJOR_FCODES.has(p.fcode) && fold(p.name) === key);
}

/**
 * Capitalised runs the tagger left out that are gazetteer places placed by their words: a
 * large place (a city of 100,000 or more, a country, a division) after a locative word, or
 * any known place listed with places or placed by one.
 */
export function untaggedPlaces(ctx: EvidenceContext, covered: Uint8Array, commonWords: Set<string>): EntitySpan[] {
  const { tokens, gazetteer } = ctx;
  const out: EntitySpan[] = [];
  const opensSentence = (i: number) => i === 0 || /^[.!?"“:]$/.test(tokens[i - 1]!.text);
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isCapitalised(tokens[i])) continue;
    if (i > runEnd) {
      runStart = i;
      runEnd = i;
      while (runEnd + 1 < tokens.length && !covered[runEnd + 1] && isCapitalised(tokens[runEnd + 1])) runEnd++;
    }
    let end = i;
    while (end + 1 < tokens.length && end - i + 1 < MAX_RUN && !covered[end + 1] && isCapitalised(tokens[end + 1])) end++;
    // The longest known name starting here; if none, the run is tried from its next word
    // ("Neighbouring Uruguay"): at most MAX_RUN tries a word, so linear.
    let taken = -1;
    for (let last = end; last >= i; last--) {
      const key = keyOf(tokens, i, last);
      const cls = gazetteer.nameClass(key);
      if (cls === 0 || NEVER_ALONE.has(key) || ctx.personKeys.has(key) || (i === last && commonWords.has(key))) continue;
      taken = last;
      const evidence = placeEvidence(ctx, i, last);
      // A country, first-level division or continent needs no words around it when it stands
      // alone: not opening a sentence (where any word is capitalised), not inside a run of
      // capitalised words ("Federal Minister", "Graeme Hamilton"), unless the run's only other
      // word opens the sentence ("Neighbouring Uruguay sent").
      const alone = last === runEnd && (i === runStart ? !opensSentence(i) : i === runStart + 1 && opensSentence(runStart));
      const major = cls === 3 && alone && isMajorByName(gazetteer, key);
      if (evidence === 2 || (evidence === 1 && cls >= 2) || major) out.push({ type: 'LOC', first: i, last, score: 0.6 });
      break;
    }
    if (taken >= 0) i = taken;
  }
  return out;
}
