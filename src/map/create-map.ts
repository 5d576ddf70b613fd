// Creates the MapLibre map with the embedded basemap and the article's place layers.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { PaddingOptions } from 'maplibre-gl';
import type { PlaceFeature } from '../../geo/types.ts';
import { BASEMAP_ATTRIBUTIONS } from './attribution.ts';
import { createBasemapStyle, OVERLAY_BEFORE_LAYER_ID } from './basemap-style.ts';
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
  return map;
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

const BASEMAP_PLACES_SOURCE = 'basemap-places';
const basemapFilters = new WeakMap<maplibregl.Map, Map<string, maplibregl.FilterSpecification | undefined>>();

/** The basemap's own dot and name for Baku would double the article's: hide those it draws itself. */
export function hideBasemapDuplicates(map: maplibregl.Map, features: readonly PlaceFeature[]): void {
  let originals = basemapFilters.get(map);
  if (!originals) {
    originals = new Map();
    for (const layer of map.getStyle().layers) {
      if ('source' in layer && layer.source === BASEMAP_PLACES_SOURCE) originals.set(layer.id, layer.filter);
    }
    basemapFilters.set(map, originals);
  }
  const ids = features.map((f) => f.properties.geonameid).filter((id): id is number => id !== null);
  const names = [...new Set(features.flatMap((f) => [f.properties.name, ...f.properties.names]))];
  const notDrawn: maplibregl.ExpressionSpecification = [
    'all',
    ['!', ['in', ['get', 'geonameid'], ['literal', ids]]],
    ['!', ['in', ['get', 'name'], ['literal', names]]],
  ];
  for (const [id, original] of originals) {
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
