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
  { key: 'physical', label: 'Seas, rivers, islands and mountains', kinds: ['water', 'island', 'landform'] },
  { key: 'other', label: 'Other places', kinds: ['other'] },
];

const SECTION_OF = new Map<string, string>(SECTIONS.flatMap(({ key, kinds }) => kinds.map((kind) => [kind, key] as const)));

/**
 * Every place lands in exactly one section: a kind no section names (a newer pipeline's, or an
 * imported file's) goes under "Other places" rather than missing from the list while drawn.
 */
export function groupPlaces(features: readonly PlaceFeature[]): PlaceGroup[] {
  const first = new Map(features.map((f) => [f, firstMention(f)]));
  const byMentions = (a: PlaceFeature, b: PlaceFeature) =>
    b.properties.mentions.length - a.properties.mentions.length || first.get(a)! - first.get(b)!;
  const sectionOf = (f: PlaceFeature) => SECTION_OF.get(f.properties.kind) ?? 'other';
  return SECTIONS.map(({ key, label }) => ({
    key,
    label,
    places: features.filter((f) => sectionOf(f) === key).sort(byMentions),
  })).filter((g) => g.places.length > 0);
}
