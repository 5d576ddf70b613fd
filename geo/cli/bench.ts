// npm run bench (first part): the geoparsing core in one process and one thread, printed,
// never asserted. Throughput on text the process has not seen before (bench-corpus.ts), with
// the same text again beside it to show what the gazetteer's memo and a warm JIT are worth;
// linearity as ratios of two runs in the same process. The whole command, start-up included,
// is tests/bench/cli-bench.ts.
import { readdirSync, statSync } from 'node:fs';
import { loadGazetteer } from '../gazetteer/node.ts';
import { geoparse } from '../geoparse.ts';
import { loadResources } from '../resources-node.ts';
import { generatedCorpus, hasGeoVirus, megabytesOf, realCorpus, type BenchDoc } from './bench-corpus.ts';

const DATA = new URL('../data/', import.meta.url);
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1e9);

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

const seconds = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const rate = (docs: BenchDoc[], s: number) => `${(megabytesOf(docs) / s).toFixed(2)} MB/s`;

// Resources first, in a cold process: what every command and every batch worker pays once.
const resourcesSeconds = seconds(loadResources);
const resources = loadResources();
const run = (docs: BenchDoc[]) => seconds(() => docs.forEach((d) => geoparse(d.text, resources)));

console.log(`core, one thread, in process; generated corpus seed ${seed}`);
console.log(`all resources (world gazetteer tier, tagger, lexicons, outlines), cold: ${ms(resourcesSeconds)}`);
const world = [1, 2, 3].map(() => seconds(() => loadGazetteer({ tiers: 'world' }).lookup('baku')));
const all = [1, 2, 3].map(() => seconds(() => loadGazetteer({ tiers: 'all' }).lookup('baku')));
console.log(`gazetteer to a usable index, warm process (median of 3): world tier ${ms(median(world))} (what loadResources loads; country tiers follow on their first name), every tier at once ${ms(median(all))}`);

if (hasGeoVirus()) {
  const real = realCorpus(seed);
  const first = run(real);
  console.log(`real text seen once (GeoVirus + golden, ${megabytesOf(real).toFixed(2)} MB, cold code): ${rate(real, first)}; the same again: ${rate(real, run(real))}`);
}
const unseen = generatedCorpus(5, seed);
const firstPass = run(unseen);
const again = run(unseen);
console.log(`generated unseen news-like text, ${megabytesOf(unseen).toFixed(1)} MB, first pass: ${rate(unseen, firstPass)} (${firstPass.toFixed(2)} s); the same text again: ${rate(unseen, again)}`);
const oneMb = generatedCorpus(1, seed + 1);
const fiveMb = generatedCorpus(5, seed + 2);
const t1 = run(oneMb);
const t5 = run(fiveMb);
console.log(`linearity, new text each: ${megabytesOf(fiveMb).toFixed(1)} MB took ${(t5 / t1).toFixed(2)}x the time of ${megabytesOf(oneMb).toFixed(1)} MB (${(megabytesOf(fiveMb) / megabytesOf(oneMb)).toFixed(2)}x the text)`);
// One long document (a 20 MB paste) against its first quarter.
const long = generatedCorpus(20, seed + 3).map((d) => d.text).join('\n');
const quarter = seconds(() => geoparse(long.slice(0, long.length >> 2), resources));
const whole = seconds(() => geoparse(long, resources));
console.log(`one long document: ${(long.length / 4e6).toFixed(1)} MB in ${quarter.toFixed(1)} s, ${(long.length / 1e6).toFixed(1)} MB in ${whole.toFixed(1)} s (${(whole / quarter).toFixed(2)}x the time for 4x the text)`);
sample();
clearInterval(timer);
console.log(`peak memory (RSS) over this bench: ${(peakRss / 1e6).toFixed(0)} MB`);
const tiers = readdirSync(new URL('gazetteer/', DATA)).map((f) => statSync(new URL(`gazetteer/${f}`, DATA)).size);
const worldBytes = statSync(new URL('gazetteer/gazetteer-world.txt.gz', DATA)).size;
console.log(
  `gazetteer: world tier ${(worldBytes / 1e6).toFixed(2)} MB gzipped, ${tiers.length - 1} country tiers ${((tiers.reduce((a, b) => a + b, 0) - worldBytes) / 1e6).toFixed(2)} MB gzipped, ${resources.gazetteer.size.toLocaleString('en')} places in all; tagger ${(statSync(new URL('tagger.json', DATA)).size / 1e3).toFixed(0)} kB`,
);
