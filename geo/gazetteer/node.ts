// Loading the committed gazetteer in Node: the world tier, then every country tier (the CLI,
// the build scripts and the tests can afford all of it). The browser worker loads the world
// tier and only the country tiers an article needs (src/worker/).
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.ts';

const DIR = new URL('../data/gazetteer/', import.meta.url);

const readTier = (file: string) => gunzipSync(readFileSync(new URL(file, DIR))).toString('utf8');

/** The names of the country tier files, in a fixed order. */
export const countryTierFiles = (): string[] => readdirSync(DIR).filter((f) => /^gazetteer-[A-Z]{2}\.txt\.gz$/.test(f)).sort();

export function loadGazetteer(options: { worldOnly?: boolean } = {}): Gazetteer {
  const gazetteer = new Gazetteer(readTier('gazetteer-world.txt.gz'));
  if (!options.worldOnly) for (const file of countryTierFiles()) gazetteer.addTier(readTier(file));
  return gazetteer;
}
