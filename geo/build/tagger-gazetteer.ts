// The gazetteer lookup the tagger is trained with, built from the raw GeoNames files in
// ../shared. It has the same interface and class semantics as the project's real gazetteer,
// which can replace it later (retrain after the swap so the weights match its coverage).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { fold, isLatinName } from '../text/fold.ts';
import type { NameClassLookup } from '../recognise/tagger.ts';

const GEONAMES = fileURLToPath(new URL('../../../shared/data/geonames/', import.meta.url));

/** Class 3: countries, first-level divisions and continents. */
const CONTINENTS = ['Africa', 'Europe', 'Asia', 'North America', 'South America', 'Oceania', 'Antarctica'];
const BIG_CITY = 100_000;
/**
 * Short forms that news uses for countries and first-level divisions and that GeoNames lacks.
 * A real gazetteer holds such aliases too; without them the tagger would learn from the GMB
 * (which writes "U.S." and "Britain") that all-caps short words are organisations.
 */
const ALIASES = ['U.S.', 'US', 'USA', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'DRC', 'DR Congo', 'PRC', 'NSW', 'Britain', 'Great Britain', 'Netherlands', 'Holland', 'Congo', 'Burma', 'Ivory Coast'];

function dataLines(file: string): string[][] {
  return readFileSync(join(GEONAMES, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** Alternate names that are also English function words ("The" is some city's alternate name). */
const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'it', 'he', 'she', 'we', 'they', 'this', 'that', 'but', 'not', 'no', 'new', 'so', 'if', 'all', 'can', 'will', 'may', 'one', 'said', 'mr', 'mrs', 'dr', 'st']);

/** Keep the highest class for a key: "Georgia" is a country before it is a city. */
function add(classes: Map<string, number>, name: string, cls: number): void {
  const key = fold(name);
  if (key === '' || STOPWORDS.has(key)) return;
  if ((classes.get(key) ?? 0) < cls) classes.set(key, cls);
}

/**
 * Alternate names worth a lookup: Latin script, capitalised (drops romanised CJK and Cyrillic
 * transliterations such as "esukarudesu"), longer than two letters (drops codes).
 */
function usableAlternate(name: string): boolean {
  return name.length > 2 && isLatinName(name) && /^\p{Lu}/u.test(name);
}

/** Folded name -> class (3 country/admin1/continent, 2 city >= 100k, 1 other place). */
export function buildTrainingGazetteer(): Map<string, number> {
  const classes = new Map<string, number>();
  for (const name of [...CONTINENTS, ...ALIASES]) add(classes, name, 3);
  for (const row of dataLines('countryInfo-2025.tsv')) add(classes, row[4] ?? '', 3);
  for (const row of dataLines('admin1CodesASCII-2025.tsv')) {
    add(classes, row[1] ?? '', 3);
    add(classes, row[2] ?? '', 3);
  }
  for (const row of dataLines('cities15000-2025.txt')) {
    const cls = Number(row[14]) >= BIG_CITY ? 2 : 1;
    add(classes, row[1] ?? '', cls);
    add(classes, row[2] ?? '', cls);
    for (const alt of (row[3] ?? '').split(',')) if (usableAlternate(alt)) add(classes, alt, cls);
  }
  return classes;
}

/** The training-time `NameClassLookup` (keys are already folded by the caller). */
export function loadTrainingGazetteer(): NameClassLookup {
  const classes = buildTrainingGazetteer();
  return (folded: string) => classes.get(folded) ?? 0;
}
