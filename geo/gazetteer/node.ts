// Loading the committed gazetteer in Node: the world tier, then every country tier (the CLI,
// the build scripts and the tests can afford all of it). The browser worker loads the world
// tier and only the country tiers an article needs (src/worker/).
import { readdirSync, readFileSync } from 'node:fs';
import { gunzip, gunzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.ts';

const DIR = new URL('../data/gazetteer/', import.meta.url);

/**
 * One tier's text. The gzip trailer holds the text's length: decompressing into one buffer of
 * that size saves concatenating sixteen-kilobyte chunks (a third of the time for the world tier).
 */
function readTier(file: string): string {
  const gz = readFileSync(new URL(file, DIR));
  return gunzipSync(gz, oneChunk(gz)).toString('utf8');
}

const oneChunk = (gz: Buffer) => ({ chunkSize: Math.max(64 * 1024, gz.readUInt32LE(gz.length - 4) + 1) });

/**
 * The world tier's bytes, unzipped on zlib's thread pool: the caller goes on with other work
 * (a batch worker builds its tagger) meanwhile.
 */
export function readWorldTierBytes(): Promise<Buffer> {
  const gz = readFileSync(new URL(tierFile('world'), DIR));
  return new Promise((resolve, reject) => gunzip(gz, oneChunk(gz), (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

const tierFile = (code: string) => `gazetteer-${code}.txt.gz`;

/** The text of one committed tier, by its code ('world', 'SY'): what the browser worker fetches and unzips. */
export const readTierText = (code: string): string => readTier(tierFile(code));

/** The names of the country tier files, in a fixed order. */
export const countryTierFiles = (): string[] => readdirSync(DIR).filter((f) => /^gazetteer-[A-Z]{2}\.txt\.gz$/.test(f)).sort();

/** The codes of the country tiers ('AD', 'AE', ...), in the same order. */
export const countryTierCodes = (): string[] => countryTierFiles().map((f) => f.slice('gazetteer-'.length, -'.txt.gz'.length));

export interface LoadGazetteerOptions {
  /**
   * `lazy`: the world tier now, each country tier on the first lookup of a name only it holds
   * (answers as if all were loaded; the CLI starts in a fraction of the time). `all`: every
   * tier now. `world`: the world tier alone, as the app's worker starts. Default `lazy`.
   */
  tiers?: 'lazy' | 'all' | 'world';
  /** Same as `tiers: 'world'`. */
  worldOnly?: boolean;
  /** The world tier's text when it is already read (readWorldTierBytes); read from disk otherwise. */
  worldText?: string;
}

export function loadGazetteer(options: LoadGazetteerOptions = {}): Gazetteer {
  const tiers = options.worldOnly ? 'world' : (options.tiers ?? 'lazy');
  const available = new Set(countryTierFiles());
  const loadTier = tiers === 'lazy' ? (code: string) => (available.has(tierFile(code)) ? readTier(tierFile(code)) : null) : undefined;
  const gazetteer = new Gazetteer(options.worldText ?? readTier(tierFile('world')), { loadTier });
  if (tiers === 'all') for (const file of available) gazetteer.addTier(readTier(file));
  return gazetteer;
}
