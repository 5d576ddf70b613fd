// npm run bench (part): what the gazetteer's tiers cost a reader's article in the browser, and
// what they change. Printed, never asserted. Each text is geoparsed as the app's worker does it
// (the world tier, then the country tiers wantedTiers picks, then again) and as the CLI does it
// (every tier), in one process; the texts are GeoVirus's and the golden inputs, each once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { geoparse, placeRecognised, recogniseText, type GeoparseResources } from '../../geo/geoparse.ts';
import { loadResources } from '../../geo/resources-node.ts';
import { Gazetteer } from '../../geo/gazetteer/gazetteer.ts';
import { countryTierFiles } from '../../geo/gazetteer/node.ts';
import { wantedTiers } from '../../geo/gazetteer/wanted-tiers.ts';
import { gunzipSync } from 'node:zlib';
import type { PlaceCollection } from '../../geo/types.ts';

const DIR = new URL('../../geo/data/gazetteer/', import.meta.url);
const GEOVIRUS = new URL('../../../shared/data/eval/geovirus.jsonl', import.meta.url);
const GOLDEN = new URL('../golden/in/', import.meta.url);

const bytesOf = (file: string) => statSync(new URL(file, DIR)).size;
const textOf = (file: string) => gunzipSync(readFileSync(new URL(file, DIR))).toString('utf8');
const codeOf = (file: string) => file.slice('gazetteer-'.length, -'.txt.gz'.length);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;

function texts(): string[] {
  const golden = readdirSync(GOLDEN).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, GOLDEN), 'utf8'));
  const geovirus = existsSync(GEOVIRUS) ? readFileSync(GEOVIRUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string) : [];
  return [...golden, ...geovirus];
}

/** Place ids with their points, to compare two geoparses of one text. */
const placesOf = (c: PlaceCollection) => new Map(c.features.map((f) => [f.properties.mentions[0].start, f.properties.point.join()]));

const files = countryTierFiles();
const sizes = files.map(bytesOf);
const available = new Set(files.map(codeOf));
console.log(`tiers: world ${kB(bytesOf('gazetteer-world.txt.gz'))} gzipped; ${files.length} country tiers, ${kB(sizes.reduce((a, b) => a + b, 0))} in all, median ${kB(quantile(sizes, 0.5))}, largest ${kB(Math.max(...sizes))}`);

const full = loadResources();
const worldText = textOf('gazetteer-world.txt.gz');
const fetched: number[] = [];
const tierCounts: number[] = [];
let same = 0;
let compared = 0;
for (const text of texts()) {
  // A fresh worker per text, as a reader's first article: the world tier alone to begin with.
  const resources: GeoparseResources = { ...full, gazetteer: new Gazetteer(worldText) };
  const recognised = recogniseText(text, resources);
  const first = placeRecognised(recognised, resources);
  const wanted = wantedTiers(first, resources.gazetteer, available);
  for (const code of wanted) resources.gazetteer.addTier(textOf(`gazetteer-${code}.txt.gz`));
  const browser = wanted.length ? placeRecognised(recognised, resources) : first;
  fetched.push(wanted.reduce((n, code) => n + bytesOf(`gazetteer-${code}.txt.gz`), 0));
  tierCounts.push(wanted.length);
  const cli = placesOf(geoparse(text, full));
  for (const [start, point] of placesOf(browser)) {
    compared++;
    if (cli.get(start) === point) same++;
  }
}
console.log(`country tiers fetched per article (${fetched.length} articles): median ${quantile(tierCounts, 0.5)}, 90th percentile ${quantile(tierCounts, 0.9)}; bytes beyond the world tier: median ${kB(quantile(fetched, 0.5))}, 90th percentile ${kB(quantile(fetched, 0.9))}, largest ${kB(Math.max(...fetched))}`);
console.log(`places the browser's tiered geoparse puts where the CLI's every-tier geoparse does: ${same} of ${compared} (${((100 * same) / Math.max(1, compared)).toFixed(1)}%)`);
