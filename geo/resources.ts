// Builds the geoparser's resources from their raw contents. Pure: Node reads them from disk
// (resources-node.ts), the browser worker fetches them; both end here.
import type { MultiPolygon, Polygon } from 'geojson';
import { Gazetteer } from './gazetteer/gazetteer.ts';
import { loadTaggerModel } from './recognise/tagger.ts';
import type { GeoparseResources } from './geoparse.ts';
import type { OutlineLookup } from './output/features.ts';

export interface RawResources {
  /** The decompressed text of the world tier (gazetteer/gazetteer-world.txt.gz); country tiers are added to the gazetteer later. */
  gazetteerText: string;
  /** The parsed JSON of tagger.json. */
  tagger: unknown;
  demonyms: Record<string, string>;
  /** The parsed JSON of common-words.json: words the news writes in lower case. */
  commonWords: string[];
  outlines: { features: { id?: string | number; geometry: Polygon | MultiPolygon }[] };
}

export function outlineLookup(outlines: RawResources['outlines']): OutlineLookup {
  const byIndex = new Map(outlines.features.map((f) => [Number(f.id), f.geometry]));
  return (index: number) => byIndex.get(index);
}

export function createResources(raw: RawResources): GeoparseResources {
  return {
    gazetteer: new Gazetteer(raw.gazetteerText),
    tagger: loadTaggerModel(raw.tagger),
    demonyms: raw.demonyms,
    commonWords: new Set(raw.commonWords),
    outlines: outlineLookup(raw.outlines),
  };
}
