// Country outlines for highlighting a selected country (1:110m, from the basemap's data), read
// once on the first country selected: the first view does not pay for them.
import type { FeatureCollection, Geometry } from 'geojson';
import countriesUrl from '../basemap/data/world-countries.json?url';
import { ALPHA2_OF_NAME, ALPHA2_OF_NUMERIC } from './country-codes.ts';

let loading: Promise<Map<string, Geometry>> | null = null;

function load(): Promise<Map<string, Geometry>> {
  loading ??= fetch(countriesUrl)
    .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : Promise.reject(new Error(String(r.status)))))
    .then((data) => {
      const byCode = new Map<string, Geometry>();
      for (const f of data.features) {
        const props = (f.properties ?? {}) as { id?: string; name?: string };
        const code = (props.id && ALPHA2_OF_NUMERIC[props.id]) || (props.name && ALPHA2_OF_NAME[props.name]);
        if (code && f.geometry) byCode.set(code, f.geometry);
      }
      return byCode;
    });
  // A failed read is tried again next time; the map simply shows no outline meanwhile.
  loading.catch(() => (loading = null));
  return loading;
}

/** The outline of the country with ISO code `code`, or null when there is none (or it cannot be read). */
export async function countryOutline(code: string): Promise<Geometry | null> {
  try {
    return (await load()).get(code) ?? null;
  } catch {
    return null;
  }
}
