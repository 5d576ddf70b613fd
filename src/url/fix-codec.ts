// The link form of a reader's corrections, the value of `fix=` (and of an export's and a saved
// article's `corrections`): comma-separated `key:value` entries, sorted by key.
//
//   khojaly:2                               the place's alternative 2 (0-based)
//   baku:x                                  not a place
//   arlington:Arlington~city~US~Texas~-97.10~32.73~4671240
//                                           a reading found by searching (for a place or an
//                                           unresolved name's slug): name~kind~country~admin1~
//                                           lon~lat~geonameid[~w_s_e_n]
//   @1234-1239:Douma~city~SY~Rif+Dimashq~36.40~33.57~170654
//                                           the words at offsets 1234..1239 are this place
//
// Names are percent-encoded with `+` for a space, and `~ ! * ' ( )` escaped too, so an entry
// holds no character a browser, a chat app or this grammar would treat specially. Old links
// (`id:n`, `id:x`) read as before. Pure; never throws.
import type { PlaceKind } from '../../geo/types.ts';
import { parseSpanKey, type Correction, type Corrections, type FixedReading } from '../../geo/output/corrections.ts';

const ID = /^[a-z0-9-]{1,80}$/;
const KINDS: readonly string[] = ['continent', 'region', 'country', 'admin1', 'district', 'city', 'town', 'village', 'route', 'water', 'island', 'landform', 'other'];
const NUMBER = /^-?\d{1,3}(\.\d{1,7})?$/;
const MAX_NAME = 200;

function encodeField(value: string): string {
  return encodeURIComponent(value)
    .replace(/[~!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function decodeField(value: string): string | null {
  if (/[^A-Za-z0-9%+._-]/.test(value)) return null;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Coordinates to five decimals (about a metre), no trailing zeros. */
const coordinate = (n: number) => String(Math.round(n * 1e5) / 1e5);

export function serializeReading(r: FixedReading): string {
  const fields = [
    encodeField(r.name),
    r.kind,
    r.country ?? '',
    r.admin1 === null ? '' : encodeField(r.admin1),
    coordinate(r.coordinates[0]),
    coordinate(r.coordinates[1]),
    r.geonameid === null ? '' : String(r.geonameid),
  ];
  if (r.bbox) fields.push(r.bbox.map(coordinate).join('_'));
  return fields.join('~');
}

export function parseReading(value: string): FixedReading | null {
  const f = value.split('~');
  if (f.length !== 7 && f.length !== 8) return null;
  const [rawName, kind, country, rawAdmin1, lon, lat, geonameid, rawBbox] = f;
  const name = decodeField(rawName);
  const admin1 = rawAdmin1 === '' ? null : decodeField(rawAdmin1);
  if (!name || name.trim() === '' || name.length > MAX_NAME || (rawAdmin1 !== '' && (!admin1 || admin1.length > MAX_NAME))) return null;
  if (!KINDS.includes(kind) || !/^([A-Z]{2})?$/.test(country) || !/^(\d{1,10})?$/.test(geonameid)) return null;
  if (!NUMBER.test(lon) || !NUMBER.test(lat) || Math.abs(Number(lon)) > 180 || Math.abs(Number(lat)) > 90) return null;
  const reading: FixedReading = {
    name,
    kind: kind as PlaceKind,
    country: country === '' ? null : country,
    admin1,
    coordinates: [Number(lon), Number(lat)],
    geonameid: geonameid === '' ? null : Number(geonameid),
  };
  if (rawBbox !== undefined) {
    const b = rawBbox.split('_');
    if (b.length !== 4 || !b.every((n) => NUMBER.test(n))) return null;
    const [w, s, e, n] = b.map(Number);
    if (Math.abs(w) > 180 || Math.abs(e) > 180 || s < -90 || n > 90 || s > n) return null;
    reading.bbox = [w, s, e, n];
  }
  return reading;
}

function parseEntry(part: string): [string, Correction] | null {
  const colon = part.indexOf(':');
  if (colon < 0) return null;
  const key = part.slice(0, colon);
  const what = part.slice(colon + 1);
  const span = key.startsWith('@');
  if (span ? parseSpanKey(key) === null : !ID.test(key)) return null;
  if (what.includes('~')) {
    const reading = parseReading(what);
    if (!reading) return null;
    return [key, span ? { action: 'add', reading } : { action: 'reading', reading }];
  }
  if (span) return null;
  if (what === 'x') return [key, { action: 'remove' }];
  if (/^\d{1,2}$/.test(what)) return [key, { action: 'choose', alternative: Number(what) }];
  return null;
}

/**
 * `khojaly:2,baku:x,…` → corrections; malformed entries are dropped and counted. A value whose
 * separators were percent-encoded on its way (`baku%3Ax`) is read as well.
 */
export function parseCorrections(value: string): { corrections: Corrections; rejected: number } {
  let text = value;
  if (!text.includes(':') && /%3A/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // read as it is: its entries are rejected one by one
    }
  }
  const corrections: Corrections = {};
  let rejected = 0;
  for (const part of text.split(',').filter(Boolean)) {
    const entry = parseEntry(part);
    if (entry) corrections[entry[0]] = entry[1];
    else rejected++;
  }
  return { corrections, rejected };
}

function serializeValue(c: Correction): string {
  if (c.action === 'remove') return 'x';
  if (c.action === 'choose') return String(c.alternative);
  return serializeReading(c.reading);
}

export function serializeCorrections(corrections: Corrections): string {
  return Object.keys(corrections)
    .sort()
    .map((key) => `${key}:${serializeValue(corrections[key])}`)
    .join(',');
}
