// The data contract of Article Atlas: what the geoparser emits and the app draws.
// Every stage of geo/ has a typed input and output defined here (RFC 7946 GeoJSON at the end).
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A sentence of the article with end-exclusive character offsets into the text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** What a place is, from a country down to a village, plus named routes. */
export type PlaceKind =
  | 'continent'
  | 'region' // historical, disputed, colloquial or macro regions (Karabakh, the Sahel)
  | 'country'
  | 'admin1' // first-level division: state, province, oblast
  | 'district' // second-level division or rayon
  | 'city'
  | 'town'
  | 'village'
  | 'route' // a named road between towns
  | 'water' // oceans, seas, gulfs, bays, straits, lakes, rivers
  | 'island' // islands and archipelagos
  | 'landform' // mountain ranges and peaks, deserts, peninsulas, plateaus, valleys, deltas, coasts
  | 'other';

/** One occurrence of a place name in the text. `text === article.slice(start, end)`. */
export interface Mention {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence that holds it. */
  sentence: number;
}

/** Every sentence that mentions a place, for the statements panel. */
export interface Statement {
  index: number;
  text: string;
  start: number;
  end: number;
}

/**
 * One reading of a place name: enough for a reader to tell it from its namesakes
 * (Arlington, Texas, Tarrant County, 394,000 people, against Arlington, Virginia).
 */
export interface Reading {
  name: string;
  kind: PlaceKind;
  country: string | null;
  /** Name of the first-level division it lies in ("Texas"), or null (unknown, or it is one). */
  admin1: string | null;
  /** Name of the second-level division it lies in ("Tarrant County"), or null. */
  admin2: string | null;
  /** Population where known, else 0. */
  population: number;
  geonameid: number | null;
  /** [longitude, latitude] */
  coordinates: [number, number];
  /** Extent of an area [west, south, east, north] (west > east across the antimeridian); absent for a point. */
  bbox?: [number, number, number, number];
}

/** A runner-up reading of the same name, with the resolver's score for it. */
export interface Alternative extends Reading {
  score: number;
}

export interface PlaceProperties {
  /** The name as the article writes it most often. */
  name: string;
  /** Alternate names: English, local and contested (Khankendi, Xankəndi, Stepanakert). */
  names: string[];
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, or null for places beyond one country (continents, some regions). */
  country: string | null;
  geonameid: number | null;
  /** Name of the first-level division the place lies in ("Texas"), or null. */
  admin1: string | null;
  /** Name of the second-level division the place lies in ("Tarrant County"), or null. */
  admin2: string | null;
  mentions: Mention[];
  statements: Statement[];
  /** 0..1, how sure the resolver is of this reading. */
  confidence: number;
  alternatives: Alternative[];
  /** Representative point [lon, lat], also for areas and routes (where to put a label or a pin). */
  point: [number, number];
  /** Population where known (0 otherwise). */
  population: number;
  /** For routes: the ids of the places the route joins. */
  joins?: string[];
  /** Set when a reader chose this reading over the geoparser's. */
  corrected?: boolean;
}

/**
 * One place. Areas (countries, divisions, regions, seas, ranges) carry the RFC 7946 `bbox`
 * member: the extent a reader expects to see of them (mainland France, the contiguous United
 * States), [west, south, east, north], west > east where it crosses the antimeridian.
 */
export type PlaceFeature = Feature<Geometry, PlaceProperties> & { id: string };

/**
 * A name recognised as a place that the geoparser could not place: no gazetteer entry has the
 * name, or (with `readings`) none of the places that have it fits the text. Kept, not dropped.
 */
export interface UnresolvedName {
  name: string;
  mentions: Mention[];
  /** The gazetteer's places of that name, likeliest first, when they exist but none fits. */
  readings?: Reading[];
}

export interface PlaceCollection extends FeatureCollection<Geometry, PlaceProperties> {
  features: PlaceFeature[];
  /** The article's sentences, so a reader can show every statement in context. */
  sentences?: Sentence[];
  /** Names recognised as places that the gazetteer cannot place. */
  unresolved?: UnresolvedName[];
}
