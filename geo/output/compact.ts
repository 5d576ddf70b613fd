// The compact form of a place collection, for corpora (the CLI's --compact): still an RFC 7946
// FeatureCollection, but each sentence appears once, as offsets, and places point at it. The
// full form repeats a sentence's text in every place it names, which grows with places times
// sentence length; this one grows with the number of mentions only.
import type { Feature, Geometry } from 'geojson';
import type { PlaceCollection, PlaceProperties } from '../types.ts';

/** [start, end, sentence index]: end-exclusive offsets into the text, as `Mention`'s. */
export type MentionTuple = [number, number, number];

export interface CompactProperties extends Omit<PlaceProperties, 'mentions' | 'statements'> {
  mentions: MentionTuple[];
  /** Indices into the collection's `sentences`, in article order. */
  statements: number[];
}

export interface CompactCollection {
  type: 'FeatureCollection';
  features: (Feature<Geometry, CompactProperties> & { id: string })[];
  /** Every sentence once, as [start, end] offsets into the text; a statement is its index here. */
  sentences: [number, number][];
  unresolved: { name: string; mentions: MentionTuple[] }[];
}

const tuple = (m: { start: number; end: number; sentence: number }): MentionTuple => [m.start, m.end, m.sentence];

export function compactCollection(places: PlaceCollection): CompactCollection {
  return {
    type: 'FeatureCollection',
    features: places.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { ...f.properties, mentions: f.properties.mentions.map(tuple), statements: f.properties.statements.map((s) => s.index) },
    })),
    sentences: (places.sentences ?? []).map((s) => [s.start, s.end]),
    unresolved: (places.unresolved ?? []).map((u) => ({ name: u.name, mentions: u.mentions.map(tuple) })),
  };
}
