// Trains the place-name tagger on the Groningen Meaning Bank NER data and writes
// geo/data/tagger.json. Reproducible: fixed shuffle seed, fixed held-out split (last 10%).
// Usage: npm run --silent build:tagger   (env TAGGER_EPOCHS, TAGGER_PRUNE to experiment)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fold } from '../text/fold.ts';
import { tokenize } from '../recognise/tokens.ts';
import type { Token } from '../recognise/tokens.ts';
import { LABELS, NUM_LABELS as LABEL_COUNT, buildContext } from '../recognise/tagger-features.ts';
import type { NameClassLookup, TokenContext } from '../recognise/tagger-features.ts';
import { MODEL_FORMAT, greedyDecode, labelsToSpans, loadTaggerModel, modelScorer } from '../recognise/tagger.ts';
import type { EntitySpan, Scorer, TaggerModelJson } from '../recognise/tagger.ts';
import { loadTrainingGazetteer } from './tagger-gazetteer.ts';

const ZIP = fileURLToPath(new URL('../../../shared/data/ner/gmb-ner-dataset.csv.zip', import.meta.url));
const OUT = fileURLToPath(new URL('../data/tagger.json', import.meta.url));
const WORDS_OUT = fileURLToPath(new URL('../data/common-words.json', import.meta.url));
const HASH_BITS = 22;
const EPOCHS = Number(process.env.TAGGER_EPOCHS ?? 6);
/** Averaged weights below this magnitude are dropped: 2.5 shrinks the model 4x for -0.001 held-out LOC F1. */
const PRUNE = Number(process.env.TAGGER_PRUNE ?? 2.5);
const SEED = 20240919;
const HELD_OUT = 0.1;
/** Local copy: an imported binding can compile to a getter call, too slow for the inner loops. */
const NUM_LABELS: number = LABEL_COUNT;

/** One GMB sentence: words with their POS and BIO tags. */
interface GmbSentence {
  words: string[];
  pos: string[];
  tags: string[];
}

/** A training example in the run-time token model. */
interface Example {
  tokens: Token[];
  gold: Uint8Array;
  ctx: TokenContext;
}

/** Split one CSV line, honouring double quotes (the GMB quotes "," and numbers like "1,000"). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

/** Read the single CSV of the zip (latin-1) into sentences. */
function readGmb(): GmbSentence[] {
  const csv = execFileSync('unzip', ['-p', ZIP], { maxBuffer: 64 << 20 }).toString('latin1');
  const sentences: GmbSentence[] = [];
  const lines = csv.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [sid, word, pos, tag] = splitCsv(lines[i]!);
    if (sid !== '' || sentences.length === 0) sentences.push({ words: [], pos: [], tags: [] });
    const s = sentences[sentences.length - 1]!;
    s.words.push(word ?? '');
    s.pos.push(pos ?? '');
    s.tags.push(tag ?? 'O');
  }
  return sentences;
}

const GMB_TYPES: Record<string, string> = { geo: 'LOC', gpe: 'GPE', per: 'PER', org: 'ORG', art: 'MISC', eve: 'MISC', nat: 'MISC' };

/**
 * GMB entity types per word, as our types. GMB `gpe` covers demonyms (Iraqi) and a few
 * country names (Nepal, Sudan): a proper-noun gpe entity whose whole name is a country or
 * first-level division in the gazetteer is a place, so it becomes LOC. The same holds for a
 * one-word `org` that is a country name: the GMB tags "UK" and "US" org where it tags "U.S."
 * geo, and GeoVirus, like most gold standards, counts such metonyms as toponyms.
 */
function wordTypes(s: GmbSentence, gazetteer: NameClassLookup): string[] {
  const types = s.tags.map((t) => (t === 'O' ? 'O' : (GMB_TYPES[t.slice(2)] ?? 'O')));
  for (let i = 0; i < s.tags.length; i++) {
    const gpe = s.tags[i] === 'B-gpe';
    if (!gpe && s.tags[i] !== 'B-org') continue;
    let j = i;
    while (j + 1 < s.tags.length && s.tags[j + 1]!.startsWith('I-')) j++;
    if (!gpe && j > i) continue;
    const properNoun = s.pos.slice(i, j + 1).every((p) => p === 'NNP');
    if (properNoun && gazetteer(fold(s.words.slice(i, j + 1).join(' '))) === 3) for (let k = i; k <= j; k++) types[k] = 'LOC';
  }
  return types;
}

/** Words that the GMB tags as a one-word place nearly always (U.S., Iraq): parts of compounds like U.S.-led. */
function placeWords(sentences: GmbSentence[]): Set<string> {
  const seen = new Map<string, [number, number]>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const c = seen.get(w) ?? [0, 0];
      c[0]++;
      if (s.tags[i] === 'B-geo' && s.tags[i + 1] !== 'I-geo') c[1]++;
      seen.set(w, c);
    });
  }
  return new Set([...seen].filter(([, [n, geo]]) => n >= 5 && geo / n >= 0.7).map(([w]) => w));
}

/** A part of a hyphenated non-entity word that names a place: GeoVirus-style "Sydney-based". */
function isPlacePart(part: string, gazetteer: NameClassLookup, places: Set<string>): boolean {
  return /^\p{Lu}/u.test(part) && (places.has(part) || gazetteer(fold(part)) >= 2);
}

/**
 * Re-tokenise each GMB word with the run-time tokenizer (the GMB keeps "Russia-brokered" whole)
 * and carry its tag to the pieces: B- on the first piece, I- on the rest.
 */
function toExample(s: GmbSentence, gazetteer: NameClassLookup, places: Set<string>): Example {
  const types = wordTypes(s, gazetteer);
  const tokens: Token[] = [];
  const gold: number[] = [];
  let offset = 0;
  s.words.forEach((word, w) => {
    const pieces = tokenize(word);
    const type = types[w]!;
    pieces.forEach((p, k) => {
      tokens.push({ text: p.text, start: offset + p.start, end: offset + p.end });
      let label = 'O';
      if (type !== 'O') label = (k === 0 && s.tags[w]!.startsWith('B') ? 'B-' : 'I-') + type;
      else if (pieces.length > 1 && isPlacePart(p.text, gazetteer, places)) label = 'B-LOC';
      gold.push(LABELS.indexOf(label as (typeof LABELS)[number]));
    });
    offset += word.length + 1; // the sentence text is the words joined by spaces
  });
  return { tokens, gold: Uint8Array.from(gold), ctx: buildContext(tokens.map((t) => t.text), gazetteer) };
}

/** Mulberry32: a small seeded PRNG so the shuffle, and so the model, is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Dense weights for training, with the running sums for averaging (Daumé's trick: avg = w - u/c). */
class Perceptron {
  readonly w = new Float32Array(NUM_LABELS << HASH_BITS);
  readonly u = new Float64Array(NUM_LABELS << HASH_BITS);
  c = 1;
  private readonly mask = (1 << HASH_BITS) - 1;

  readonly scorer: Scorer = (features, count, scores) => {
    scores.fill(0);
    for (let f = 0; f < count; f++) {
      const o = (features[f]! & this.mask) * NUM_LABELS;
      for (let l = 0; l < NUM_LABELS; l++) scores[l]! += this.w[o + l]!;
    }
  };

  update(features: Int32Array, count: number, gold: number, predicted: number): void {
    for (let f = 0; f < count; f++) {
      const o = (features[f]! & this.mask) * NUM_LABELS;
      this.w[o + gold]! += 1;
      this.u[o + gold]! += this.c;
      this.w[o + predicted]! -= 1;
      this.u[o + predicted]! -= this.c;
    }
  }

  averaged(): Float32Array {
    const avg = new Float32Array(this.w.length);
    for (let i = 0; i < avg.length; i++) avg[i] = this.w[i]! - this.u[i]! / this.c;
    return avg;
  }
}

function trainEpoch(model: Perceptron, examples: Example[]): number {
  let errors = 0;
  for (const ex of examples) {
    const labels = new Uint8Array(ex.ctx.n);
    const probs = new Float32Array(ex.ctx.n);
    greedyDecode(ex.ctx, model.scorer, labels, probs, (i, features, count, predicted) => {
      const gold = ex.gold[i]!;
      if (predicted !== gold) {
        model.update(features, count, gold, predicted);
        errors++;
      }
      model.c++;
      return predicted;
    });
  }
  return errors;
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Prune small weights, quantise the rest to int16 and pack them as base64 (see TaggerModelJson). */
function serialise(avg: Float32Array, meta: Record<string, unknown>): TaggerModelJson {
  let maxAbs = 0;
  for (const v of avg) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = Math.floor(32767 / maxAbs);
  const rows: number[] = [];
  const masks: number[] = [];
  const values: number[] = [];
  let lastRow = 0;
  for (let r = 0; r < 1 << HASH_BITS; r++) {
    let mask = 0;
    for (let l = 0; l < NUM_LABELS; l++) {
      const q = Math.round(avg[r * NUM_LABELS + l]! * scale);
      if (Math.abs(avg[r * NUM_LABELS + l]!) < PRUNE || q === 0) continue;
      mask |= 1 << l;
      values.push(q);
    }
    if (mask === 0) continue;
    writeVarint(rows, r - lastRow);
    writeVarint(masks, mask);
    lastRow = r;
  }
  const valueBytes = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => valueBytes.writeInt16LE(v, i * 2));
  return {
    format: MODEL_FORMAT,
    version: 1,
    labels: [...LABELS],
    hashBits: HASH_BITS,
    scale,
    rows: Buffer.from(rows).toString('base64'),
    masks: Buffer.from(masks).toString('base64'),
    values: valueBytes.toString('base64'),
    meta,
  };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function spanKey(s: EntitySpan): string {
  return `${s.type}:${s.first}:${s.last}`;
}

/** Exact-span precision/recall/F1 per type on held-out examples, with the shipped (quantised) model. */
function evaluate(examples: Example[], scorer: Scorer): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const get = (t: string): Counts => counts.get(t) ?? counts.set(t, { tp: 0, fp: 0, fn: 0 }).get(t)!;
  for (const ex of examples) {
    const labels = new Uint8Array(ex.ctx.n);
    const probs = new Float32Array(ex.ctx.n);
    greedyDecode(ex.ctx, scorer, labels, probs);
    const predicted = new Set(labelsToSpans(labels, probs).map(spanKey));
    const gold = new Set(labelsToSpans(ex.gold, new Float32Array(ex.ctx.n).fill(1)).map(spanKey));
    for (const k of predicted) get(k.split(':')[0]!)[gold.has(k) ? 'tp' : 'fp']++;
    for (const k of gold) if (!predicted.has(k)) get(k.split(':')[0]!).fn++;
  }
  return counts;
}

function report(counts: Map<string, Counts>): Record<string, { p: number; r: number; f1: number; support: number }> {
  const out: Record<string, { p: number; r: number; f1: number; support: number }> = {};
  console.log('type  precision  recall  F1     gold');
  for (const type of ['LOC', 'GPE', 'PER', 'ORG']) {
    const { tp, fp, fn } = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    const f1 = (2 * p * r) / Math.max(1e-9, p + r);
    out[type] = { p: +p.toFixed(4), r: +r.toFixed(4), f1: +f1.toFixed(4), support: tp + fn };
    console.log(`${type.padEnd(5)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)} ${f1.toFixed(3).padStart(6)} ${String(tp + fn).padStart(7)}`);
  }
  return out;
}

/** Gold entity tokens that the fast path (far from any capital) would label O without scoring. */
function fastPathMisses(examples: Example[]): number {
  let missed = 0;
  for (const ex of examples) for (let i = 0; i < ex.ctx.n; i++) if (ex.gold[i] !== 0 && !ex.ctx.scored[i]) missed++;
  return missed;
}

/**
 * Words the news writes in lower case when they are not opening a sentence ("hospital",
 * "human", "drug"): capitalised alone, they are parts of names of buildings and bodies
 * ("Children's Hospital", "Human Rights Watch"), not places, whatever a gazetteer lists.
 */
function commonWords(sentences: GmbSentence[]): string[] {
  const counts = new Map<string, [number, number]>();
  for (const s of sentences) {
    for (let i = 1; i < s.words.length; i++) {
      const w = s.words[i]!;
      if (!/^[A-Za-z]+$/.test(w)) continue;
      const lower = w.toLowerCase();
      const c = counts.get(lower) ?? [0, 0];
      c[0]++;
      if (w === lower) c[1]++;
      counts.set(lower, c);
    }
  }
  return [...counts].filter(([, [n, low]]) => n >= 10 && low >= 0.75 * n).map(([w]) => w).sort();
}

function main(): void {
  const t0 = Date.now();
  const gazetteer = loadTrainingGazetteer();
  const sentences = readGmb();
  const words = commonWords(sentences);
  writeFileSync(WORDS_OUT, JSON.stringify(words) + '\n');
  console.log(`wrote ${WORDS_OUT}: ${words.length} common lower-case words`);
  const places = placeWords(sentences);
  const examples = sentences.map((s) => toExample(s, gazetteer, places));
  const split = Math.floor(examples.length * (1 - HELD_OUT));
  const train = examples.slice(0, split);
  const heldOut = examples.slice(split);
  console.log(`${sentences.length} sentences, ${train.length} train / ${heldOut.length} held out; prepared in ${Date.now() - t0} ms`);
  console.log(`held-out gold entity tokens on the fast path (labelled O unscored): ${fastPathMisses(heldOut)}`);
  const model = new Perceptron();
  const random = prng(SEED);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    shuffle(train, random);
    const errors = trainEpoch(model, train);
    console.log(`epoch ${epoch}: ${errors} token errors (${Date.now() - t0} ms)`);
  }
  const json = serialise(model.averaged(), { data: 'Groningen Meaning Bank NER (GMB 2.2 via Kaggle "Annotated Corpus for NER")', epochs: EPOCHS, prune: PRUNE, seed: SEED });
  const scores = report(evaluate(heldOut, modelScorer(loadTaggerModel(json))));
  json.meta = { ...json.meta, heldOut: scores };
  const text = JSON.stringify(json);
  writeFileSync(OUT, text + '\n');
  console.log(`wrote ${OUT}: ${(text.length / 1024).toFixed(0)} kB, ${(gzipSync(text).length / 1024).toFixed(0)} kB gzipped, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
