// The article the app shows: its text and the places the geoparser found in it.
import type { PlaceCollection, PlaceFeature, PlaceKind, Sentence } from '../../geo/types.ts';
import defaultArticleJson from '../generated/default-article.json';

export interface Article {
  title: string | null;
  text: string;
  places: PlaceCollection;
}

/** The article geoparsed at build time; imported statically so the first view needs no fetch. */
export const defaultArticle = defaultArticleJson as unknown as Article;

export const SETTLEMENT_KINDS: readonly PlaceKind[] = ['city', 'town', 'village'];
export const AREA_KINDS: readonly PlaceKind[] = ['continent', 'country', 'admin1', 'district', 'region', 'water'];

/** What a first-level division is called where it is: a state in the US, a region in France. */
const ADMIN1_NAMES: Record<string, string> = {
  US: 'State', AU: 'State', IN: 'State', MX: 'State', BR: 'State', NG: 'State', MY: 'State', DE: 'State', AT: 'State', VE: 'State', SS: 'State', SD: 'State',
  FR: 'Region', IT: 'Region', CL: 'Region', PE: 'Region', RU: 'Region', GE: 'Region', GB: 'Nation', CH: 'Canton',
};

/** The label of a place's kind, in the words of its country. */
export function kindLabel(kind: PlaceKind, country: string | null): string {
  return kind === 'admin1' && country && ADMIN1_NAMES[country] ? ADMIN1_NAMES[country] : KIND_LABELS[kind];
}

export const KIND_LABELS: Record<PlaceKind, string> = {
  continent: 'Continent',
  region: 'Region',
  country: 'Country',
  admin1: 'Province',
  district: 'District',
  city: 'City',
  town: 'Town',
  village: 'Village',
  route: 'Road',
  water: 'Water',
  island: 'Island',
  landform: 'Landform',
  other: 'Place',
};

/** The sentences to show: the pipeline's own, or, failing that, the ones statements name. */
export function articleSentences(article: Article): Sentence[] {
  if (article.places.sentences && article.places.sentences.length > 0) return article.places.sentences;
  const byIndex = new Map<number, Sentence>();
  for (const feature of article.places.features) {
    for (const s of feature.properties.statements) byIndex.set(s.index, s);
  }
  return [...byIndex.values()].sort((a, b) => a.start - b.start);
}

export function firstMention(feature: PlaceFeature): number {
  return feature.properties.mentions.reduce((min, m) => Math.min(min, m.start), Number.POSITIVE_INFINITY);
}

const COUNTRY_NAMES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** Names already looked up: Intl.DisplayNames is slow enough to show in a long article's list. */
const countryNames = new Map<string, string>();

export function countryName(code: string | null): string | null {
  if (code === null) return null;
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      name = COUNTRY_NAMES?.of(code.toUpperCase()) ?? code;
    } catch {
      name = code;
    }
    countryNames.set(code, name);
  }
  return name;
}
