// The place list's sections: places grouped by what they are, most mentioned first.
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';
import { firstMention } from './article.ts';

export interface PlaceGroup {
  key: string;
  label: string;
  places: PlaceFeature[];
}

const SECTIONS: { key: string; label: string; kinds: PlaceKind[] }[] = [
  { key: 'settlements', label: 'Cities, towns and villages', kinds: ['city', 'town', 'village'] },
  { key: 'areas', label: 'Districts and regions', kinds: ['district', 'admin1', 'region'] },
  { key: 'routes', label: 'Roads', kinds: ['route'] },
  { key: 'countries', label: 'Countries', kinds: ['country', 'continent'] },
  { key: 'other', label: 'Other places', kinds: ['water', 'other'] },
];

export function groupPlaces(features: readonly PlaceFeature[]): PlaceGroup[] {
  const first = new Map(features.map((f) => [f, firstMention(f)]));
  const byMentions = (a: PlaceFeature, b: PlaceFeature) =>
    b.properties.mentions.length - a.properties.mentions.length || first.get(a)! - first.get(b)!;
  return SECTIONS.map(({ key, label, kinds }) => ({
    key,
    label,
    places: features.filter((f) => kinds.includes(f.properties.kind)).sort(byMentions),
  })).filter((g) => g.places.length > 0);
}
