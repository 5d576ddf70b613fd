// The test hook the browser tests read: the map and the app state, once the map exists.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState } from '../state/app-state.svelte.ts';

declare global {
  interface Window {
    __atlas?: { map: MapLibreMap | null; state: AppState };
  }
}

export {};
