// Types for @mapbox/geojsonhint, which ships none: only what the tests call.
declare module '@mapbox/geojsonhint' {
  export interface HintMessage {
    message: string;
    level?: 'message' | 'error';
    line?: number;
  }
  export function hint(geojson: unknown, options?: { precisionWarning?: boolean; noDuplicateMembers?: boolean }): HintMessage[];
}
