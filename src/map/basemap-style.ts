// The offline world basemap as a MapLibre style: vector tiles from one PMTiles archive
// (geo/build/basemap.ts), drawn in calm newsroom colours, labels rendered locally in Noto Sans.
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
// `?url` keeps the archive and the fallback separate, hashed assets. The archive is read by
// byte ranges (src/basemap/archive.ts); the fallback is fetched only when that fails.
import archiveUrl from '../basemap/data/world.pmtiles?url';
import fallbackUrl from '../basemap/data/fallback.json?url';
import { addArchive, ARCHIVE_PROTOCOL, archiveProtocol } from '../basemap/archive.ts';
import { decodeCollection, type EncodedCollection } from '../basemap/encoding.ts';
import { BASEMAP_ATTRIBUTION } from './attribution.ts';
import { MAP_FONT_FAMILY, mapFontFaces } from './fonts.ts';

/** The URL scheme of the embedded GeoJSON files: `atlas-basemap://fallback.json`. */
export const BASEMAP_PROTOCOL = 'atlas-basemap';

/** The files behind `atlas-basemap://<name>`, as bundled asset URLs. */
export const BASEMAP_FILES: Readonly<Record<string, string>> = {
  'fallback.json': fallbackUrl,
};

/** The archive's asset URL (relative to the page, as Vite wrote it). */
export const BASEMAP_ARCHIVE_URL: string = archiveUrl;

/** Fetches an embedded file and decodes it to GeoJSON (src/basemap/encoding.ts). */
export const loadBasemapFile: AddProtocolAction = async (params, abortController) => {
  const name = params.url.slice(`${BASEMAP_PROTOCOL}://`.length);
  const url = BASEMAP_FILES[name];
  if (!url) throw new Error(`Unknown basemap file: ${name}`);
  const response = await fetch(absolute(url), { signal: abortController.signal });
  if (!response.ok) throw new Error(`Basemap file ${name}: HTTP ${response.status}`);
  return { data: decodeCollection((await response.json()) as EncodedCollection) };
};

let protocolsAdded = false;

function addProtocols(): void {
  if (protocolsAdded) return;
  addProtocol(BASEMAP_PROTOCOL, loadBasemapFile);
  addProtocol(ARCHIVE_PROTOCOL, archiveProtocol().tile);
  protocolsAdded = true;
}

/** Colours of the basemap; every field can be overridden through `BasemapOptions.palette`. */
export interface BasemapPalette {
  water: string;
  land: string;
  glacier: string;
  border: string;
  admin1: string;
  river: string;
  waterLabel: string;
  countryLabel: string;
  stateLabel: string;
  placeLabel: string;
  townLabel: string;
  placeDot: string;
  physicalLabel: string;
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
   * Draw settlements (GeoNames cities500, by importance) and airports.
   * @default true
   */
  showPlaces?: boolean;
  /**
   * Draw first-level division boundaries and names.
   * @default true
   */
  showAdmin1?: boolean;
  /**
   * Draw rivers and their names.
   * @default true
   */
  showRivers?: boolean;
  /**
   * Colour overrides, merged over `defaultPalette`.
   * @default {} (the house palette)
   */
  palette?: Partial<BasemapPalette>;
}

/** Quiet newsroom colours: warm grey land, clear blue water, borders darker than land. */
export const defaultPalette: Readonly<BasemapPalette> = {
  water: '#c8dced',
  land: '#f6f4ef',
  glacier: '#fdfefe',
  border: '#968b7e',
  admin1: '#c2b5b9',
  river: '#a8c8e2',
  waterLabel: '#4f7ea6',
  countryLabel: '#5f574e',
  stateLabel: '#8d7b8f',
  placeLabel: '#2f2c29',
  townLabel: '#4a4641',
  placeDot: '#57524b',
  physicalLabel: '#8a7557',
  halo: 'rgba(246, 244, 239, 0.92)',
};

export const defaultOptions: Readonly<Required<Omit<BasemapOptions, 'styleUrl'>> & Pick<BasemapOptions, 'styleUrl'>> = {
  styleUrl: undefined,
  showPlaces: true,
  showAdmin1: true,
  showRivers: true,
  palette: {},
};

/**
 * Article overlays that are not labels (area fills and outlines) go before this layer:
 * `map.addLayer(layer, OVERLAY_BEFORE_LAYER_ID)`. It is the lowest basemap label layer, so
 * those overlays sit above land, water and borders and under every basemap name; the
 * article's markers and labels, added on top of everything, win every label collision.
 */
export const OVERLAY_BEFORE_LAYER_ID = 'basemap-river-labels';

/** The vector source of the archive, and of the fallback world. */
export const BASEMAP_SOURCE = 'basemap';
export const FALLBACK_SOURCE = 'basemap-fallback';

/** Symbol layers whose filters the app narrows to hide what the article draws itself. */
export const PLACE_LABEL_LAYERS = ['basemap-places', 'basemap-places-close'] as const;
export const STATE_LABEL_LAYER = 'basemap-state-labels';
export const COUNTRY_LABEL_LAYER = 'basemap-country-labels';
export const FALLBACK_LABEL_LAYER = 'basemap-fallback-labels';

/** Deepest useful zoom: ~20 m a pixel; the archive's data stops at 10 and is over-zoomed. */
export const MAX_MAP_ZOOM = 14;

/** Images the place layer draws; `create-map.ts` adds them when MapLibre asks. */
export const PLACE_DOT = 'atlas-place-dot';
export const CAPITAL_DOT = 'atlas-capital-dot';

/**
 * Builds the basemap style, or returns `options.styleUrl` when an online style was chosen.
 * The returned object is new on every call, so callers may mutate it.
 */
export function createBasemapStyle(options: BasemapOptions = {}): StyleSpecification | string {
  const o = { ...defaultOptions, ...options };
  if (o.styleUrl) return o.styleUrl;
  addProtocols();
  const p: BasemapPalette = { ...defaultPalette, ...o.palette };
  return {
    version: 8,
    name: 'Article Atlas basemap',
    // No `glyphs`: MapLibre renders text locally with the CSS font named in `text-font`; the
    // files of scripts other than latin are fetched only when a label needs them.
    'font-faces': { [MAP_FONT_FAMILY]: mapFontFaces(absolute) },
    sources: {
      [BASEMAP_SOURCE]: { type: 'vector', url: addArchive(absolute(archiveUrl)), attribution: BASEMAP_ATTRIBUTION } as SourceSpecification,
    },
    layers: [
      ...geometryLayers(p, o),
      ...labelLayers(p, o),
    ],
  };
}

const V = { source: BASEMAP_SOURCE } as const;
const kind = (...kinds: string[]): FilterSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
const zoomed = (stops: [number, number | ExpressionSpecification][]): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;

function geometryLayers(p: BasemapPalette, o: typeof defaultOptions): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    { id: 'basemap-background', type: 'background', paint: { 'background-color': p.water } },
    { id: 'basemap-land', type: 'fill', ...V, 'source-layer': 'land', paint: { 'fill-color': p.land, 'fill-antialias': false } },
    { id: 'basemap-glacier', type: 'fill', ...V, 'source-layer': 'glacier', minzoom: 3, paint: { 'fill-color': p.glacier, 'fill-opacity': 0.85, 'fill-antialias': false } },
  ];
  if (o.showRivers) {
    layers.push({
      id: 'basemap-rivers',
      type: 'line',
      ...V,
      'source-layer': 'river',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.river,
        // The great rivers (Natural Earth scale rank 0-2) wider, all growing with zoom.
        'line-width': zoomed([
          [3, ['case', ['<=', ['get', 'rank'], 2], 0.7, 0.35]],
          [7, ['case', ['<=', ['get', 'rank'], 2], 1.6, 0.9]],
          [11, ['case', ['<=', ['get', 'rank'], 2], 3.2, 1.8]],
        ]),
      },
    });
  }
  layers.push({ id: 'basemap-lakes', type: 'fill', ...V, 'source-layer': 'lake', paint: { 'fill-color': p.water } });
  if (o.showAdmin1) {
    layers.push({
      id: 'basemap-admin1',
      type: 'line',
      ...V,
      'source-layer': 'boundary',
      filter: ['==', ['get', 'level'], 4],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.admin1, 'line-width': zoomed([[3, 0.5], [7, 0.9], [11, 1.6]]), 'line-dasharray': [4, 2] },
    });
  }
  const border = (id: string, disputed: number): LayerSpecification => ({
    id,
    type: 'line',
    ...V,
    'source-layer': 'boundary',
    filter: ['all', ['==', ['get', 'level'], 2], ['==', ['get', 'disputed'], disputed]],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': p.border,
      'line-width': zoomed([[1, 0.5], [4, 0.9], [8, 1.6], [12, 2.4]]),
      ...(disputed ? { 'line-dasharray': [3, 2] } : {}),
    },
  });
  layers.push(border('basemap-borders-disputed', 1), border('basemap-borders', 0));
  return layers;
}

const halo = (p: BasemapPalette, width = 1.4) => ({ 'text-halo-color': p.halo, 'text-halo-width': width });
const font = [MAP_FONT_FAMILY];

function labelLayers(p: BasemapPalette, o: typeof defaultOptions): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: OVERLAY_BEFORE_LAYER_ID,
      type: 'symbol',
      ...V,
      'source-layer': 'river',
      minzoom: 7,
      filter: ['!=', ['get', 'name'], ''],
      layout: {
        visibility: o.showRivers ? 'visible' : 'none',
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': font,
        'text-size': zoomed([[7, 10], [12, 12]]),
        'text-letter-spacing': 0.06,
        'symbol-spacing': 420,
        'text-max-angle': 30,
      },
      paint: { 'text-color': p.waterLabel, ...halo(p, 1.2) },
    },
    {
      id: 'basemap-physical-labels',
      type: 'symbol',
      ...V,
      'source-layer': 'label',
      filter: kind('range', 'region', 'peninsula', 'island', 'cape', 'peak'),
      layout: {
        'text-field': ['case', ['==', ['get', 'kind'], 'peak'], ['format', ['get', 'name'], {}, '\n', {}, ['concat', ['to-string', ['get', 'ele']], ' m'], { 'font-scale': 0.85 }], ['get', 'name']],
        'text-font': font,
        'text-size': ['case', ['==', ['get', 'kind'], 'range'], 11, 10.5],
        'text-letter-spacing': ['case', ['==', ['get', 'kind'], 'range'], 0.18, 0.06],
        'text-transform': ['case', ['==', ['get', 'kind'], 'range'], 'uppercase', 'none'],
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'rank'],
        'text-padding': 6,
      },
      paint: { 'text-color': ['case', ['==', ['get', 'kind'], 'island'], p.townLabel, p.physicalLabel], ...halo(p, 1.2) },
    },
    {
      id: 'basemap-marine-labels',
      type: 'symbol',
      ...V,
      'source-layer': 'label',
      filter: kind('ocean', 'sea', 'lake'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': font,
        'text-size': zoomed([
          [2, ['match', ['get', 'kind'], 'ocean', 14, 'sea', 10.5, 10]],
          [8, ['match', ['get', 'kind'], 'ocean', 16, 'sea', 13, 11.5]],
        ]),
        'text-letter-spacing': ['match', ['get', 'kind'], 'ocean', 0.3, 'sea', 0.1, 0.04],
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.waterLabel, 'text-halo-color': 'rgba(200, 220, 237, 0.8)', 'text-halo-width': 1 },
    },
  ];
  if (o.showPlaces) {
    layers.push({
      id: 'basemap-airport-labels',
      type: 'symbol',
      ...V,
      'source-layer': 'label',
      filter: kind('airport'),
      layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 10, 'text-max-width': 7, 'text-optional': false },
      paint: { 'text-color': '#6a6a86', ...halo(p) },
    });
  }
  if (o.showAdmin1) {
    layers.push({
      id: STATE_LABEL_LAYER,
      type: 'symbol',
      ...V,
      'source-layer': 'label',
      filter: kind('state'),
      maxzoom: 10,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': font,
        'text-size': zoomed([[3, 10], [8, 12.5]]),
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'text-padding': 6,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.stateLabel, ...halo(p) },
    });
  }
  if (o.showPlaces) layers.push(...placeLayers(p));
  layers.push({
    id: COUNTRY_LABEL_LAYER,
    type: 'symbol',
    ...V,
    'source-layer': 'label',
    filter: kind('country'),
    layout: {
      'text-field': ['upcase', ['get', 'name']],
      'text-font': font,
      // Bigger countries (lower rank) get bigger names; everything grows a little with zoom.
      'text-size': zoomed([
        [1, ['step', ['get', 'rank'], 11, 2, 9.5, 3, 8.5]],
        [6, ['step', ['get', 'rank'], 15, 2, 14, 3, 12.5, 4, 11.5]],
      ]),
      'text-letter-spacing': 0.12,
      'text-max-width': 7,
      'text-padding': 4,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': p.countryLabel, ...halo(p, 1.5) },
  });
  return layers;
}

const pop: ExpressionSpecification = ['get', 'pop'];
/** Capitals first, then by population: what MapLibre places first wins a collision. */
const placeRank: ExpressionSpecification = ['-', 0, ['+', pop, ['*', ['get', 'cap'], 5_000_000]]];

/**
 * Settlements: a dot and the name up to zoom 10, the name alone (centred) beyond; from zoom 8
 * the local name (Dūmā's دوما, Yerevan's Երևան) under the one the gazetteer shows when it differs.
 */
function placeLayers(p: BasemapPalette): LayerSpecification[] {
  const withLocal: ExpressionSpecification = [
    'case',
    ['has', 'local'],
    ['format', ['get', 'name'], {}, '\n', {}, ['get', 'local'], { 'font-scale': 0.82, 'text-color': p.townLabel }],
    ['get', 'name'],
  ];
  const size = (big: number, mid: number, small: number, tiny: number): ExpressionSpecification =>
    ['step', pop, tiny, 2_000, small, 50_000, mid, 500_000, big] as ExpressionSpecification;
  const capital: ExpressionSpecification = ['==', ['get', 'cap'], 2];
  const layout = {
    'text-field': ['step', ['zoom'], ['get', 'name'], 8, withLocal] as DataDrivenPropertyValueSpecification<string>,
    'text-font': font,
    'text-size': zoomed([
      [3, ['case', capital, 12, size(11.5, 10.5, 10, 10)]],
      [8, ['case', capital, 15, size(14, 12.5, 11.5, 10.5)]],
      [12, size(17, 15, 13.5, 12)],
    ]),
    'text-justify': 'auto',
    'text-max-width': 8,
    'text-padding': 3,
    'symbol-sort-key': placeRank,
  } as const;
  const paint = { 'text-color': ['step', pop, p.townLabel, 50_000, p.placeLabel] as ExpressionSpecification, ...halo(p, 1.5) };
  return [
    {
      id: PLACE_LABEL_LAYERS[0],
      type: 'symbol',
      ...V,
      'source-layer': 'place',
      maxzoom: 10,
      layout: {
        ...layout,
        'icon-image': ['case', capital, CAPITAL_DOT, PLACE_DOT],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.45,
      },
      paint,
    },
    { id: PLACE_LABEL_LAYERS[1], type: 'symbol', ...V, 'source-layer': 'place', minzoom: 10, layout, paint },
  ];
}

/** The fallback world (1:110m land, borders, country names) for a map without its archive. */
export function fallbackLayers(palette: Partial<BasemapPalette> = {}): { source: SourceSpecification; layers: LayerSpecification[] } {
  const p: BasemapPalette = { ...defaultPalette, ...palette };
  const layer = (name: string): FilterSpecification => ['==', ['get', 'layer'], name];
  return {
    source: { type: 'geojson', data: `${BASEMAP_PROTOCOL}://fallback.json`, tolerance: 0.2, attribution: BASEMAP_ATTRIBUTION },
    layers: [
      { id: 'basemap-fallback-land', type: 'fill', source: FALLBACK_SOURCE, filter: layer('land'), paint: { 'fill-color': p.land } },
      { id: 'basemap-fallback-lakes', type: 'fill', source: FALLBACK_SOURCE, filter: layer('lake'), paint: { 'fill-color': p.water } },
      { id: 'basemap-fallback-borders', type: 'line', source: FALLBACK_SOURCE, filter: layer('border'), paint: { 'line-color': p.border, 'line-width': 0.9 } },
      {
        id: FALLBACK_LABEL_LAYER,
        type: 'symbol',
        source: FALLBACK_SOURCE,
        filter: layer('label'),
        layout: { 'text-field': ['upcase', ['get', 'name']], 'text-font': font, 'text-size': 10.5, 'text-letter-spacing': 0.12, 'text-max-width': 7, 'symbol-sort-key': ['get', 'rank'] },
        paint: { 'text-color': p.countryLabel, ...halo(p) },
      },
    ],
  };
}

/** A round dot for towns, a ringed one for capitals, drawn at `pixelRatio`. */
export function placeDotImage(id: string, pixelRatio = 1): { width: number; height: number; data: Uint8Array } | null {
  if (id !== PLACE_DOT && id !== CAPITAL_DOT) return null;
  const capital = id === CAPITAL_DOT;
  const size = Math.round((capital ? 11 : 7) * pixelRatio);
  const data = new Uint8Array(size * size * 4);
  const c = (size - 1) / 2;
  const outer = size / 2;
  const ink = [0x57, 0x52, 0x4b];
  const paper = [0xf6, 0xf4, 0xef];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const i = (y * size + x) * 4;
      // Paper halo at the rim, ink inside; a capital has a paper centre inside an ink ring.
      const rgb = d > outer - 1.2 * pixelRatio ? paper : capital && d < outer - 3.4 * pixelRatio ? (d < 1.6 * pixelRatio ? ink : paper) : ink;
      const alpha = Math.max(0, Math.min(1, outer - d));
      data.set([rgb[0]!, rgb[1]!, rgb[2]!, Math.round(alpha * 255)], i);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Asset URLs made absolute in the browser (MapLibre fetches font files and the archive with
 * them). Outside a browser (unit tests) they stay as they are.
 */
export function absolute(url: string): string {
  const base = globalThis.location?.href;
  return base ? new URL(url, base).href : url;
}
