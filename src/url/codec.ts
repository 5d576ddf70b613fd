// The URL contract as a pure codec: `?place=<id>&s=<n>#map=<zoom>/<lat>/<lng>`.
// Parsing never throws: anything unreadable is dropped and reported as a problem.

/** A map view in MapLibre's named-hash order. */
export interface ViewState {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

/** What a link can carry. `statement` is 1-based, as written in the URL. */
export interface UrlState {
  place: string | null;
  statement: number | null;
  view: ViewState | null;
}

export type ProblemField = 'url' | 'place' | 'statement' | 'view' | 'article' | 'fix';

export interface UrlProblem {
  field: ProblemField;
  message: string;
}

export interface ParsedLocation {
  state: UrlState;
  problems: UrlProblem[];
}

export const EMPTY_STATE: UrlState = { place: null, statement: null, view: null };

const PLACE_PARAM = 'place';
const STATEMENT_PARAM = 's';
const VIEW_KEY = 'map';
const MAX_ID_LENGTH = 200;
const MAX_ZOOM = 24;
const MAX_LAT = 85.051129;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads place, statement and view from a URL; never throws. */
export function parseLocation(url: string | URL): ParsedLocation {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return { state: { ...EMPTY_STATE }, problems: [{ field: 'url', message: 'The link could not be read.' }] };
  }
  const problems: UrlProblem[] = [];
  const place = parsePlace(parsed.searchParams, problems);
  const statement = parseStatement(parsed.searchParams, place, problems);
  const view = parseViewHash(parsed.hash, problems);
  return { state: { place, statement, view }, problems };
}

function parsePlace(params: URLSearchParams, problems: UrlProblem[]): string | null {
  const raw = params.get(PLACE_PARAM);
  if (raw === null) return null;
  const id = raw.trim();
  if (id === '' || id.length > MAX_ID_LENGTH) {
    problems.push({ field: 'place', message: 'The link names no readable place; showing the whole article.' });
    return null;
  }
  return id;
}

function parseStatement(params: URLSearchParams, place: string | null, problems: UrlProblem[]): number | null {
  const raw = params.get(STATEMENT_PARAM);
  if (raw === null) return null;
  const value = raw.trim();
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    problems.push({ field: 'statement', message: `The statement number “${clip(raw)}” in the link is not valid.` });
    return null;
  }
  if (place === null) {
    problems.push({ field: 'statement', message: 'The link names a statement but no place; it was ignored.' });
    return null;
  }
  return Number(value);
}

/** The hash holds `&`-separated parts; ours is `map=...`, the others belong to someone else (or to article-params.ts). */
export function hashParts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

function parseViewHash(hash: string, problems: UrlProblem[]): ViewState | null {
  const part = hashParts(hash).find((p) => p === VIEW_KEY || p.startsWith(`${VIEW_KEY}=`));
  if (part === undefined) return null;
  const view = parseView(safeDecode(part.slice(VIEW_KEY.length + 1)));
  if (view === null) {
    problems.push({ field: 'view', message: 'The map view in the link could not be read; showing the default view.' });
  }
  return view;
}

/** `zoom/lat/lng[/bearing[/pitch]]`, or null when any part is missing or out of range. */
export function parseView(value: string): ViewState | null {
  const parts = value.split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  if (!parts.every((p) => NUMBER.test(p))) return null;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number);
  if (zoom < 0 || zoom > MAX_ZOOM) return null;
  if (Math.abs(lat) > MAX_LAT || Math.abs(lng) > 180) return null;
  if (Math.abs(bearing) > 360 || pitch < 0 || pitch > 85) return null;
  return { zoom, lat, lng, bearing, pitch };
}

/** MapLibre's hash format: two decimals of zoom, coordinates as precise as the zoom needs. */
export function formatView(view: ViewState): string {
  const precision = Math.max(0, Math.ceil((view.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const m = 10 ** precision;
  const round = (n: number) => (Math.round(n * m) / m).toFixed(precision);
  let out = `${Math.round(view.zoom * 100) / 100}/${round(view.lat)}/${round(wrapLng(view.lng))}`;
  if (view.bearing !== 0 || view.pitch !== 0) out += `/${Math.round(view.bearing * 10) / 10}`;
  if (view.pitch !== 0) out += `/${Math.round(view.pitch)}`;
  return out;
}

function wrapLng(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  const wrapped = ((((lng + 180) % 360) + 360) % 360) - 180;
  return wrapped;
}

/** Writes the state into `baseUrl`, keeping its other query parameters and hash parts. */
export function serializeState(state: UrlState, baseUrl: string | URL): string {
  const url = new URL(String(baseUrl));
  const params = url.searchParams;
  if (state.place === null) {
    params.delete(PLACE_PARAM);
    params.delete(STATEMENT_PARAM);
  } else {
    params.set(PLACE_PARAM, state.place);
    if (state.statement === null) params.delete(STATEMENT_PARAM);
    else params.set(STATEMENT_PARAM, String(state.statement));
  }
  url.search = params.toString();
  const others = hashParts(url.hash).filter((p) => p !== VIEW_KEY && !p.startsWith(`${VIEW_KEY}=`));
  const parts = state.view === null ? others : [`${VIEW_KEY}=${formatView(state.view)}`, ...others];
  url.hash = parts.join('&');
  return url.href;
}

/** Drops what does not exist in the current article: an unknown place, a statement out of range. */
export function resolveAgainst(
  state: UrlState,
  statementCount: (placeId: string) => number | null,
): ParsedLocation {
  const problems: UrlProblem[] = [];
  if (state.place === null) return { state, problems };
  const count = statementCount(state.place);
  if (count === null) {
    problems.push({ field: 'place', message: `The link names a place, “${clip(state.place)}”, that this article does not mention.` });
    return { state: { ...state, place: null, statement: null }, problems };
  }
  if (state.statement !== null && state.statement > count) {
    problems.push({ field: 'statement', message: `This place has ${count} statement${count === 1 ? '' : 's'}; statement ${state.statement} from the link does not exist.` });
    return { state: { ...state, statement: null }, problems };
  }
  return { state, problems };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
