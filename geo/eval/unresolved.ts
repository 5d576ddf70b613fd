// How many of the names the geoparser recognised it could not place, by the kind of feature
// they name. A placed name has the kind of its reading; an unplaced one has none, so its kind
// is read off its words ("... River" water, "... County" an area), and names with no such word
// count as settlements or other places. Pure: collections in, rows out.
import type { PlaceCollection, PlaceKind } from '../types.ts';

export type FeatureGroup = 'settlements and other' | 'divisions and regions' | 'water' | 'landforms and islands';

const GROUPS: FeatureGroup[] = ['settlements and other', 'divisions and regions', 'water', 'landforms and islands'];

const GROUP_OF_KIND: Record<PlaceKind, FeatureGroup> = {
  city: 'settlements and other', town: 'settlements and other', village: 'settlements and other', route: 'settlements and other', other: 'settlements and other',
  continent: 'divisions and regions', region: 'divisions and regions', country: 'divisions and regions', admin1: 'divisions and regions', district: 'divisions and regions',
  water: 'water', island: 'landforms and islands', landform: 'landforms and islands',
};

const WATER = /\b(river|lake|sea|gulf|bay|strait|straits|creek|canal|ocean|lagoon|reservoir|sound)\b/i;
const LANDFORM = /\b(mount|mountains?|hills?|valley|desert|islands?|isles?|peninsula|cape|plateau|highlands)\b/i;
const AREA = /\b(county|district|province|region|state|parish|governorate|prefecture|oblast|territory|municipality)\b/i;

export function groupOfName(name: string): FeatureGroup {
  if (WATER.test(name)) return 'water';
  if (LANDFORM.test(name)) return 'landforms and islands';
  if (AREA.test(name)) return 'divisions and regions';
  return 'settlements and other';
}

export interface UnresolvedRow {
  group: FeatureGroup;
  /** Distinct names per document, placed and not. */
  placed: number;
  unplaced: number;
  share: number;
}

/** Per group and in total ('all'), the share of recognised names (distinct per document) left unplaced. */
export function unresolvedShares(collections: PlaceCollection[]): (UnresolvedRow | (Omit<UnresolvedRow, 'group'> & { group: 'all' }))[] {
  const placed = new Map<FeatureGroup, number>(GROUPS.map((g) => [g, 0]));
  const unplaced = new Map<FeatureGroup, number>(GROUPS.map((g) => [g, 0]));
  for (const c of collections) {
    for (const f of c.features) {
      const group = GROUP_OF_KIND[f.properties.kind];
      const names = new Set(f.properties.mentions.map((m) => m.text.toLowerCase()));
      placed.set(group, placed.get(group)! + names.size);
    }
    for (const u of c.unresolved ?? []) unplaced.set(groupOfName(u.name), unplaced.get(groupOfName(u.name))! + 1);
  }
  const row = <G extends string>(group: G, p: number, u: number) => ({ group, placed: p, unplaced: u, share: p + u ? u / (p + u) : 0 });
  const total = row('all' as const, [...placed.values()].reduce((a, b) => a + b, 0), [...unplaced.values()].reduce((a, b) => a + b, 0));
  return [...GROUPS.map((g) => row(g, placed.get(g)!, unplaced.get(g)!)), total];
}
