// npm run --silent eval -- <corpus.jsonl> [--errors]
// Scores the geoparser on a corpus in the format of SCORING.md and prints a table (exact and
// lenient matching). --errors also lists missed and spurious toponyms, for development;
// --with-unresolved also counts the names it recognised but could not place.
import { readFileSync } from 'node:fs';
import { inputPath } from './args.ts';
import { geoparse } from '../geoparse.ts';
import { loadResources } from '../resources-node.ts';
import { unresolvedShares } from '../eval/unresolved.ts';
import { matchDocument, scoreCorpus, type GoldToponym, type PredictedToponym } from '../eval/score.ts';
import type { PlaceCollection } from '../types.ts';

interface CorpusDocument {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

/**
 * The toponyms the geoparser asserts: the mentions of the places it located. Names it
 * recognised but could not place (`unresolved`) are listed in its output for the reader, and
 * count here only with --with-unresolved: on GeoVirus three in four of them are not places.
 */
export function predictionsOf(places: PlaceCollection, withUnresolved = false): PredictedToponym[] {
  const out: PredictedToponym[] = [];
  for (const f of places.features) {
    const [lon, lat] = f.properties.point;
    for (const m of f.properties.mentions) out.push({ start: m.start, end: m.end, name: m.text, lat, lon });
  }
  if (withUnresolved) for (const u of places.unresolved ?? []) for (const m of u.mentions) out.push({ start: m.start, end: m.end, name: m.text, lat: null, lon: null });
  return out.sort((a, b) => a.start - b.start);
}

// Run as a command (the bundle eval.js, or this file under tsx), not when a test imports predictionsOf.
if (/eval\.[jt]s$/.test(process.argv[1] ?? "")) main();
function main() {
const [path, ...flags] = process.argv.slice(2);
const flag = flags.includes('--errors') ? '--errors' : undefined;
if (!path) {
  process.stderr.write('usage: npm run --silent eval -- <corpus.jsonl> [--errors] [--with-unresolved]\n');
  process.exit(1);
}
const corpus: CorpusDocument[] = readFileSync(inputPath(path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const resources = loadResources();
const started = performance.now();
const collections = corpus.map((d) => geoparse(d.text, resources));
const docs = corpus.map((d, i) => ({ id: d.id, text: d.text, gold: d.toponyms, predicted: predictionsOf(collections[i], flags.includes('--with-unresolved')) }));
const seconds = (performance.now() - started) / 1000;

const f3 = (x: number) => x.toFixed(3).replace(/^0/, '');
console.log(`${path}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold toponyms, geoparsed in ${seconds.toFixed(1)} s\n`);
console.log('| matching | P | R | F1 | acc@161 | acc@161 end-to-end | mean km | median km | AUC |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const criterion of ['exact', 'lenient'] as const) {
  const s = scoreCorpus(docs, criterion);
  console.log(`| ${criterion} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.acc161)} | ${f3(s.acc161EndToEnd)} | ${s.meanKm.toFixed(0)} | ${s.medianKm.toFixed(1)} | ${f3(s.auc)} |`);
}
console.log('\n| recognised names (distinct per document) | placed | not placed | share not placed |');
console.log('|---|---|---|---|');
for (const r of unresolvedShares(collections)) console.log(`| ${r.group} | ${r.placed} | ${r.unplaced} | ${(r.share * 100).toFixed(1)}% |`);
if (flag === '--errors') {
  for (const d of docs) {
    const m = matchDocument(d.gold.filter((g) => g.lat !== null), d.predicted, 'lenient');
    const far = m.pairs.filter(([g, p]) => p.lat !== null && Math.hypot(g.lat! - p.lat, g.lon! - p.lon!) > 1.45);
    if (!m.missed.length && !m.spurious.length && !far.length) continue;
    console.log(`\n${d.id}`);
    for (const g of m.missed) console.log(`  missed   ${g.name}`);
    for (const p of m.spurious) console.log(`  spurious ${p.name}`);
    for (const [g, p] of far) console.log(`  far      ${g.name} gold ${g.lat},${g.lon} got ${p.lat},${p.lon}`);
  }
}
}
