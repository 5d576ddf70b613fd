// Camera moves: frame the article, bring a selected place into view, honour reduced motion.
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { PlaceFeature } from '../../geo/types.ts';
import { featureBounds, type Bounds } from '../lib/geo.ts';
import type { ViewState } from '../url/codec.ts';
import { drawGroup } from './place-layers.ts';
import { paddingFor } from './create-map.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function framePadding(map: MapLibreMap): PaddingOptions {
  return paddingFor(map.getContainer());
}

export function frameBounds(map: MapLibreMap, bounds: Bounds, animate: boolean): void {
  map.fitBounds(bounds, { padding: framePadding(map), maxZoom: 9, animate: animate && !prefersReducedMotion() });
}

export function currentView(map: MapLibreMap): ViewState {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

export function jumpToView(map: MapLibreMap, view: ViewState): void {
  map.jumpTo({ zoom: view.zoom, center: [view.lng, view.lat], bearing: view.bearing, pitch: view.pitch });
}

/** Moves the camera only when the place is not already comfortably in view. */
export function bringIntoView(map: MapLibreMap, feature: PlaceFeature): void {
  const visible = map.getBounds();
  const reduced = prefersReducedMotion();
  const group = drawGroup(feature);
  const [lng, lat] = feature.properties.point;
  if (group === 'country' || group === 'settlement') {
    if (comfortablyVisible(map, [lng, lat])) return;
    const zoom = group === 'country' ? Math.min(map.getZoom(), 3.5) : Math.max(5, Math.min(map.getZoom(), 10));
    const options = { center: [lng, lat] as [number, number], zoom };
    if (reduced) map.jumpTo(options);
    else map.flyTo({ ...options, duration: 1600, essential: false });
    return;
  }
  const bounds = featureBounds(feature);
  if (contains(visible.toArray().flat() as Bounds, bounds)) return;
  map.fitBounds(bounds, { padding: framePadding(map), maxZoom: 10, animate: !reduced, duration: 1400 });
}

/** Far enough from the edges that the marker and its label can be seen. */
function comfortablyVisible(map: MapLibreMap, lngLat: [number, number]): boolean {
  const { x, y } = map.project(lngLat);
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  // Labels run sideways, so the sides need more room than top and bottom.
  const mx = Math.min(100, w * 0.25);
  const my = Math.min(60, h * 0.2);
  return x >= mx && x <= w - mx && y >= my && y <= h - my;
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}
