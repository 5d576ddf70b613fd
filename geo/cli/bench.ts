// npm run bench (first half): geoparsing speed, gazetteer load time and peak memory, printed,
// never asserted. Throughput runs on the GeoVirus texts repeated to at least 5 MB; the
// linearity line compares the same pipeline on 1 MB and 5 MB in one run (a ratio, not a time).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Gazetteer } from '../gazetteer/gazetteer.ts';
import { geoparse } from '../geoparse.ts';
import { loadResources } from '../resources-node.ts';

const CORPUS = new URL('../../../shared/data/eval/geovirus.jsonl', import.meta.url);
const FALLBACK = new URL('../data/default-article.txt', import.meta.url);

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function gazetteerLoad(): number[] {
  const gz = readFileSync(new URL('../data/gazetteer.txt.gz', import.meta.url));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const g = new Gazetteer(gunzipSync(gz).toString('utf8'));
    g.lookup('baku');
    times.push(performance.now() - t0);
  }
  return times;
}

function texts(): string[] {
  if (existsSync(CORPUS)) return readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  return [readFileSync(FALLBACK, 'utf8')];
}

/** Documents repeated until their total reaches `bytes`; one article at a time, as a newsroom would run it. */
function corpusOf(bytes: number): string[] {
  const docs = texts();
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    out.push(docs[i % docs.length]);
    total += Buffer.byteLength(docs[i % docs.length]);
  }
  return out;
}

function throughput(docs: string[]): { mb: number; seconds: number } {
  const resources = loadResources();
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  const t0 = performance.now();
  for (const d of docs) geoparse(d, resources);
  return { mb, seconds: (performance.now() - t0) / 1000 };
}

const load = gazetteerLoad();
console.log(`gazetteer load to a usable index: median ${median(load).toFixed(0)} ms (runs: ${load.map((t) => t.toFixed(0)).join(', ')})`);
const startup = performance.now();
loadResources();
console.log(`all resources (gazetteer, tagger, demonyms, outlines): ${(performance.now() - startup).toFixed(0)} ms`);
throughput(corpusOf(300_000)); // warm-up: let the JIT settle before measuring
const five = throughput(corpusOf(5_000_000));
console.log(`throughput, GeoVirus texts to ${five.mb.toFixed(1)} MB: ${(five.mb / five.seconds).toFixed(2)} MB/s (${five.seconds.toFixed(2)} s, one core)`);
const one = throughput(corpusOf(1_000_000));
console.log(`linearity: 5 MB took ${(five.seconds / one.seconds).toFixed(2)}x the time of 1 MB (${(five.mb / one.mb).toFixed(2)}x the text)`);
// One long document (a 20 MB paste): the same pipeline on 5 MB and on 20 MB of one text.
const longText = corpusOf(20_000_000).join('\n').slice(0, 20_000_000);
const timeOf = (text: string) => {
  const t0 = performance.now();
  geoparse(text, loadResources());
  return (performance.now() - t0) / 1000;
};
const fiveMb = timeOf(longText.slice(0, 5_000_000));
const twentyMb = timeOf(longText);
console.log(`one long document: 5 MB in ${fiveMb.toFixed(1)} s, 20 MB in ${twentyMb.toFixed(1)} s (${(twentyMb / fiveMb).toFixed(2)}x the time for 4x the text)`);
sample();
clearInterval(timer);
console.log(`peak memory (RSS): ${(peakRss / 1e6).toFixed(0)} MB`);
