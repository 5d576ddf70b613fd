// Feature extraction for the place-name tagger, shared by training (geo/build/train-tagger.ts)
// and inference (tagger.ts) so both see exactly the same features. Features are hashed to
// integer rows (FNV-1a and a multiplicative mix) so no string is built per feature.
import { fold } from '../text/fold.ts';

/** `folded name -> 0 (not a place) | 1 (other place) | 2 (city >= 100k) | 3 (country, admin1, continent)`. */
/**
 * The gazetteer as the tagger sees it: the class of a folded name. `startsName`, when given,
 * says whether any name starts with a prefix ("new " does, "the " does not), so that longer
 * windows of words that cannot be a name are not looked up (same features, fewer lookups).
 */
export type NameClassLookup = ((folded: string) => number) & { startsName?: (prefix: string) => boolean };

/** BIO labels. MISC (GMB art, eve, nat) is learnt so that events and artefacts are not taken for places, and never emitted. */
export const LABELS = ['O', 'B-LOC', 'I-LOC', 'B-GPE', 'I-GPE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const NUM_LABELS = LABELS.length;
/** Stand-in for "no previous label" at the start of the text. */
export const START_LABEL = NUM_LABELS;

/** Upper bound on features per token, for preallocated buffers. */
export const MAX_FEATURES = 64;

const FLAG_CAP = 1;
const FLAG_ALLCAPS = 2;
const FLAG_DIGIT = 4;
const FLAG_LETTER = 8;
const FLAG_SENT_START = 16;
const FLAG_HYPHEN = 32; // the token is a bare "-" joining a compound

/** Words that say what kind of name is near (city of X, Mr. X, X province). */
const LOC_BEFORE = new Set(['in', 'from', 'near', 'to', 'across', 'into', 'outside', 'toward', 'towards', 'at', 'via', 'city', 'town', 'village', 'province', 'region', 'district', 'capital', 'state', 'border', 'visit', 'visited', 'northern', 'southern', 'eastern', 'western', 'central']);
const LOC_AFTER = new Set(['city', 'town', 'village', 'province', 'region', 'district', 'county', 'state', 'river', 'mountains', 'valley', 'border', 'area', 'island', 'islands', 'capital', 'coast', 'peninsula', 'rayon', 'oblast']);
const PER_BEFORE = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'president', 'minister', 'secretary', 'gen.', 'general', 'spokesman', 'spokeswoman', 'leader', 'envoy', 'chief', 'king', 'queen', 'pope', 'senator', 'sen.', 'rep.', 'ambassador', 'commander', 'premier', 'chairman', 'director', 'official', 'lt.', 'col.', 'prince', 'sheikh', 'ayatollah']);
const PER_AFTER = new Set(['said', 'says', 'told', 'added', 'stated', 'noted', 'announced', 'who']);
const ORG_AFTER = new Set(['ministry', 'agency', 'party', 'company', 'committee', 'council', 'organization', 'group', 'university', 'bank', 'corporation', 'inc.', 'corp.', 'administration', 'service', 'news', 'forces', 'army', 'movement', 'union']);

const CUE_NONE = 0;
const CUE_LOC = 1;
const CUE_PER = 2;
const CUE_ORG = 3;

/** Everything about the token sequence that does not depend on predicted labels. */
export interface TokenContext {
  n: number;
  lower: string[];
  hWord: Int32Array;
  hShape: Int32Array;
  flags: Uint8Array;
  /** Gazetteer class of the token alone. */
  gzToken: Uint8Array;
  /** Class of the windows of 2..4 tokens starting (ending) here, 2 bits per length. */
  gzStart: Uint16Array;
  gzEnd: Uint16Array;
  /** Highest class of any window that covers the token. */
  gzCover: Uint8Array;
  /** Index of the first and last token of the capitalised run around a token. */
  runFirst: Int32Array;
  runLast: Int32Array;
  /** 0 = fast path: far from any capital letter, labelled O without scoring. */
  scored: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's code units. */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Combine a template id and a value into a well-spread 32-bit key. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Collapsed word shape (Xxxx -> Xx, U.S. -> X.X., 2,000 -> d,d) hashed without building it. */
function shapeHash(s: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88; // X
    else if (c >= 97 && c <= 122) k = 120; // x
    else if (c >= 48 && c <= 57) k = 100; // d
    else if (c < 128) k = c;
    else {
      const ch = s[i]!;
      k = ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : 63;
    }
    if (k !== last) h = Math.imul(h ^ k, FNV_PRIME);
    last = k;
  }
  return h;
}

function tokenFlags(s: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c >= 128) {
      const ch = s[i]!;
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  let f = 0;
  const first = s[0]!;
  if (upper > 0 && first !== first.toLowerCase()) f |= FLAG_CAP;
  if (upper > 0 && lower === 0) f |= FLAG_ALLCAPS;
  if (digit > 0) f |= FLAG_DIGIT;
  if (upper + lower > 0) f |= FLAG_LETTER;
  if (s === '-') f |= FLAG_HYPHEN;
  return f;
}

function hasUpper(f: number): boolean {
  return (f & (FLAG_CAP | FLAG_ALLCAPS)) !== 0;
}

/** fold() with a fast path for plain ASCII words, which fold to their lower case. */
function foldToken(s: string, lower: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) return fold(s);
  }
  return lower;
}

/** A phrase's key with one more word: joined by a space, or glued on when it is a split-off possessive. */
function joinFolded(key: string, text: string): string {
  const part = foldToken(text, text.toLowerCase());
  if (part === '') return key;
  const attached = text.charCodeAt(0) === 0x27 || text.charCodeAt(0) === 0x2019;
  return key === '' || attached ? key + part : key + ' ' + part;
}

/**
 * fold() of tokens joined by spaces, without normalising plain ASCII words. A split-off
 * possessive joins its word again, as in the gazetteer: "People 's Republic" → "peoples republic".
 */
export function foldPhrase(texts: readonly string[]): string {
  let key = '';
  for (const t of texts) key = joinFolded(key, t);
  return key;
}

/** foldPhrase of the texts of tokens[first..last], without copying them out. */
export function foldTokens(tokens: readonly { text: string }[], first: number, last: number): string {
  let key = '';
  for (let i = first; i <= last; i++) key = joinFolded(key, tokens[i]!.text);
  return key;
}

function isSentenceEnd(s: string | undefined): boolean {
  return s === '.' || s === '!' || s === '?' || s === '...';
}

/** Build the label-independent context of a token sequence (one sentence or a whole text). */
export function buildContext(texts: readonly string[], gazetteer?: NameClassLookup): TokenContext {
  return fillContext(emptyContext(texts.length), texts, texts.length, gazetteer);
}

function emptyContext(capacity: number): TokenContext {
  return {
    n: 0,
    lower: new Array<string>(capacity),
    hWord: new Int32Array(capacity),
    hShape: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    gzToken: new Uint8Array(capacity),
    gzStart: new Uint16Array(capacity),
    gzEnd: new Uint16Array(capacity),
    gzCover: new Uint8Array(capacity),
    runFirst: new Int32Array(capacity),
    runLast: new Int32Array(capacity),
    scored: new Uint8Array(capacity),
  };
}

/**
 * Reusable contexts for inference, which tags one sentence at a time: allocating eleven arrays
 * per sentence showed up as a few per cent of the pipeline in garbage collection. A context it
 * returns is valid until the next call. Training keeps buildContext, as it holds every context.
 */
/** Longest sequence whose arrays a scratch keeps (a few hundred kB), so one huge text does not pin its size. */
const MAX_KEPT = 1 << 14;

export class ContextScratch {
  private ctx = emptyContext(64);
  private texts: string[] = [];

  /** The context of the texts of items[from..to), through one scratch context grown to the longest sequence. */
  build<T>(items: readonly T[], textOf: (item: T) => string, from: number, to: number, gazetteer?: NameClassLookup): TokenContext {
    const n = to - from;
    if (n > MAX_KEPT) return buildContext(items.slice(from, to).map(textOf), gazetteer); // a whole text: not kept
    if (n > this.ctx.hWord.length) this.ctx = emptyContext(Math.max(n, 2 * this.ctx.hWord.length));
    const texts = this.texts;
    texts.length = n;
    for (let i = 0; i < n; i++) texts[i] = textOf(items[from + i]!);
    clearAccumulators(this.ctx, n);
    return fillContext(this.ctx, texts, n, gazetteer);
  }
}

/** Zero the arrays that fillContext only ORs into or sets conditionally. */
function clearAccumulators(ctx: TokenContext, n: number): void {
  ctx.gzToken.fill(0, 0, n);
  ctx.gzStart.fill(0, 0, n);
  ctx.gzEnd.fill(0, 0, n);
  ctx.gzCover.fill(0, 0, n);
  ctx.scored.fill(0, 0, n);
}

/** Fill the first n entries of a zeroed (or freshly cleared) context. */
function fillContext(ctx: TokenContext, texts: readonly string[], n: number, gazetteer?: NameClassLookup): TokenContext {
  ctx.n = n;
  for (let i = 0; i < n; i++) {
    const s = texts[i]!;
    const lower = s.toLowerCase();
    ctx.lower[i] = lower;
    ctx.hWord[i] = hashString(lower);
    ctx.hShape[i] = shapeHash(s);
    let f = tokenFlags(s);
    if (i === 0 || isSentenceEnd(texts[i - 1]) || (i >= 2 && isSentenceEnd(texts[i - 2]) && !(ctx.flags[i - 1]! & FLAG_LETTER))) f |= FLAG_SENT_START;
    ctx.flags[i] = f;
  }
  markScored(ctx);
  markRuns(ctx);
  if (gazetteer) lookupGazetteer(ctx, texts, gazetteer);
  return ctx;
}

/**
 * Fast path: only tokens within 2 of a token with a capital letter are scored, and of
 * punctuation only what can sit inside a name (Guinea-Bissau, AT&T); the rest is O.
 */
/**
 * Frequent words that are capitalised only because they open a sentence ("The", "According"):
 * they wake no window of their own (a name next to them does).
 */
const SENTENCE_OPENERS = new Set(
  ('the a an in on at it he she they we i you this that these those there but and or so as for with by from to of if ' +
    'after before when while since during despite although though however meanwhile also earlier later now today yesterday ' +
    'according some many most all one two three four five several last next his her their its our my your what who which ' +
    'officials police authorities experts researchers scientists doctors health no not other both each every such more').split(' '),
);

function markScored(ctx: TokenContext): void {
  for (let i = 0; i < ctx.n; i++) {
    const f = ctx.flags[i]!;
    if (!hasUpper(f)) continue;
    if (f & FLAG_SENT_START && !(f & FLAG_ALLCAPS) && SENTENCE_OPENERS.has(ctx.lower[i]!)) continue;
    for (let j = Math.max(0, i - 2); j <= Math.min(ctx.n - 1, i + 2); j++) ctx.scored[j] = 1;
  }
  for (let i = 0; i < ctx.n; i++) {
    const f = ctx.flags[i]!;
    if (!(f & (FLAG_LETTER | FLAG_DIGIT | FLAG_HYPHEN)) && ctx.lower[i] !== '&') ctx.scored[i] = 0;
  }
}

/** Capitalised runs (Nagorno - Karabakh, Ramin Mammadov) give every member the words around the whole name. */
function markRuns(ctx: TokenContext): void {
  let i = 0;
  while (i < ctx.n) {
    let j = i;
    if (hasUpper(ctx.flags[i]!)) {
      while (j + 1 < ctx.n && (hasUpper(ctx.flags[j + 1]!) || (ctx.flags[j + 1]! & FLAG_HYPHEN && j + 2 < ctx.n && hasUpper(ctx.flags[j + 2]!)))) j++;
    }
    for (let k = i; k <= j; k++) {
      ctx.runFirst[k] = i;
      ctx.runLast[k] = j;
    }
    i = j + 1;
  }
}

/** Gazetteer classes of each capitalised token and of windows of 2..4 tokens that start and end with a capital. */
function lookupGazetteer(ctx: TokenContext, texts: readonly string[], gazetteer: NameClassLookup): void {
  const folded = new Array<string>(ctx.n);
  for (let i = 0; i < ctx.n; i++) {
    if (!hasUpper(ctx.flags[i]!)) continue;
    folded[i] = foldToken(texts[i]!, ctx.lower[i]!);
    const cls = gazetteer(folded[i]!);
    ctx.gzToken[i] = cls;
    if (cls > ctx.gzCover[i]!) ctx.gzCover[i] = cls;
  }
  for (let i = 0; i < ctx.n; i++) {
    if (!hasUpper(ctx.flags[i]!)) continue;
    let key = folded[i]!;
    for (let len = 2; len <= 4 && i + len - 1 < ctx.n; len++) {
      const j = i + len - 1;
      const f = ctx.flags[j]!;
      if (!(f & (FLAG_LETTER | FLAG_HYPHEN))) break; // names do not span punctuation
      if (gazetteer.startsName && !gazetteer.startsName(key + ' ')) break;
      const part = folded[j] ?? foldToken(texts[j]!, ctx.lower[j]!);
      if (part !== '') key += ' ' + part;
      if (!hasUpper(f)) continue;
      const cls = gazetteer(key);
      if (cls === 0) continue;
      ctx.gzStart[i] |= cls << (2 * (len - 2));
      ctx.gzEnd[j] |= cls << (2 * (len - 2));
      for (let k = i; k <= j; k++) if (cls > ctx.gzCover[k]!) ctx.gzCover[k] = cls;
    }
  }
}

function cueClass(word: string | undefined, before: boolean): number {
  if (word === undefined) return CUE_NONE;
  if (before) return LOC_BEFORE.has(word) ? CUE_LOC : PER_BEFORE.has(word) ? CUE_PER : CUE_NONE;
  return LOC_AFTER.has(word) ? CUE_LOC : PER_AFTER.has(word) ? CUE_PER : ORG_AFTER.has(word) ? CUE_ORG : CUE_NONE;
}

const PAD = hashString('<pad>');

function wordAt(ctx: TokenContext, i: number): number {
  return i >= 0 && i < ctx.n ? ctx.hWord[i]! : PAD;
}

function shapeAt(ctx: TokenContext, i: number): number {
  return i >= 0 && i < ctx.n ? ctx.hShape[i]! : PAD;
}

/** Hashes of prefixes and suffixes of length 1..4, without slicing. */
function affixes(lower: string, out: Int32Array, k: number): number {
  const len = lower.length;
  let p = FNV_OFFSET;
  let s = FNV_OFFSET;
  for (let a = 1; a <= 4 && a <= len; a++) {
    p = Math.imul(p ^ lower.charCodeAt(a - 1), FNV_PRIME);
    s = Math.imul(s ^ lower.charCodeAt(len - a), FNV_PRIME);
    out[k++] = mix(100 + a, p);
    out[k++] = mix(110 + a, s);
  }
  return k;
}

/** Label-independent features of token i, written as 32-bit keys into out; returns their count. */
export function staticFeatures(ctx: TokenContext, i: number, out: Int32Array): number {
  let k = 0;
  const w = ctx.hWord[i]!;
  const f = ctx.flags[i]!;
  out[k++] = mix(1, 0); // bias
  out[k++] = mix(2, w);
  out[k++] = mix(3, ctx.hShape[i]!);
  out[k++] = mix(4, f);
  k = affixes(ctx.lower[i]!, out, k);
  out[k++] = mix(10, wordAt(ctx, i - 1));
  out[k++] = mix(11, wordAt(ctx, i + 1));
  out[k++] = mix(12, wordAt(ctx, i - 2));
  out[k++] = mix(13, wordAt(ctx, i + 2));
  out[k++] = mix(14, mix(wordAt(ctx, i - 1), w));
  out[k++] = mix(15, mix(w, wordAt(ctx, i + 1)));
  out[k++] = mix(16, mix(wordAt(ctx, i - 2), wordAt(ctx, i - 1)));
  out[k++] = mix(20, shapeAt(ctx, i - 1));
  out[k++] = mix(21, shapeAt(ctx, i + 1));
  out[k++] = mix(22, mix(shapeAt(ctx, i - 1), mix(ctx.hShape[i]!, shapeAt(ctx, i + 1))));
  return contextFeatures(ctx, i, out, k);
}

/** Features of the capitalised run around i and of the gazetteer. */
function contextFeatures(ctx: TokenContext, i: number, out: Int32Array, k: number): number {
  const first = ctx.runFirst[i]!;
  const last = ctx.runLast[i]!;
  const before = first > 0 ? ctx.lower[first - 1] : undefined;
  const after = last + 1 < ctx.n ? ctx.lower[last + 1] : undefined;
  const cap = hasUpper(ctx.flags[i]!) ? 1 : 0;
  out[k++] = mix(30, mix(wordAt(ctx, first - 1), cap));
  out[k++] = mix(31, mix(wordAt(ctx, last + 1), cap));
  out[k++] = mix(32, mix(mix(wordAt(ctx, first - 2), wordAt(ctx, first - 1)), cap));
  out[k++] = mix(33, (cueClass(before, true) << 4) | (cueClass(after, false) << 1) | cap);
  out[k++] = mix(34, Math.min(last - first, 4) * 8 + Math.min(i - first, 4) * 2 + cap);
  const gz = ctx.gzToken[i]!;
  if (gz > 0) out[k++] = mix(40, gz * 4 + (ctx.flags[i]! & (FLAG_CAP | FLAG_ALLCAPS | FLAG_SENT_START)));
  for (let len = 2; len <= 4; len++) {
    const s = (ctx.gzStart[i]! >> (2 * (len - 2))) & 3;
    const e = (ctx.gzEnd[i]! >> (2 * (len - 2))) & 3;
    if (s > 0) out[k++] = mix(41, len * 4 + s);
    if (e > 0) out[k++] = mix(42, len * 4 + e);
  }
  if (ctx.gzCover[i]! > 0) out[k++] = mix(43, ctx.gzCover[i]!);
  return k;
}

/** Features that depend on the labels already chosen for the two previous tokens. */
export function labelFeatures(ctx: TokenContext, i: number, prev1: number, prev2: number, out: Int32Array, k: number): number {
  out[k++] = mix(50, prev1);
  out[k++] = mix(51, prev1 * 16 + prev2);
  out[k++] = mix(52, mix(prev1, ctx.hWord[i]!));
  out[k++] = mix(53, mix(prev1, ctx.hShape[i]!));
  return k;
}
