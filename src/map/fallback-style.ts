// A bare style used only until the embedded basemap is in place.
import type { StyleSpecification } from 'maplibre-gl';

export function fallbackStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f3' } }],
  };
}
