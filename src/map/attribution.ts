// Credits the basemap owes its sources; shown in MapLibre's attribution control.

/** Natural Earth 1:10m: land, lakes, rivers, borders, divisions, seas, regions, airports (public domain). */
export const NATURAL_EARTH_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a> (public domain)';

/** GeoNames cities500: every settlement of 500 people or more, and the gazetteer (CC BY 4.0). */
export const GEONAMES_ATTRIBUTION =
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> ' +
  '(<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">CC BY 4.0</a>)';

/** Who's On First: the gazetteer's Azerbaijani and Armenian places (CC BY). */
export const WHOS_ON_FIRST_ATTRIBUTION =
  '<a href="https://whosonfirst.org/" target="_blank" rel="noopener">Who’s On First</a> ' +
  '(<a href="https://whosonfirst.org/docs/licenses/" target="_blank" rel="noopener">CC BY</a>)';

/** Every credit the embedded basemap needs, in display order. */
export const BASEMAP_ATTRIBUTIONS: readonly string[] = [
  NATURAL_EARTH_ATTRIBUTION,
  GEONAMES_ATTRIBUTION,
  WHOS_ON_FIRST_ATTRIBUTION,
];

/** The credits as one string, for a source's `attribution` field. */
export const BASEMAP_ATTRIBUTION = BASEMAP_ATTRIBUTIONS.join(' · ');
