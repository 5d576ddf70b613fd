// Creates the MapLibre map with the embedded basemap and the article's place layers.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { PaddingOptions } from 'maplibre-gl';
import type { PlaceFeature } from '../../geo/types.ts';
import { BASEMAP_ATTRIBUTIONS } from './attribution.ts';
import {
  COUNTRY_LABEL_LAYER,
  createBasemapStyle,
  FALLBACK_SOURCE,
  fallbackLayers,
  MAX_MAP_ZOOM,
  OVERLAY_BEFORE_LAYER_ID,
  PLACE_LABEL_LAYERS,
  placeDotImage,
  STATE_LABEL_LAYER,
} from './basemap-style.ts';
import { onArchiveProblem, type ArchiveProblem } from '../basemap/archive.ts';
import {
  LABELS_SOURCE,
  PLACES_SOURCE,
  labelsData,
  overLayers,
  placesData,
  sourceSpec,
  underLayers,
} from './place-layers.ts';

maplibregl.setWorkerUrl(workerUrl);

const TEST_BUILD = import.meta.env.MODE === 'test' || import.meta.env.VITE_TEST === '1';

/** A quick probe, so a browser without WebGL gets a message rather than an exception. */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export interface CreateMapOptions {
  container: HTMLElement;
  /** Where to start; the caller frames the article once the map exists when it is null. */
  camera: { center: [number, number]; zoom: number; bearing?: number; pitch?: number } | null;
  bounds: [number, number, number, number] | null;
}

/** Room around framed places: an eighth of the map, more at the sides where labels run out. */
export function paddingFor(container: HTMLElement): PaddingOptions {
  const { clientWidth: w, clientHeight: h } = container;
  const p = Math.round(Math.max(24, Math.min(72, Math.min(w, h) * 0.12)));
  const side = p + Math.round(Math.min(48, w * 0.06));
  return { top: p, bottom: p, left: side, right: side };
}

/** Throws when WebGL cannot be initialised; the caller shows its message. */
export function createMap({ container, camera, bounds }: CreateMapOptions): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: createBasemapStyle({ styleUrl: import.meta.env.VITE_BASEMAP_STYLE_URL || undefined }),
    ...(camera ?? {}),
    maxZoom: MAX_MAP_ZOOM,
    ...(camera === null && bounds !== null ? { bounds, fitBoundsOptions: { padding: paddingFor(container), maxZoom: 9 } } : {}),
    attributionControl: false,
    // Labels appear at once instead of fading in over 300 ms: every fade frame is a full redraw,
    // and a click that lands during one waits for it (tens of milliseconds without a GPU).
    fadeDuration: 0,
    maxPitch: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: TEST_BUILD ? { preserveDrawingBuffer: true } : undefined,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const phone = typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
  map.addControl(new maplibregl.AttributionControl({ customAttribution: [...BASEMAP_ATTRIBUTIONS], compact: phone }), 'bottom-right');
  // On phones the credits start folded behind their (i) button instead of covering the map.
  if (phone) map.once('load', () => container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
  map.addControl(new maplibregl.ScaleControl({ maxWidth: 100, unit: 'metric' }), 'bottom-left');
  map.on('styleimagemissing', ({ id }: { id: string }) => {
    const image = placeDotImage(id, Math.min(2, Math.round(window.devicePixelRatio || 1)));
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: Math.min(2, Math.round(window.devicePixelRatio || 1)) });
  });
  watchBasemap(map, container);
  return map;
}

/** What the map knows about its basemap: `ok`, or what is missing and why. */
export interface BasemapStatus {
  state: 'ok' | 'fallback' | 'partial';
  problem: ArchiveProblem | null;
  /** A sentence for the reader, or '' when all is well. */
  message: string;
}

/** The event the map container receives when the basemap's state changes (`detail`: BasemapStatus). */
export const BASEMAP_STATUS_EVENT = 'atlas-basemap-status';

const statuses = new WeakMap<maplibregl.Map, BasemapStatus>();

/** The basemap's state for `map`; the same value is in `container.dataset.basemap`. */
export function basemapStatus(map: maplibregl.Map): BasemapStatus {
  return statuses.get(map) ?? { state: 'ok', problem: null, message: '' };
}

const MESSAGES: Record<ArchiveProblem, string> = {
  'no-range': 'The detailed basemap needs a server that answers HTTP Range requests; this one does not, so the map shows a simple world outline.',
  unreadable: 'The detailed basemap could not be loaded, so the map shows a simple world outline.',
  tiles: 'Parts of the basemap could not be loaded; the article’s places are all shown.',
};

/**
 * Follows the archive's problems: without a readable archive the map draws the embedded
 * 1:110m world instead; a missing tile leaves a gap. Either way a notice inside the map says
 * what is missing, the container's `data-basemap` attribute and BASEMAP_STATUS_EVENT tell
 * the app, and the article's own layers are untouched.
 */
function watchBasemap(map: maplibregl.Map, container: HTMLElement): void {
  container.dataset.basemap = 'ok';
  const update = (problem: ArchiveProblem) => {
    const current = basemapStatus(map);
    if (current.state === 'fallback' || (current.problem === problem && problem === 'tiles')) return;
    const status: BasemapStatus = { state: problem === 'tiles' ? 'partial' : 'fallback', problem, message: MESSAGES[problem] };
    statuses.set(map, status);
    container.dataset.basemap = status.state;
    if (status.state === 'fallback') {
      if (map.isStyleLoaded()) useFallback(map);
      else map.once('load', () => useFallback(map));
    }
    showNotice(container, status.message);
    container.dispatchEvent(new CustomEvent<BasemapStatus>(BASEMAP_STATUS_EVENT, { detail: status, bubbles: true }));
  };
  const unsubscribe = onArchiveProblem((problem) => update(problem));
  map.once('remove', unsubscribe);
}

function useFallback(map: maplibregl.Map): void {
  if (map.getSource(FALLBACK_SOURCE)) return;
  const { source, layers } = fallbackLayers();
  map.addSource(FALLBACK_SOURCE, source);
  for (const layer of layers) map.addLayer(layer, layer.type === 'symbol' ? COUNTRY_LABEL_LAYER : OVERLAY_BEFORE_LAYER_ID);
}

/** A small, dismissible line at the top of the map; styled through the CSSOM (the CSP allows no inline style text). */
function showNotice(container: HTMLElement, message: string): void {
  let notice = container.querySelector<HTMLElement>('.atlas-basemap-notice');
  if (!notice) {
    notice = document.createElement('div');
    notice.className = 'atlas-basemap-notice';
    notice.setAttribute('role', 'status');
    Object.assign(notice.style, {
      position: 'absolute',
      // At the bottom, above the credits: the top of the map holds the app's own controls.
      bottom: '34px',
      left: '50%',
      transform: 'translateX(-50%)',
      maxWidth: 'min(90%, 34rem)',
      padding: '6px 10px',
      font: '13px/1.35 "Noto Sans", system-ui, sans-serif',
      color: '#3f3c38',
      background: 'rgba(255, 251, 235, 0.96)',
      border: '1px solid #e0c98a',
      borderRadius: '4px',
      boxShadow: '0 1px 3px rgba(0,0,0,0.12)',
      zIndex: '2',
    });
    const text = document.createElement('span');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss basemap notice');
    Object.assign(close.style, { marginLeft: '8px', border: '0', background: 'none', font: 'inherit', cursor: 'pointer', color: 'inherit' });
    close.addEventListener('click', () => notice?.remove());
    notice.append(text, close);
    container.append(notice);
  }
  notice.firstElementChild!.textContent = message;
}

/** Adds the place sources and layers; call once the style has loaded. */
export function addPlaceLayers(map: maplibregl.Map, features: readonly PlaceFeature[], beforeId = OVERLAY_BEFORE_LAYER_ID): void {
  map.addSource(PLACES_SOURCE, sourceSpec(placesData(features)));
  map.addSource(LABELS_SOURCE, sourceSpec(labelsData(features)));
  const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  for (const layer of underLayers()) map.addLayer(layer, before);
  for (const layer of overLayers()) map.addLayer(layer);
  hideBasemapDuplicates(map, features);
}

export function setPlaceData(map: maplibregl.Map, features: readonly PlaceFeature[]): void {
  map.getSource<maplibregl.GeoJSONSource>(PLACES_SOURCE)?.setData(placesData(features));
  map.getSource<maplibregl.GeoJSONSource>(LABELS_SOURCE)?.setData(labelsData(features));
  hideBasemapDuplicates(map, features);
}

const basemapFilters = new WeakMap<maplibregl.Map, Map<string, maplibregl.FilterSpecification | undefined>>();

/**
 * The basemap's own names of what the article draws (its towns by GeoNames id, its
 * first-level divisions by id) would double the article's labels: hide them. Call with the
 * article's features whenever they change. Country names stay: the article names a country
 * only on hover and selection (src/map/place-layers.ts), and relies on the basemap's name.
 */
export function hideBasemapDuplicates(map: maplibregl.Map, features: readonly PlaceFeature[]): void {
  let originals = basemapFilters.get(map);
  if (!originals) {
    originals = new Map();
    for (const id of [...PLACE_LABEL_LAYERS, STATE_LABEL_LAYER]) {
      const layer = map.getLayer(id);
      if (layer) originals.set(id, map.getFilter(id) ?? undefined);
    }
    basemapFilters.set(map, originals);
  }
  const ids = features.map((f) => f.properties.geonameid).filter((id): id is number => id !== null);
  // A place without a GeoNames id (a Who's On First village) is matched by name instead.
  const names = [...new Set(features.filter((f) => f.properties.geonameid === null && f.properties.kind !== 'country').flatMap((f) => [f.properties.name, ...f.properties.names]))];
  const place: maplibregl.ExpressionSpecification = ['all', ['!', ['in', ['get', 'id'], ['literal', ids]]], ['!', ['in', ['get', 'name'], ['literal', names]]]];
  const hidden: Record<string, maplibregl.ExpressionSpecification> = {
    ...Object.fromEntries(PLACE_LABEL_LAYERS.map((id) => [id, place])),
    [STATE_LABEL_LAYER]: ['!', ['in', ['get', 'id'], ['literal', ids]]],
  };
  for (const [id, original] of originals) {
    const notDrawn = hidden[id]!;
    // Built here from the style's own filters: validating it again on every new article is wasted work.
    map.setFilter(id, original ? ['all', original as maplibregl.ExpressionSpecification, notDrawn] : notDrawn, { validate: false });
  }
}

export function placeSourcesLoaded(map: maplibregl.Map): boolean {
  return Boolean(map.getSource(PLACES_SOURCE) && map.getSource(LABELS_SOURCE)) && map.isSourceLoaded(PLACES_SOURCE) && map.isSourceLoaded(LABELS_SOURCE);
}

export function setPlaceState(map: maplibregl.Map, id: string, state: Record<string, boolean>): void {
  for (const source of [PLACES_SOURCE, LABELS_SOURCE]) {
    if (map.getSource(source)) map.setFeatureState({ source, id }, state);
  }
}
