// Camera moves, one rule for all of them: an article opens on its opening frame, "Show all places"
// fits every place, and a place selected from the map, the list or the text is brought to its
// extent (a country's bbox, a city at a city zoom) unless it is already well in view. Reduced
// motion jumps instead of flying.
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { PlaceFeature } from '../../geo/types.ts';
import type { ViewState } from '../url/codec.ts';
import { paddingFor } from './create-map.ts';
import { allPlacesFrame, maxZoomFor, openingFrame, placeExtent, type Extent, type Frame } from './frame.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function framePadding(map: MapLibreMap): PaddingOptions {
  return paddingFor(map.getContainer());
}

/** How long a camera move takes when motion is welcome. */
const MOVE_MS = 900;

function fit(map: MapLibreMap, extent: Extent, maxZoom: number, animate: boolean): void {
  const move = animate && !prefersReducedMotion();
  map.fitBounds(
    [
      [extent[0], extent[1]],
      [extent[2], extent[3]],
    ],
    { padding: framePadding(map), maxZoom, animate: move, duration: MOVE_MS, essential: false },
  );
}

export function fitFrame(map: MapLibreMap, frame: Frame | null, animate: boolean): void {
  if (frame) fit(map, frame.extent, frame.maxZoom, animate);
}

/** A new article: the frame that holds most of its mentions. */
export function frameArticle(map: MapLibreMap, features: readonly PlaceFeature[], animate: boolean): void {
  fitFrame(map, openingFrame(features), animate);
}

export function showAllPlaces(map: MapLibreMap, features: readonly PlaceFeature[]): void {
  fitFrame(map, allPlacesFrame(features), true);
}

export function currentView(map: MapLibreMap): ViewState {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

export function jumpToView(map: MapLibreMap, view: ViewState): void {
  map.jumpTo({ zoom: view.zoom, center: [view.lng, view.lat], bearing: view.bearing, pitch: view.pitch });
}

/** A settlement is "in view" from this zoom on (a country's towns apart); below it, a dot among the world's. */
const SETTLEMENT_VIEW_ZOOM = 4;
/** An area is "in view" when it fills at least this share of the map's width or height. */
const AREA_VIEW_SHARE = 0.12;

/** The extent of the map inside its padding, in pixels: where a place is comfortably seen. */
function innerBox(map: MapLibreMap): { left: number; top: number; right: number; bottom: number } {
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  const { left = 0, top = 0, right = 0, bottom = 0 } = framePadding(map);
  // Half the framing padding: a place framed by fitBounds is well inside this.
  return { left: left / 2, top: top / 2, right: w - right / 2, bottom: h - bottom / 2 };
}

/**
 * Whether the camera can stay where it is: the place's extent lies inside the map (away from
 * its edges) and is large enough to be seen as itself, a settlement at a regional zoom or more.
 */
export function wellInView(map: MapLibreMap, feature: PlaceFeature): boolean {
  const extent = placeExtent(feature);
  const box = innerBox(map);
  const sw = map.project([extent[0], extent[1]]);
  const ne = map.project([extent[2], extent[3]]);
  const inside = sw.x >= box.left && ne.x <= box.right && ne.y >= box.top && sw.y <= box.bottom;
  if (!inside) return false;
  const kind = feature.properties.kind;
  if (kind === 'city' || kind === 'town' || kind === 'village') return map.getZoom() >= SETTLEMENT_VIEW_ZOOM;
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  return Math.max((ne.x - sw.x) / w, (sw.y - ne.y) / h) >= AREA_VIEW_SHARE || map.getZoom() >= maxZoomFor(kind);
}

/** The same move from map, list and text: to the place's extent, unless it is well in view. Returns whether it moved. */
export function bringIntoView(map: MapLibreMap, feature: PlaceFeature): boolean {
  if (wellInView(map, feature)) return false;
  const kind = feature.properties.kind;
  // A settlement keeps a closer zoom the reader chose; it is only brought into the middle.
  const maxZoom = Math.max(maxZoomFor(kind), kind === 'city' || kind === 'town' || kind === 'village' ? map.getZoom() : 0);
  fit(map, placeExtent(feature), maxZoom, true);
  return true;
}
