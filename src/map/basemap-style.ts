// The embedded offline basemap as a MapLibre style: a calm light map drawn from the GeoJSON
// that geo/build/basemap.ts generates, with labels rendered locally in Noto Sans (no glyphs URL).
import { addProtocol } from 'maplibre-gl';
import type {
  AddProtocolAction,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
// `?url` keeps each file a separate, hashed, cacheable asset: the JS bundle stays small and
// the files download in parallel with it. They are stored compactly (see
// src/basemap/encoding.ts); the `atlas-basemap://` protocol below decodes them to GeoJSON.
import worldUrl from '../basemap/data/world.json?url';
import regionUrl from '../basemap/data/region.json?url';
import placesUrl from '../basemap/data/places.json?url';
import { decodeCollection, type EncodedCollection } from '../basemap/encoding.ts';
import { BASEMAP_ATTRIBUTION } from './attribution.ts';
import { MAP_FONT_FAMILY, mapFontFaces } from './fonts.ts';

/** The URL scheme of the basemap's sources: `atlas-basemap://world.json` and so on. */
export const BASEMAP_PROTOCOL = 'atlas-basemap';

/** The files behind `atlas-basemap://<name>`, as bundled asset URLs. */
export const BASEMAP_FILES: Readonly<Record<string, string>> = {
  'world.json': worldUrl,
  'region.json': regionUrl,
  'places.json': placesUrl,
};

/**
 * Fetches a basemap file and decodes it to GeoJSON, for MapLibre's GeoJSON sources. MapLibre
 * hands requests with a custom scheme to this function on the main thread; decoding the three
 * files takes a few milliseconds there.
 */
export const loadBasemapFile: AddProtocolAction = async (params, abortController) => {
  const name = params.url.slice(`${BASEMAP_PROTOCOL}://`.length);
  const url = BASEMAP_FILES[name];
  if (!url) throw new Error(`Unknown basemap file: ${name}`);
  const response = await fetch(absolute(url), { signal: abortController.signal });
  if (!response.ok) throw new Error(`Basemap file ${name}: HTTP ${response.status}`);
  return { data: decodeCollection((await response.json()) as EncodedCollection) };
};

let protocolAdded = false;

/** Colours of the basemap; every field can be overridden through `BasemapOptions.palette`. */
export interface BasemapPalette {
  water: string;
  land: string;
  border: string;
  admin1: string;
  river: string;
  countryLabel: string;
  placeLabel: string;
  placeDot: string;
  halo: string;
}

export interface BasemapOptions {
  /**
   * An online style URL to use instead of the embedded basemap (read by the caller from
   * `import.meta.env.VITE_BASEMAP_STYLE_URL`). When set, `createBasemapStyle` returns it as is.
   * @default undefined (the offline basemap)
   */
  styleUrl?: string;
  /**
   * Draw capitals, cities of a million and, in the Caucasus, towns of 50,000 or more.
   * @default true
   */
  showPlaces?: boolean;
  /**
   * Draw first-level administrative boundaries in the Caucasus (from zoom 5).
   * @default true
   */
  showAdmin1?: boolean;
  /**
   * Draw GSHHG rivers in the Caucasus (Kura, Aras and their tributaries).
   * @default true
   */
  showRivers?: boolean;
  /**
   * Colour overrides, merged over `defaultPalette`.
   * @default {} (the house palette)
   */
  palette?: Partial<BasemapPalette>;
}

/** Quiet newsroom colours: warm grey land, pale blue water, borders just darker than land. */
export const defaultPalette: Readonly<BasemapPalette> = {
  water: '#d6e4ee',
  land: '#f5f3ef',
  border: '#a8a39b',
  admin1: '#d3cdc3',
  river: '#b3cde0',
  countryLabel: '#7d7870',
  placeLabel: '#3f3c38',
  placeDot: '#5b5750',
  halo: 'rgba(245, 243, 239, 0.9)',
};

export const defaultOptions: Readonly<Required<Omit<BasemapOptions, 'styleUrl'>> & Pick<BasemapOptions, 'styleUrl'>> = {
  styleUrl: undefined,
  showPlaces: true,
  showAdmin1: true,
  showRivers: true,
  palette: {},
};

/**
 * Article overlays should be added with `map.addLayer(layer, OVERLAY_BEFORE_LAYER_ID)`: they then
 * sit above the base geometry and the base's place labels (so the article's own labels win
 * label collisions against the basemap's towns), while country names stay on top and readable.
 */
export const OVERLAY_BEFORE_LAYER_ID = 'basemap-country-labels';

/** Zoom from which the 1:10m Caucasus detail replaces the 1:110m world outlines. */
export const REGION_MIN_ZOOM = 3.5;

/** Zoom from which countries around the Caucasus are named inside the regional window. */
const REGION_LABEL_ZOOM = 5;

/** Bounds of the 1:10m detail [west, south, east, north], `DETAIL_BBOX` in geo/build/basemap.ts. */
export const DETAIL_BOUNDS: [number, number, number, number] = [26, 30, 62, 50];

/**
 * Builds the basemap style, or returns `options.styleUrl` when an online style was chosen.
 * The returned object is new on every call, so callers may mutate it.
 */
export function createBasemapStyle(options: BasemapOptions = {}): StyleSpecification | string {
  const o = { ...defaultOptions, ...options };
  if (o.styleUrl) return o.styleUrl;
  if (!protocolAdded) {
    addProtocol(BASEMAP_PROTOCOL, loadBasemapFile);
    protocolAdded = true;
  }
  const palette: BasemapPalette = { ...defaultPalette, ...o.palette };
  return {
    version: 8,
    name: 'Article Atlas basemap',
    // No `glyphs`: MapLibre renders text locally with the CSS font named in `text-font`; the
    // font files of other scripts than latin are fetched only when a label needs them.
    'font-faces': { [MAP_FONT_FAMILY]: mapFontFaces(absolute) },
    sources: createSources(),
    layers: [
      ...baseLayers(palette),
      ...(o.showRivers ? riverLayers(palette) : []),
      ...(o.showAdmin1 ? admin1Layers(palette) : []),
      ...borderLayers(palette),
      ...(o.showPlaces ? placeLayers(palette) : []),
      ...countryLabelLayers(palette),
    ],
  };
}

/** Source ids. Each feature of the world and region files names the layer that draws it in `layer`. */
const WORLD = 'basemap-world';
const REGION = 'basemap-region';
const PLACES = 'basemap-places';

const isLayer = (layer: string): ExpressionSpecification => ['==', ['get', 'layer'], layer];

function createSources(): Record<string, SourceSpecification> {
  const geojson = (name: string, attribution?: string): SourceSpecification => ({
    type: 'geojson',
    data: `${BASEMAP_PROTOCOL}://${name}`,
    // Shapes are simplified at build time; a tolerance below the default keeps the coast crisp.
    tolerance: 0.2,
    ...(attribution ? { attribution } : {}),
  });
  const [w, s, e, n] = DETAIL_BOUNDS;
  return {
    [WORLD]: geojson('world.json', BASEMAP_ATTRIBUTION),
    [REGION]: geojson('region.json'),
    [PLACES]: geojson('places.json'),
    // The region's frame, painted as water so the coarse world coastline (which puts land in
    // the Caspian's shallows) does not show through the 1:10m coast.
    'basemap-region-frame': {
      type: 'geojson',
      data: {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
      },
    },
  };
}

/**
 * Asset URLs made absolute in the browser (MapLibre fetches font files with them). Outside a
 * browser (unit tests) they stay as they are.
 */
function absolute(url: string): string {
  const base = globalThis.location?.href;
  return base ? new URL(url, base).href : url;
}

function baseLayers(p: BasemapPalette): LayerSpecification[] {
  return [
    { id: 'basemap-background', type: 'background', paint: { 'background-color': p.water } },
    { id: 'basemap-world-land', type: 'fill', source: WORLD, filter: isLayer('land'), paint: { 'fill-color': p.land, 'fill-antialias': false } },
    {
      id: 'basemap-region-frame',
      type: 'fill',
      source: 'basemap-region-frame',
      minzoom: REGION_MIN_ZOOM,
      paint: { 'fill-color': p.water, 'fill-antialias': false },
    },
    {
      id: 'basemap-region-land',
      type: 'fill',
      source: REGION,
      filter: isLayer('land'),
      minzoom: REGION_MIN_ZOOM,
      paint: { 'fill-color': p.land },
    },
    { id: 'basemap-region-lakes', type: 'fill', source: REGION, filter: isLayer('lake'), minzoom: REGION_MIN_ZOOM, paint: { 'fill-color': p.water } },
  ];
}

function riverLayers(p: BasemapPalette): LayerSpecification[] {
  return [
    {
      id: 'basemap-region-rivers',
      type: 'line',
      source: REGION,
      filter: isLayer('river'),
      minzoom: 4.5,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.river,
        // Major rivers (levels 1-2) a touch wider than level 3, all growing with zoom.
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', ['<=', ['get', 'level'], 2], 0.8, 0.5], 9, ['case', ['<=', ['get', 'level'], 2], 2, 1.2]],
      },
    },
  ];
}

function admin1Layers(p: BasemapPalette): LayerSpecification[] {
  return [
    {
      id: 'basemap-region-admin1',
      type: 'line',
      source: REGION,
      filter: isLayer('admin1'),
      minzoom: 5,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': p.admin1,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1],
        'line-dasharray': [3, 2],
      },
    },
  ];
}

function borderLayers(p: BasemapPalette): LayerSpecification[] {
  return [
    {
      id: 'basemap-world-borders',
      type: 'line',
      source: WORLD,
      filter: ['all', isLayer('border'), ['!', ['get', 'detail']]],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 3.5, 0.8, 9, 1.6] },
    },
    {
      // The coarse borders inside the detail window, until the 1:10m ones replace them.
      id: 'basemap-world-borders-detail',
      type: 'line',
      source: WORLD,
      filter: ['all', isLayer('border'), ['get', 'detail']],
      maxzoom: REGION_MIN_ZOOM,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 3.5, 0.8] },
    },
    {
      id: 'basemap-region-borders',
      type: 'line',
      source: REGION,
      filter: isLayer('border'),
      minzoom: REGION_MIN_ZOOM,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 3.5, 0.8, 9, 1.6] },
    },
  ];
}

/** Places appear by rank: capitals and megacities first, regional towns only when zoomed in. */
const PLACE_RANKS: { rank: number; minzoom: number }[] = [
  { rank: 1, minzoom: 2.5 },
  { rank: 2, minzoom: 4.5 },
  { rank: 3, minzoom: 6 },
];

function placeLayers(p: BasemapPalette): LayerSpecification[] {
  const dots = PLACE_RANKS.map(({ rank, minzoom }): LayerSpecification => ({
    id: `basemap-place-dots-${rank}`,
    type: 'circle',
    source: PLACES,
    minzoom,
    filter: ['==', ['get', 'rank'], rank],
    paint: {
      'circle-radius': ['case', ['get', 'capital'], 3, 2.2],
      'circle-color': ['case', ['get', 'capital'], p.land, p.placeDot],
      'circle-stroke-color': p.placeDot,
      'circle-stroke-width': ['case', ['get', 'capital'], 1.4, 0],
    },
  }));
  const labels = PLACE_RANKS.map(({ rank, minzoom }): LayerSpecification => ({
    id: `basemap-place-labels-${rank}`,
    type: 'symbol',
    source: PLACES,
    minzoom,
    filter: ['==', ['get', 'rank'], rank],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [MAP_FONT_FAMILY],
      'text-size': rank === 1 ? 13 : rank === 2 ? 12 : 11,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.5,
      'text-justify': 'auto',
      'text-max-width': 8,
      // The file is sorted by population, but an explicit key keeps big places first.
      'symbol-sort-key': ['-', 0, ['get', 'population']] as DataDrivenPropertyValueSpecification<number>,
    },
    paint: {
      'text-color': p.placeLabel,
      'text-halo-color': p.halo,
      'text-halo-width': 1.4,
    },
  }));
  // All dots under all labels, so a small town's dot never covers a capital's name; the
  // top-most symbol layer is placed first, so capitals go last and win collisions.
  return [...dots, ...labels.reverse()];
}

/**
 * Country names from two point sets: one per country for the world view, and, from zoom 5,
 * a second point inside the Caucasus window for the countries that reach into it (so Iran
 * and Turkey are named when only their corner of the region is in view).
 */
function countryLabelLayers(p: BasemapPalette): LayerSpecification[] {
  const area: ExpressionSpecification = ['get', 'area_km2'];
  const layer = (id: string, filter: ExpressionSpecification, zooms: { minzoom?: number; maxzoom?: number }): LayerSpecification => ({
    id,
    type: 'symbol',
    source: WORLD,
    filter: ['all', isLayer('label'), filter] as FilterSpecification,
    ...zooms,
    layout: {
      'text-field': ['upcase', ['get', 'name']],
      'text-font': [MAP_FONT_FAMILY],
      // Bigger countries get bigger names; everything grows a little with zoom.
      'text-size': [
        'interpolate', ['linear'], ['zoom'],
        1, ['step', area, 8, 100_000, 9, 1_000_000, 10.5],
        6, ['step', area, 11, 100_000, 12.5, 1_000_000, 13.5],
      ],
      'text-letter-spacing': 0.12,
      'text-max-width': 7,
      'text-padding': 4,
      // Larger countries claim their space first when names collide.
      'symbol-sort-key': ['-', 0, area],
    },
    paint: {
      'text-color': p.countryLabel,
      'text-halo-color': p.halo,
      'text-halo-width': 1.2,
    },
  });
  return [
    layer(OVERLAY_BEFORE_LAYER_ID, ['all', ['==', ['get', 'scope'], 'world'], ['!', ['get', 'region']]], {}),
    layer('basemap-country-labels-region-world', ['all', ['==', ['get', 'scope'], 'world'], ['get', 'region']], { maxzoom: REGION_LABEL_ZOOM }),
    layer('basemap-country-labels-region', ['==', ['get', 'scope'], 'region'], { minzoom: REGION_LABEL_ZOOM }),
  ];
}
