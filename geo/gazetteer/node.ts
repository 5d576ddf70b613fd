// Loading the committed gazetteer alone in Node (training the tagger needs no more). The
// browser loads the same file through fetch and DecompressionStream in the app's worker.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.ts';

export function loadGazetteer(): Gazetteer {
  return new Gazetteer(gunzipSync(readFileSync(new URL('../data/gazetteer.txt.gz', import.meta.url))).toString('utf8'));
}
