// The geoparsing core of this checkout against another one (a git worktree of main, say), in
// one process, on text neither has seen. Printed, never asserted.
//   npx tsx tests/bench/core-ab.ts <other checkout> [megabytes, default 3]
// Whole-process runs on this shared machine differ by a tenth or more from one run to the next,
// more than most changes to the core are worth; here both cores geoparse each document in turn,
// in alternating order, so a slow second of the machine slows both, and the time ratio holds
// to 2-3% (3 MB, this checkout against a copy of itself, 7 runs: 0.976-1.022; whole processes
// on the same text, 0.84-1.30 in single pairs). Each core has its own resources, and so its
// own memos. Every document's output is compared, so a change meant to keep the results shows
// here if it does not.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedCorpus, megabytesOf } from '../../geo/cli/bench-corpus.ts';
import * as here from '../../geo/geoparse.ts';
import { loadResources } from '../../geo/resources-node.ts';

type Core = { name: string; parse: (text: string) => unknown; seconds: number };

const [otherDir, megabytesArg] = process.argv.slice(2);
if (!otherDir || !existsSync(resolve(otherDir, 'geo/geoparse.ts'))) {
  console.error('Usage: npx tsx tests/bench/core-ab.ts <other checkout> [megabytes]  (a directory with geo/geoparse.ts)');
  process.exit(2);
}
const megabytes = Number(megabytesArg ?? 3);
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1e9);
/** The first documents run on cold code, which would weigh one core's compilation against the other's. */
const WARM_UP_BYTES = 300_000;

async function otherCore(dir: string): Promise<Core> {
  const geoparse = (await import(pathToFileURL(resolve(dir, 'geo/geoparse.ts')).href)) as typeof here;
  const resourcesModule = (await import(pathToFileURL(resolve(dir, 'geo/resources-node.ts')).href)) as { loadResources: () => unknown };
  const resources = resourcesModule.loadResources() as here.GeoparseResources;
  return { name: `other (${dir})`, parse: (text) => geoparse.geoparse(text, resources), seconds: 0 };
}

const resources = loadResources();
const cores: [Core, Core] = [{ name: 'this checkout', parse: (text) => here.geoparse(text, resources), seconds: 0 }, await otherCore(otherDir)];
const docs = generatedCorpus(megabytes, seed);
console.log(`core A/B: ${megabytesOf(docs).toFixed(2)} MB of generated news (seed ${seed}, ${docs.length} documents); timing starts after ${WARM_UP_BYTES / 1000} kB`);

/** Bytes of text after the warm-up, each fifth of which gives one ratio. */
const fifthBytes = (megabytesOf(docs) * 1e6 - WARM_UP_BYTES) / 5;
let seen = 0;
let timedBytes = 0;
const differing: string[] = [];
/** The time ratio over each fifth of the timed text: how steady the comparison was. */
const fifths: number[] = [];
let fifth = [0, 0];
for (const [i, doc] of docs.entries()) {
  const order = i % 2 ? [1, 0] : [0, 1];
  const outputs: string[] = [];
  const took = [0, 0];
  for (const k of order) {
    const t0 = performance.now();
    const out = cores[k].parse(doc.text);
    took[k] = performance.now() - t0;
    outputs[k] = JSON.stringify(out);
  }
  if (outputs[0] !== outputs[1]) differing.push(doc.id);
  const bytes = Buffer.byteLength(doc.text);
  seen += bytes;
  if (seen <= WARM_UP_BYTES) continue;
  timedBytes += bytes;
  cores[0].seconds += took[0] / 1000;
  cores[1].seconds += took[1] / 1000;
  fifth = [fifth[0] + took[0], fifth[1] + took[1]];
  if (timedBytes >= (fifths.length + 1) * fifthBytes - 1) {
    fifths.push(fifth[0] / fifth[1]);
    fifth = [0, 0];
  }
}

for (const core of cores) console.log(`  ${core.name}: ${(timedBytes / 1e6 / core.seconds).toFixed(3)} MB/s`);
console.log(`  time, this / other: ${(cores[0].seconds / cores[1].seconds).toFixed(3)} (by fifths of the text: ${fifths.map((r) => r.toFixed(3)).join(', ')})`);
console.log(`  documents whose output differs: ${differing.length} of ${docs.length}${differing.length ? ` (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', ...' : ''})` : ''}`);
