// Named-entity tagger for place names: an averaged perceptron over hashed features with a
// greedy left-to-right decoder that only allows valid BIO sequences.
// Written here rather than taken from an NLP library because the model must be small (a few
// hundred kB of JSON), run offline in a browser worker with no dependencies, and tag megabytes
// per second; the libraries that fit none of these carry far more than a place-name tagger needs.
import type { Token } from './tokens.ts';
import { ContextScratch, LABELS, MAX_FEATURES, foldTokens, NUM_LABELS as LABEL_COUNT, START_LABEL, labelFeatures, staticFeatures } from './tagger-features.ts';
import type { NameClassLookup, TokenContext } from './tagger-features.ts';

export type { NameClassLookup } from './tagger-features.ts';

/** A module-local copy: some loaders (tsx, CommonJS interop) turn imported bindings into getter calls in hot loops. */
const NUM_LABELS: number = LABEL_COUNT;

export type EntityTag = 'LOC' | 'GPE' | 'PER' | 'ORG' | 'O';
export type EntityType = Exclude<EntityTag, 'O'>;

/** A recognised name: token indices (inclusive) and a confidence in 0..1. */
export interface EntitySpan {
  type: EntityType;
  first: number;
  last: number;
  /** Lowest per-token softmax probability of the chosen label across the span. */
  score: number;
}

/** A loaded model: weights of the kept feature rows and an open-addressing index over them. */
export interface TaggerModel {
  hashBits: number;
  /** Slot -> feature row (or -1), size a power of two. */
  slotRows: Int32Array;
  /**
   * The row's NUM_LABELS weights at slot * NUM_LABELS: laid out by slot, not by row, so a
   * feature costs two memory reads (its slot, its weights) instead of three.
   */
  weights: Float32Array;
}

/** Scores all labels for one token from its feature keys. */
export type Scorer = (features: Int32Array, count: number, scores: Float32Array) => void;

export const MODEL_FORMAT = 'article-atlas-tagger';

/** The serialised model (geo/data/tagger.json), written by geo/build/train-tagger.ts. */
export interface TaggerModelJson {
  format: typeof MODEL_FORMAT;
  version: 1;
  labels: string[];
  hashBits: number;
  /** Weights are stored as integers; weight = value / scale. */
  scale: number;
  /** base64 of varint deltas between sorted feature rows. */
  rows: string;
  /** base64 of varint bit masks: which labels of each row have a weight. */
  masks: string;
  /** base64 of little-endian int16 values, one per set mask bit. */
  values: string;
  /** Free-form provenance (data, epochs, held-out scores). */
  meta?: Record<string, unknown>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Base64Decoder = (s: string) => Uint8Array;

/** The platform's own decoder, where there is one: Uint8Array.fromBase64 in browsers, Buffer in Node. */
function platformBase64(): Base64Decoder | null {
  const typed = Uint8Array as unknown as { fromBase64?: Base64Decoder };
  if (typeof typed.fromBase64 === 'function') return (s) => typed.fromBase64!(s);
  const buffer = (globalThis as { Buffer?: { from(s: string, encoding: string): Uint8Array } }).Buffer;
  return buffer ? (s) => buffer.from(s, 'base64') : null;
}

const platformDecode = platformBase64();

/**
 * Base64 to bytes. The platform's decoder is ten times faster or more than the loop below (the
 * model's 570 kB of base64 took 10 ms of a worker's start in it); the loop serves runtimes with
 * neither. An invalid character throws either way, where Buffer alone would skip it.
 */
export function decodeBase64(s: string): Uint8Array {
  if (!platformDecode) return decodeBase64Loop(s);
  if (!BASE64.test(s)) throw new Error('tagger model: invalid base64');
  return platformDecode(s);
}

/** Base64 decoder with no dependency on the platform, so it runs in any JS runtime. */
export function decodeBase64Loop(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`tagger model: invalid base64 at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Varints into a typed array, counted first: half a million of them load in milliseconds. */
function readVarints(bytes: Uint8Array): Float64Array {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] < 0x80) count++;
  const out = new Float64Array(count);
  let value = 0;
  // 128 to the power of the byte's place, multiplied up: no bit shift (values pass 2^31) and no Math.pow per byte.
  let scale = 1;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) {
      out[n++] = value;
      value = 0;
      scale = 1;
    }
  }
  return out;
}

function slotOf(row: number, mask: number): number {
  return (Math.imul(row, 0x9e3779b1) >>> 0) & mask;
}

function expectField<T>(ok: boolean, name: string, value: T): T {
  if (!ok) throw new Error(`tagger model: invalid or missing "${name}"`);
  return value;
}

/** Validate the JSON of geo/data/tagger.json and build the in-memory model. Throws a precise message if it does not fit. */
export function loadTaggerModel(json: unknown): TaggerModel {
  const m = expectField(typeof json === 'object' && json !== null, 'model', json as Partial<TaggerModelJson>);
  expectField(m.format === MODEL_FORMAT && m.version === 1, 'format/version', 0);
  expectField(Array.isArray(m.labels) && m.labels.join() === LABELS.join(), 'labels', 0);
  const hashBits = expectField(Number.isInteger(m.hashBits) && m.hashBits! >= 8 && m.hashBits! <= 30, 'hashBits', m.hashBits!);
  const scale = expectField(typeof m.scale === 'number' && m.scale > 0, 'scale', m.scale!);
  for (const f of ['rows', 'masks', 'values'] as const) expectField(typeof m[f] === 'string', f, 0);
  const deltas = readVarints(decodeBase64(m.rows!));
  const masks = readVarints(decodeBase64(m.masks!));
  const valueBytes = decodeBase64(m.values!);
  expectField(deltas.length === masks.length, 'rows/masks length', 0);
  const values = new DataView(valueBytes.buffer, valueBytes.byteOffset, valueBytes.byteLength);
  return buildModel(hashBits, scale, deltas, masks, values);
}

function buildModel(hashBits: number, scale: number, deltas: Float64Array, masks: Float64Array, values: DataView): TaggerModel {
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, deltas.length * 2)));
  const slotRows = new Int32Array(size).fill(-1);
  const weights = new Float32Array(size * NUM_LABELS);
  let row = 0;
  let v = 0;
  for (let r = 0; r < deltas.length; r++) {
    row += deltas[r]!;
    let slot = slotOf(row, size - 1);
    while (slotRows[slot] !== -1) slot = (slot + 1) & (size - 1);
    slotRows[slot] = row;
    for (let l = 0; l < NUM_LABELS; l++) {
      if (!(masks[r]! & (1 << l))) continue;
      expectField(v * 2 + 2 <= values.byteLength, 'values length', 0);
      weights[slot * NUM_LABELS + l] = values.getInt16(2 * v++, true) / scale;
    }
  }
  expectField(v * 2 === values.byteLength, 'values length', 0);
  return { hashBits, slotRows, weights };
}

/** Sum the weights of the feature rows the model holds (a plain function: V8 optimises it better than a closure). */
function scoreFeatures(model: TaggerModel, features: Int32Array, count: number, scores: Float32Array): void {
  const { slotRows, weights } = model;
  const rowMask = ((1 << model.hashBits) - 1) | 0;
  const slotMask = (slotRows.length - 1) | 0;
  for (let l = 0; l < NUM_LABELS; l++) scores[l] = 0;
  for (let f = 0; f < count; f++) {
    const row = features[f]! & rowMask;
    let slot = slotOf(row, slotMask);
    let r = slotRows[slot]!;
    while (r !== row && r !== -1) {
      slot = (slot + 1) & slotMask;
      r = slotRows[slot]!;
    }
    if (r === -1) continue;
    const o = slot * NUM_LABELS;
    for (let l = 0; l < NUM_LABELS; l++) scores[l]! += weights[o + l]!;
  }
}

/** Scorer over a loaded model. */
export function modelScorer(model: TaggerModel): Scorer {
  return (features, count, scores) => scoreFeatures(model, features, count, scores);
}

/** I-X may only follow B-X or I-X; odd labels are B-, even labels (but O) are I-. */
export function allowed(label: number, prev: number): boolean {
  if (label === 0 || label % 2 === 1) return true;
  return prev === label || prev === label - 1;
}

/** Best allowed label given the previous one. */
function pick(scores: Float32Array, prev: number): number {
  let best = 0;
  for (let l = 1; l < NUM_LABELS; l++) if (allowed(l, prev) && scores[l]! > scores[best]!) best = l;
  return best;
}

/** Softmax probability of a label among the labels allowed after prev. */
function probability(scores: Float32Array, label: number, prev: number): number {
  let z = 0;
  for (let l = 0; l < NUM_LABELS; l++) if (allowed(l, prev)) z += Math.exp(Math.max(-30, scores[l]! - scores[label]!));
  return 1 / z;
}

/** Called per scored token while decoding; returns the label to carry forward (training uses it to update). */
export type OnToken = (i: number, features: Int32Array, count: number, predicted: number) => number;

/** Buffers of one token's features and scores; greedyDecode overwrites them for every token. */
const FEATURES = new Int32Array(MAX_FEATURES);
const SCORES = new Float32Array(NUM_LABELS);

/**
 * Greedy left-to-right decoding. Tokens on the fast path (ctx.scored = 0) are O without scoring.
 * Writes labels and probabilities into the given arrays.
 */
export function greedyDecode(ctx: TokenContext, scorer: Scorer, labels: Uint8Array, probs: Float32Array, onToken?: OnToken): void {
  const features = FEATURES;
  const scores = SCORES;
  let prev1: number = START_LABEL;
  let prev2: number = START_LABEL;
  for (let i = 0; i < ctx.n; i++) {
    let label = 0;
    let p = 1;
    if (ctx.scored[i]) {
      let count = staticFeatures(ctx, i, features);
      count = labelFeatures(ctx, i, prev1, prev2, features, count);
      scorer(features, count, scores);
      label = pick(scores, prev1);
      if (onToken) label = onToken(i, features, count, label);
      p = probability(scores, label, prev1);
    }
    labels[i] = label;
    probs[i] = p;
    prev2 = prev1;
    prev1 = label;
  }
}

const TYPES: readonly (EntityType | null)[] = [null, 'LOC', 'GPE', 'PER', 'ORG', null];

/** Turn BIO labels into spans; MISC spans are dropped. */
export function labelsToSpans(labels: Uint8Array, probs: Float32Array, n = labels.length): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    const continues = open !== null && label !== 0 && label % 2 === 0 && TYPES[label / 2] === open.type;
    if (continues) {
      open!.last = i;
      open!.score = Math.min(open!.score, probs[i]!);
      continue;
    }
    open = null;
    const type = label % 2 === 1 ? TYPES[(label + 1) / 2] : null;
    if (type) {
      open = { type, first: i, last: i, score: probs[i]! };
      spans.push(open);
    }
  }
  return spans;
}

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/**
 * Names start with a capital: the GMB sometimes tags "the Netherlands" or "southern Sudan"
 * whole, while gazetteers and gold standards hold only the name. Trailing punctuation is cut; spans with no letters go.
 */
function trimSpan(tokens: Token[], span: EntitySpan): EntitySpan | null {
  let first = span.first;
  let last = span.last;
  while (first < last && !UPPER.test(tokens[first]!.text)) first++;
  while (last > first && !LETTER.test(tokens[last]!.text)) last--; // "Ahmadbayli-" of a split compound
  return LETTER.test(tokens[first]!.text) ? { ...span, first, last } : null;
}

/** Length of the longest gazetteer name of class >= 2 (1..4 tokens) at one end of a span, or 0. */
function placeAtEdge(tokens: Token[], span: EntitySpan, gazetteer: NameClassLookup, atStart: boolean): number {
  const size = span.last - span.first + 1;
  for (let len = Math.min(4, size - 1); len >= 1; len--) {
    const from = atStart ? span.first : span.last - len + 1;
    const to = from + len - 1;
    if (!UPPER.test(tokens[from]!.text) || !UPPER.test(tokens[to]!.text) || tokens[from]!.text === 'The') continue;
    if (gazetteer(foldTokens(tokens, from, to)) >= 2) return len;
  }
  return 0;
}

/**
 * An organisation named after a place (U.S. Food and Drug Administration, Taco Bell Canada)
 * still mentions the place: add a LOC span for a country, region or big city at either end.
 */
function placesInOrganisations(tokens: Token[], spans: EntitySpan[], gazetteer: NameClassLookup): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const span of spans) {
    out.push(span);
    if (span.type !== 'ORG') continue;
    const head = placeAtEdge(tokens, span, gazetteer, true);
    if (head > 0) out.push({ type: 'LOC', first: span.first, last: span.first + head - 1, score: span.score });
    const tail = placeAtEdge(tokens, span, gazetteer, false);
    if (tail > 0) out.push({ type: 'LOC', first: span.last - tail + 1, last: span.last, score: span.score });
  }
  return out;
}

const MAX_NAME_TOKENS = 6;

function isNameAt(tokens: Token[], from: number, to: number, gazetteer: NameClassLookup): boolean {
  if (!UPPER.test(tokens[from]!.text) || !UPPER.test(tokens[to]!.text) || tokens[from]!.text === 'The') return false;
  return gazetteer(foldTokens(tokens, from, to)) === 3;
}

/**
 * Grow a LOC span to the longest country or region name around it (the tagger often stops at
 * "of the": "Democratic Republic" + "Congo"), so the name reaches the gazetteer whole.
 */
function extendToName(tokens: Token[], span: EntitySpan, gazetteer: NameClassLookup): EntitySpan {
  let best = span;
  for (let from = Math.max(0, span.last - MAX_NAME_TOKENS + 1); from <= span.first; from++) {
    for (let to = Math.min(tokens.length - 1, from + MAX_NAME_TOKENS - 1); to >= span.last; to--) {
      if (to - from <= best.last - best.first) break;
      if (isNameAt(tokens, from, to, gazetteer)) best = { ...span, first: from, last: to };
    }
  }
  return best;
}

/** Extend LOC spans to whole names and drop LOC spans that an extended one now covers (spans are in text order). */
function wholeNames(tokens: Token[], spans: EntitySpan[], gazetteer: NameClassLookup): EntitySpan[] {
  const out: (EntitySpan | null)[] = [];
  let lastLoc = -1;
  for (const span of spans) {
    if (span.type !== 'LOC') {
      out.push(span);
      continue;
    }
    const grown = extendToName(tokens, span, gazetteer);
    const prev = lastLoc >= 0 ? out[lastLoc]! : null;
    if (prev && prev.last >= grown.last) continue; // already covered by the previous name
    if (prev && grown.first <= prev.first) out[lastLoc] = null; // swallowed the previous part
    lastLoc = out.push(grown) - 1;
  }
  return out.filter((s): s is EntitySpan => s !== null);
}

/**
 * Tag a token sequence (a sentence or a whole article) and return its LOC/GPE/PER/ORG spans,
 * in text order. With a gazetteer, places at the edge of organisation names are added as
 * LOC spans that overlap the ORG span.
 */
export function tagTokens(tokens: Token[], model: TaggerModel, gazetteer?: NameClassLookup): EntitySpan[] {
  const ctx = scratch.context.build(tokens, textOf, 0, tokens.length, gazetteer);
  const { labels, probs } = scratch.decoded(ctx.n);
  greedyDecode(ctx, (features, count, scores) => scoreFeatures(model, features, count, scores), labels, probs);
  const spans: EntitySpan[] = [];
  for (const span of labelsToSpans(labels, probs, ctx.n)) {
    const trimmed = trimSpan(tokens, span);
    if (trimmed) spans.push(trimmed);
  }
  return gazetteer ? placesInOrganisations(tokens, wholeNames(tokens, spans, gazetteer), gazetteer) : spans;
}

const textOf = (t: Token) => t.text;

/**
 * Inference buffers reused from one sentence to the next (tagTokens runs once per sentence,
 * and is not re-entered: the gazetteer lookup it calls does not tag). Module-local.
 */
const scratch = {
  context: new ContextScratch(),
  labels: new Uint8Array(64),
  probs: new Float32Array(64),
  decoded(n: number): { labels: Uint8Array; probs: Float32Array } {
    if (n > this.labels.length) {
      this.labels = new Uint8Array(Math.max(n, 2 * this.labels.length));
      this.probs = new Float32Array(this.labels.length);
    }
    return this;
  },
};
