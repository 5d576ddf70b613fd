// How the article's places are drawn: GeoJSON sources flattened for MapLibre, and one layer per kind.
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { PlaceFeature, PlaceKind } from '../../geo/types.ts';
import { MAP_FONT_FAMILY } from './fonts.ts';

export const PLACES_SOURCE = 'places';
export const LABELS_SOURCE = 'place-labels';
/** The selected country's outline (countries are points in the data; their outlines load on demand). */
export const OUTLINE_SOURCE = 'place-outline';
/** A reading the reader points at before choosing it. */
export const PREVIEW_SOURCE = 'reading-preview';

/** How a place is drawn, whatever its geometry turned out to be. */
export type DrawGroup = 'settlement' | 'area' | 'route' | 'country';

export interface DrawProperties {
  id: string;
  name: string;
  kind: PlaceKind;
  group: DrawGroup;
  mentions: number;
  /** Representative point [lon, lat]. */
  point: [number, number];
  /** Whether the place's own geometry is a point (its marker then comes from the places source). */
  isPoint: boolean;
}

export const COLORS = {
  ink: '#1d2b3a',
  settlement: '#23476b',
  area: '#3b7a8c',
  route: '#b4582a',
  country: '#6b7280',
  accent: '#c2272d',
  halo: '#fbfaf7',
};

export function drawGroup(feature: PlaceFeature): DrawGroup {
  const { kind } = feature.properties;
  const type = feature.geometry?.type;
  if (kind === 'country' || kind === 'continent') return 'country';
  if (type === 'LineString' || type === 'MultiLineString') return 'route';
  if (type === 'Polygon' || type === 'MultiPolygon') return 'area';
  return 'settlement';
}

function drawProperties(feature: PlaceFeature): DrawProperties {
  return {
    id: String(feature.id),
    name: feature.properties.name,
    kind: feature.properties.kind,
    group: drawGroup(feature),
    mentions: feature.properties.mentions.length,
    point: feature.properties.point,
    isPoint: feature.geometry?.type === 'Point',
  };
}

/** The places as drawn: their own geometries, with flat properties feature-state can key on. */
export function placesData(features: readonly PlaceFeature[]): FeatureCollection<Geometry, DrawProperties> {
  return {
    type: 'FeatureCollection',
    features: features
      .filter((f) => f.geometry !== null)
      .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: drawProperties(f) })),
  };
}

/** One label point per place (areas and roads are labelled once, at their representative point). */
export function labelsData(features: readonly PlaceFeature[]): FeatureCollection<Point, DrawProperties> {
  return {
    type: 'FeatureCollection',
    features: features.map(
      (f): Feature<Point, DrawProperties> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: f.properties.point },
        properties: drawProperties(f),
      }),
    ),
  };
}

export function sourceSpec(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'id' };
}

const isGroup = (group: DrawGroup): ExpressionSpecification => ['==', ['get', 'group'], group];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const notPoint: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const active: ExpressionSpecification = ['any', selected, hovered];

/** Mention count to circle radius: one mention is a dot, many are a disc. */
const radius: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'mentions'], 1, 5, 3, 7.5, 8, 11];

export const LAYER_IDS = {
  areaFill: 'places-area-fill',
  areaLine: 'places-area-line',
  routeCasing: 'places-route-casing',
  route: 'places-route',
  countryOutline: 'places-country-outline',
  country: 'places-country',
  settlement: 'places-settlement',
  label: 'places-label',
  areaLabel: 'places-label-area',
  countryLabel: 'places-label-country',
  countryArea: 'places-country-area',
  outlineFill: 'place-outline-fill',
  outline: 'place-outline-line',
  previewHalo: 'reading-preview-halo',
  preview: 'reading-preview',
  previewLabel: 'reading-preview-label',
} as const;

/** Layers that sit under the basemap's labels. */
export function underLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.areaFill,
      type: 'fill',
      source: PLACES_SOURCE,
      filter: isGroup('area'),
      paint: {
        'fill-color': ['case', selected, COLORS.accent, COLORS.area],
        'fill-opacity': ['case', selected, 0.14, hovered, 0.14, 0.06],
      },
    },
    {
      id: LAYER_IDS.areaLine,
      type: 'line',
      source: PLACES_SOURCE,
      filter: isGroup('area'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', selected, COLORS.accent, COLORS.area],
        'line-width': ['case', selected, 2.8, hovered, 2.2, 1.2],
        'line-dasharray': [3, 2],
        'line-opacity': 0.9,
      },
    },
    {
      id: LAYER_IDS.countryOutline,
      type: 'line',
      source: PLACES_SOURCE,
      filter: ['all', isGroup('country'), notPoint],
      paint: {
        'line-color': COLORS.accent,
        'line-width': 1.5,
        'line-opacity': ['case', active, 0.8, 0],
      },
    },
  ];
}

/** Layers above everything: roads, markers and the labels in the article's own spelling. */
export function overLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.routeCasing,
      type: 'line',
      source: PLACES_SOURCE,
      filter: isGroup('route'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.halo, 'line-width': ['case', active, 8, 6] },
    },
    {
      id: LAYER_IDS.route,
      type: 'line',
      source: PLACES_SOURCE,
      filter: isGroup('route'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', selected, COLORS.accent, COLORS.route],
        'line-width': ['case', active, 4.5, 3],
      },
    },
    countryMarker(LAYER_IDS.country, PLACES_SOURCE, ['all', isGroup('country'), isPoint]),
    countryMarker(LAYER_IDS.countryArea, LABELS_SOURCE, ['all', isGroup('country'), ['!', ['get', 'isPoint']]]),
    {
      id: LAYER_IDS.settlement,
      type: 'circle',
      source: PLACES_SOURCE,
      filter: ['all', isGroup('settlement'), isPoint],
      paint: {
        'circle-radius': ['case', selected, ['+', radius, 3], hovered, ['+', radius, 1.5], radius],
        'circle-color': ['case', selected, COLORS.accent, COLORS.settlement],
        'circle-stroke-color': COLORS.halo,
        'circle-stroke-width': ['case', active, 2.5, 1.5],
      },
    },
    labelLayer(LAYER_IDS.areaLabel, ['area', 'route'], { 'text-anchor': 'center' }),
    // The basemap already names countries: this label appears on hover and selection (in the
    // article's spelling), and ignores collisions so that, hidden, it takes no room from others.
    {
      ...labelLayer(LAYER_IDS.countryLabel, ['country'], {
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      }),
      paint: {
        'text-color': ['case', selected, COLORS.accent, COLORS.ink],
        'text-halo-color': COLORS.halo,
        'text-halo-width': 2,
        'text-opacity': ['case', active, 1, 0],
      },
    },
    labelLayer(LAYER_IDS.label, ['settlement'], {
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.95,
      'text-justify': 'auto',
    }),
  ];
}

/**
 * Countries are marked at their representative point by a filled ring as large as their
 * mentions make them: the article's most mentioned place is not its faintest mark (issue 9).
 */
function countryMarker(id: string, source: string, filter: ExpressionSpecification): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter,
    paint: {
      'circle-radius': ['case', selected, ['+', radius, 2.5], hovered, ['+', radius, 1.5], radius],
      'circle-color': ['case', selected, COLORS.accent, COLORS.country],
      'circle-opacity': ['case', active, 1, 0.55],
      'circle-stroke-width': ['case', active, 2.5, 2],
      'circle-stroke-color': COLORS.halo,
    },
  };
}

/** The selected country's outline, under the basemap's labels. */
export function outlineLayers(): LayerSpecification[] {
  return [
    { id: LAYER_IDS.outlineFill, type: 'fill', source: OUTLINE_SOURCE, paint: { 'fill-color': COLORS.accent, 'fill-opacity': 0.07 } },
    { id: LAYER_IDS.outline, type: 'line', source: OUTLINE_SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': COLORS.accent, 'line-width': 2, 'line-opacity': 0.85 } },
  ];
}

/** A reading previewed before it is chosen: a hollow accent ring with its name. */
export function previewLayers(): LayerSpecification[] {
  return [
    { id: LAYER_IDS.previewHalo, type: 'circle', source: PREVIEW_SOURCE, paint: { 'circle-radius': 14, 'circle-color': COLORS.accent, 'circle-opacity': 0.15 } },
    {
      id: LAYER_IDS.preview,
      type: 'circle',
      source: PREVIEW_SOURCE,
      paint: { 'circle-radius': 7, 'circle-color': COLORS.halo, 'circle-stroke-color': COLORS.accent, 'circle-stroke-width': 3 },
    },
    {
      id: LAYER_IDS.previewLabel,
      type: 'symbol',
      source: PREVIEW_SOURCE,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [MAP_FONT_FAMILY],
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 1.2],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'text-max-width': 14,
      },
      paint: { 'text-color': COLORS.accent, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
  ];
}

type SymbolLayout = NonNullable<SymbolLayerSpecification['layout']>;

/** Labels in the article's own spelling; settlements get their own layer for variable anchors. */
function labelLayer(id: string, groups: DrawGroup[], placement: SymbolLayout): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source: LABELS_SOURCE,
    filter: ['in', ['get', 'group'], ['literal', groups]],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [MAP_FONT_FAMILY],
      'text-size': ['match', ['get', 'group'], 'country', 11, 'area', 12, 'route', 11.5, ['interpolate', ['linear'], ['get', 'mentions'], 1, 12.5, 4, 14.5]],
      'text-transform': ['match', ['get', 'group'], 'country', 'uppercase', 'none'],
      'text-letter-spacing': ['match', ['get', 'group'], 'country', 0.12, 'area', 0.04, 0],
      'text-max-width': 9,
      'symbol-sort-key': ['-', 0, ['get', 'mentions']],
      'text-padding': 3,
      ...placement,
    },
    paint: {
      'text-color': [
        'case',
        selected,
        COLORS.accent,
        ['match', ['get', 'group'], 'country', COLORS.country, 'area', '#2d6170', 'route', '#8a4420', COLORS.ink],
      ],
      'text-halo-color': COLORS.halo,
      'text-halo-width': ['case', active, 2.2, 1.6],
    },
  };
}

/** Layers a click or a hover can hit, most specific first. */
export const INTERACTIVE_LAYERS = [
  LAYER_IDS.settlement,
  LAYER_IDS.label,
  LAYER_IDS.route,
  LAYER_IDS.areaLabel,
  LAYER_IDS.country,
  LAYER_IDS.countryArea,
  LAYER_IDS.areaFill,
];

/** Layers of marks and names: what a tap can be meant for when several places are close (area fills are under everything). */
export const MARK_LAYERS = INTERACTIVE_LAYERS.filter((id) => id !== LAYER_IDS.areaFill);

/**
 * The distinct places among hits, nearest first: more than one near a tap means the reader
 * must be asked which (pins 5 to 15 px apart cannot be told apart by a finger).
 */
export function placesUnder(hits: { properties: Record<string, unknown> }[], distanceTo: (id: string) => number): string[] {
  const ids = [...new Set(hits.map((h) => h.properties.id).filter((id): id is string => typeof id === 'string'))];
  return ids.sort((a, b) => distanceTo(a) - distanceTo(b));
}

const GROUP_RANK: Record<DrawGroup, number> = { settlement: 0, route: 1, country: 2, area: 3 };

/** Among the features under the pointer, the one a reader most likely meant: the most specific kind, then the nearest. */
export function pickFeatureId(
  hits: { properties: Record<string, unknown> }[],
  distanceTo: (id: string) => number,
): string | null {
  let best: { id: string; rank: number; distance: number } | null = null;
  for (const hit of hits) {
    const id = hit.properties.id;
    const group = hit.properties.group as DrawGroup | undefined;
    if (typeof id !== 'string' || group === undefined) continue;
    const rank = GROUP_RANK[group] ?? 9;
    if (best !== null && rank > best.rank) continue;
    const distance = distanceTo(id);
    if (best === null || rank < best.rank || distance < best.distance) best = { id, rank, distance };
  }
  return best?.id ?? null;
}
