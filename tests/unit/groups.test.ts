// The place list shows every place the map draws: each kind has a section, and a kind no
// section names still lands in one (the large-article browser test found islands and
// mountains drawn but never listed).
import { describe, expect, it } from 'vitest';
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';
import { groupPlaces } from '../../src/lib/groups.ts';

const KINDS: PlaceKind[] = ['continent', 'region', 'country', 'admin1', 'district', 'city', 'town', 'village', 'route', 'water', 'island', 'landform', 'other'];

function feature(id: string, kind: string, mentions: number): PlaceFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: {
      id,
      name: id,
      kind: kind as PlaceKind,
      mentions: Array.from({ length: mentions }, (_, i) => ({ start: i * 10, end: i * 10 + id.length, text: id, sentence: i })),
      statements: [],
    },
  } as unknown as PlaceFeature;
}

describe('groupPlaces', () => {
  it('lists every place exactly once, whatever its kind', () => {
    const features = [...KINDS, 'glacier'].map((kind, i) => feature(`p-${kind}`, kind, 1 + (i % 3)));
    const listed = groupPlaces(features).flatMap((g) => g.places.map((p) => p.id));
    expect([...listed].sort()).toEqual(features.map((f) => f.id).sort());
  });

  it('puts seas, islands and mountains together, most mentioned first', () => {
    const groups = groupPlaces([feature('alps', 'landform', 1), feature('java', 'island', 3), feature('red-sea', 'water', 2), feature('baku', 'city', 1)]);
    const physical = groups.find((g) => g.key === 'physical');
    expect(physical?.places.map((p) => p.id)).toEqual(['java', 'red-sea', 'alps']);
    expect(groups.find((g) => g.key === 'settlements')?.places.map((p) => p.id)).toEqual(['baku']);
  });
});
