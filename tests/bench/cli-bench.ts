// npm run bench (second part): the geoparse command measured from outside, as a whole process
// (`node geo/cli/dist/geoparse.js --batch`), on text the process has not seen before. Printed,
// never asserted. Two corpora of geo/cli/bench-corpus.ts, each read once: the real texts
// (GeoVirus and the golden texts, shuffled, 0.4 MB) and generated news-like text (20 MB by
// default; BENCH_MB sets it).
// For each: MB/s of the whole process, start-up (to the first output line) apart from the
// steady state, with one job and with the default jobs, against a bare capitalised-word scan
// over the same text in the same run (the ceiling), and peak memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedCorpus, hasGeoVirus, realCorpus, type BenchDoc } from '../../geo/cli/bench-corpus.ts';
import { buildCli, DEFAULT_OUT_DIR } from '../../geo/cli/build.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const GOLDEN = join(ROOT, 'tests/golden/in');
const BUNDLE = join(DEFAULT_OUT_DIR, 'geoparse.js');
const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-bench-'));

function writeJsonl(name: string, docs: BenchDoc[]): { path: string; bytes: number[] } {
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
}
const { user, system } = process.cpuUsage();
process.stderr.write(JSON.stringify({ cpuSeconds: (user + system) / 1e6 }) + '\\n');`;

interface Timing {
  seconds: number;
  firstLine: number;
  /** Seconds at which each output line arrived. */
  lines: number[];
  stderr: string;
  outputBytes: number;
}

function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Sorts `xs` in place and returns their median. */
function median(xs: number[]): number {
  xs.sort((a, b) => a - b);
  return (xs[(xs.length - 1) >> 1] + xs[xs.length >> 1]) / 2;
}

async function measure(label: string, corpus: { path: string; bytes: number[] }, jobs: number[]): Promise<void> {
  const scanFile = join(dir, 'scan.mjs');
  writeFileSync(scanFile, SCAN);
  const scan = await timed([scanFile, corpus.path]);
  const scanRate = rates(scan, corpus.bytes);
  const scanCpu = JSON.parse(scan.stderr).cpuSeconds as number;
  console.log(`${label}: ${f2(scanRate.mb)} MB in ${corpus.bytes.length} documents; load average ${loadavg()[0].toFixed(1)}; capitalised-word scan ${f2(scanRate.whole)} MB/s whole process, ${f2(scanRate.mb / scanCpu)} MB per CPU second`);
  for (const j of jobs) {
    const t = await timed([BUNDLE, '--batch', corpus.path, '--jobs', String(j), '--stats']);
    const r = rates(t, corpus.bytes);
    const stats = JSON.parse(t.stderr.trim().split('\n').pop()!);
    const heap = stats.workers.map((w: { heapAfterLoadMb: number; heapPeakMb: number }) => `${w.heapAfterLoadMb.toFixed(0)}→${w.heapPeakMb.toFixed(0)}`).join(', ');
    console.log(
      `  --jobs ${j}: ${f2(r.whole)} MB/s whole process (${f2(t.seconds)} s), first result ${f2(t.firstLine)} s, steady ${f2(r.steady)} MB/s, ${f2(r.mb / stats.cpuSeconds)} MB per CPU second; ` +
        `${f2(r.whole / scanRate.whole)}x the scan; output ${f2(t.outputBytes / 1e6)} MB; peak RSS ${stats.maxRssMb} MB, worker heap MB (loaded→peak) ${heap}`,
    );
  }
  const compact = await timed([BUNDLE, '--batch', corpus.path, '--compact']);
  console.log(`  --compact: ${f2(rates(compact, corpus.bytes).whole)} MB/s whole process, output ${f2(compact.outputBytes / 1e6)} MB`);
}

/**
 * The command's compiler settings (geo/cli/compiler-flags.ts) against V8's defaults: adjacent
 * pairs of runs on the same unseen text, in alternating order, so that a machine that slows
 * down or speeds up during the bench weighs on both sides alike.
 */
async function compilerSettings(corpus: { path: string }, jobs: number[], pairs = 4): Promise<void> {
  const defaults = { ...process.env, GEOPARSE_V8_DEFAULTS: '1' };
  for (const j of jobs) {
    const args = [BUNDLE, '--batch', corpus.path, '--jobs', String(j)];
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      const first = i % 2 === 0;
      const a = await timed(args, first ? process.env : defaults);
      const b = await timed(args, first ? defaults : process.env);
      ratios.push(first ? a.seconds / b.seconds : b.seconds / a.seconds);
    }
    const middle = median(ratios);
    console.log(`  compiler settings against V8's defaults, --jobs ${j}: wall time ${ratios.map(f2).join(', ')}x (median ${f2(middle)}x) over ${pairs} adjacent pairs`);
  }
}

/** Seconds from spawn to the first output line, after which the process is killed. */
function untilFirstLine(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('error', reject);
    child.stdout.once('data', () => {
      resolve((performance.now() - t0) / 1000);
      child.kill('SIGKILL');
    });
    child.on('close', (code) => reject(new Error(`${args.join(' ')} ended (${code}) before its first line`)));
  });
}

/**
 * The first result on its own, over many runs: one run per measure above says little of a
 * figure this close to start-up, which moves by a tenth of a second with the machine's load.
 */
async function firstResults(corpus: { path: string }, jobs: number[], runs = 11): Promise<void> {
  // Node's own start to a first line, in turns with the command's: the floor, in the same minutes.
  const bare = ['-e', 'process.stdout.write("x\\n")'];
  const byJobs = new Map<number, number[]>(jobs.map((j) => [j, []]));
  const node: number[] = [];
  for (let r = 0; r < runs; r++) {
    node.push(await untilFirstLine(bare));
    for (const j of jobs) byJobs.get(j)!.push(await untilFirstLine([BUNDLE, '--batch', corpus.path, '--jobs', String(j)]));
  }
  const floor = median(node);
  console.log(`  first line of a bare node process: median ${f2(floor)} s over ${runs} runs`);
  for (const [j, xs] of byJobs) {
    const middle = median(xs);
    console.log(`  first result, --jobs ${j}: median ${f2(middle)} s over ${runs} runs (range ${f2(xs[0])}-${f2(xs[runs - 1])}), ${f2(middle - floor)} s after node's own start`);
  }
}

async function singleStartup(): Promise<void> {
  const file = join(GOLDEN, 'karabakh.txt');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await timed([BUNDLE, file])).seconds);
  console.log(`single document (karabakh.txt, 2.9 kB), whole process to its FeatureCollection: median ${f2(median(runs))} s (runs ${runs.map(f2).join(', ')}; load average ${loadavg()[0].toFixed(1)})`);
}

await buildCli();
const cores = availableParallelism();
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1e9);
console.log(`geoparse command, whole process, ${cores} cores; generated corpus seed ${seed}`);
await singleStartup();
if (hasGeoVirus()) await measure('real (GeoVirus + golden, each once, shuffled)', writeJsonl('real.jsonl', realCorpus(seed)), [1, cores]);
const generated = writeJsonl('generated.jsonl', generatedCorpus(Number(process.env.BENCH_MB ?? 20), seed));
await measure('generated news-like, unseen', generated, [1, cores]);
await firstResults(generated, [1, cores]);
await compilerSettings(writeJsonl('settings.jsonl', generatedCorpus(3, seed + 1)), [1, cores]);
