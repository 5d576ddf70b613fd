// The compact gazetteer format, shared by the build (writer) and the runtime (reader).
// Plain UTF-8 text, one record per line, so that it gzips well, indexes with one scan for line
// breaks, and needs no library in a browser worker. The gazetteer comes in tiers: a world tier
// that every geoparse loads, and a tier per country with its small places, fetched when an
// article needs them. Each tier is one file:
//
//   atlas-gazetteer <version> <tier> <placeCount> <adminCount> <keyCount>
//   one line a place: fcode \t country \t admin1 \t admin2 \t lat \t lon \t population \t geonameid
//                     \t name \t alternates (| separated) \t shown \t bbox (w,s,e,n) \t rank
//   one line a division name, sorted by code: code (AZ.14 or US.TX.439) \t name
//   one line a folded key, sorted by UTF-16 code units: key \t place indices (comma separated);
//     in the world tier an index may be ~CC: the tier of country CC holds places of that name.
// The key and division sections are searched in place (binary search over their lines).
// Numbers are base 36. The file is pure ASCII: every UTF-16 unit above 0x7f is written as
// \x01 and four hex digits. One non-ASCII letter would otherwise make the whole decoded text a
// two-byte string, which takes several times as long to build and twice the memory.

export const FORMAT_VERSION = 5;

const ESCAPE = '\x01';

/** Every UTF-16 unit above 0x7f as \x01 and four hex digits (keys, probes and names alike). */
export function escapeNonAscii(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    out += s.slice(from, i) + ESCAPE + c.toString(16).padStart(4, '0');
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const ESCAPED = /\x01([0-9a-f]{4})/g;

export function unescapeNonAscii(s: string): string {
  return s.includes(ESCAPE) ? s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** West, south, east, north in degrees; west > east when the box crosses the antimeridian. */
export type BBox = [number, number, number, number];

/** One gazetteer entry as the build writes it. */
export interface GazetteerPlaceRow {
  /**
   * GeoNames feature code (PCLI, ADM1, ADM2, PPLC, PPL, SEA, LK, STM, ISL, MTS...), or our own:
   * CONT, RGN, OCN, ADMD (a district that is a country's first level, as in Azerbaijan).
   */
  fcode: string;
  /** ISO 3166-1 alpha-2, or '' for places beyond one country. */
  country: string;
  /** GeoNames admin1 code within the country ('' when unknown). */
  admin1: string;
  /** GeoNames admin2 code within the admin1 ('' when unknown). */
  admin2: string;
  lat: number;
  lon: number;
  population: number;
  geonameid: number | null;
  /** Display name: the English form news uses where known. */
  name: string;
  /** Other names, those worth showing a reader first (see `shown`). */
  alternates: string[];
  /** How many of the first alternates are names a reader knows it by (English, local, contested). */
  shown: number;
  /** Extent of an area (country, division, sea, range), or null for a point. */
  bbox: BBox | null;
  /**
   * Importance of a physical feature without a population, 0..6 (Natural Earth's scale rank
   * turned round: the Sahara and Borneo 4, a small cape 0); 0 for everything else.
   */
  rank: number;
}

/** One gazetteer entry as the runtime sees it: a row, its tier and its index among all loaded places. */
export interface GazetteerPlace extends GazetteerPlaceRow {
  index: number;
  /** 'world' or the country code of the tier that holds it. */
  tier: string;
}

/** What a tier file holds besides its places. */
export interface TierContents {
  tier: string;
  rows: GazetteerPlaceRow[];
  keysOf: (row: GazetteerPlaceRow) => string[];
  /** Division code → name, for the divisions the rows lie in. */
  admins: Map<string, string>;
  /** Folded keys of places in other tiers → those tiers (the world tier's pointers). */
  elsewhere?: Map<string, Set<string>>;
}

const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');

const coordinate = (x: number) => x.toFixed(3).replace(/\.?0+$/, '');
const bboxCoordinate = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function placeLine(r: GazetteerPlaceRow): string {
  return [
    r.fcode,
    r.country,
    r.admin1,
    r.admin2,
    coordinate(r.lat),
    coordinate(r.lon),
    r.population ? r.population.toString(36) : '',
    r.geonameid === null ? '' : r.geonameid.toString(36),
    clean(r.name),
    r.alternates.map(clean).join('|'),
    r.shown ? r.shown.toString(36) : '',
    r.bbox ? r.bbox.map(bboxCoordinate).join(',') : '',
    r.rank ? String(r.rank) : '',
  ].join('\t');
}

export function serializeGazetteer({ tier, rows, keysOf, admins, elsewhere }: TierContents): string {
  const keys = new Map<string, string[]>();
  rows.forEach((row, index) => {
    for (const key of keysOf(row)) {
      const k = clean(key);
      const list = keys.get(k);
      if (list) list.push(index.toString(36));
      else keys.set(k, [index.toString(36)]);
    }
  });
  for (const [key, tiers] of elsewhere ?? []) {
    const k = clean(key);
    const list = keys.get(k) ?? [];
    for (const t of [...tiers].sort()) list.push(`~${t}`);
    keys.set(k, list);
  }
  const escapedKeys = new Map([...keys].map(([k, v]) => [escapeNonAscii(k), v]));
  const sortedKeys = [...escapedKeys.keys()].sort(compareCodeUnits);
  const sortedAdmins = [...admins.keys()].sort(compareCodeUnits);
  const lines = [`atlas-gazetteer\t${FORMAT_VERSION}\t${tier}\t${rows.length}\t${sortedAdmins.length}\t${sortedKeys.length}`];
  for (const r of rows) lines.push(escapeNonAscii(placeLine(r)));
  for (const code of sortedAdmins) lines.push(`${code}\t${escapeNonAscii(clean(admins.get(code)!))}`);
  for (const key of sortedKeys) lines.push(`${key}\t${escapedKeys.get(key)!.join(',')}`);
  return lines.join('\n') + '\n';
}

/**
 * A gazetteer file indexed by where its lines start: no line is copied out of the text until a
 * lookup needs it, so a usable index costs one scan for line breaks.
 */
export interface GazetteerLines {
  text: string;
  tier: string;
  /** Offsets of line starts, one past the end last: line i is text[starts[i], starts[i + 1] - 1). */
  starts: Int32Array;
  placeCount: number;
  adminCount: number;
  keyCount: number;
}

export function indexGazetteer(text: string): GazetteerLines {
  const firstBreak = text.indexOf('\n');
  const header = text.slice(0, Math.max(0, firstBreak)).split('\t');
  if (header[0] !== 'atlas-gazetteer' || Number(header[1]) !== FORMAT_VERSION) {
    throw new Error('Not an Article Atlas gazetteer (or a different format version).');
  }
  const [tier, placeCount, adminCount, keyCount] = [header[2], Number(header[3]), Number(header[4]), Number(header[5])];
  const total = placeCount + adminCount + keyCount;
  if (!tier || !(total >= 0)) throw new Error('Not an Article Atlas gazetteer (its header is damaged).');
  const starts = new Int32Array(total + 1);
  let at = firstBreak + 1;
  for (let i = 0; i < total; i++) {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new Error('Truncated gazetteer: fewer lines than its header says.');
    starts[i] = at;
    at = end + 1;
  }
  starts[total] = at;
  return { text, tier, starts, placeCount, adminCount, keyCount };
}

export function lineAt(g: GazetteerLines, i: number): string {
  return g.text.slice(g.starts[i], g.starts[i + 1] - 1);
}

/**
 * A code unit as the key order sees it: keys are sorted as strings, so a key sorts before every
 * longer key it opens, and the tab that ends a key in its line must sort below every character,
 * the \x01 of an escape included ("agd" before "agd\x0101dd...").
 */
const keyUnit = (c: number) => (c === 9 ? 0 : c);

/** Compare the line starting at `at` with `probe`, over the probe's length, in key order. */
function compareAt(text: string, at: number, probe: string): number {
  for (let i = 0; i < probe.length; i++) {
    const d = keyUnit(text.charCodeAt(at + i)) - keyUnit(probe.charCodeAt(i));
    if (d !== 0) return d;
  }
  return 0;
}

/** The first line in [lo, hi) that does not sort before `probe` (lines sorted by code units). */
function lowerBound(g: GazetteerLines, lo: number, hi: number, probe: string): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(g.text, g.starts[mid], probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const keySection = (g: GazetteerLines): [number, number] => [g.placeCount + g.adminCount, g.placeCount + g.adminCount + g.keyCount];

/**
 * The value part of the line for `id` in a sorted section, or null. A line `k\t...` sorts
 * after the probe `k\t` exactly when its key is k or greater, because a tab compares below
 * every character a key can hold (keyUnit).
 */
function findLine(g: GazetteerLines, [from, to]: [number, number], id: string): string | null {
  const probe = `${id}\t`;
  const line = lowerBound(g, from, to, probe);
  if (line >= to || compareAt(g.text, g.starts[line], probe) !== 0) return null;
  return lineAt(g, line).slice(probe.length);
}

/** Place indices (within this tier) and the other tiers that hold a folded key. */
export function findKey(g: GazetteerLines, key: string): { indices: number[]; tiers: string[] } {
  const value = findLine(g, keySection(g), escapeNonAscii(key));
  const indices: number[] = [];
  const tiers: string[] = [];
  if (value !== null) for (const part of value.split(',')) part[0] === '~' ? tiers.push(part.slice(1)) : indices.push(parseInt(part, 36));
  return { indices, tiers };
}

/** The name of a division code ("US.TX", "US.TX.439") in this tier, or null. */
export function findAdmin(g: GazetteerLines, code: string): string | null {
  const name = findLine(g, [g.placeCount, g.placeCount + g.adminCount], code);
  return name === null ? null : unescapeNonAscii(name);
}

/** Whether any key starts with `prefix`. */
export function hasKeyWithPrefix(g: GazetteerLines, prefix: string): boolean {
  const [from, to] = keySection(g);
  const probe = escapeNonAscii(prefix);
  const line = lowerBound(g, from, to, probe);
  return line < to && compareAt(g.text, g.starts[line], probe) === 0;
}

/**
 * Place indices of the keys that start with `prefix`, in key order, until `maxPlaces` are
 * gathered: the sorted key section makes a prefix one contiguous run of lines.
 */
export function findPrefix(g: GazetteerLines, prefix: string, maxPlaces: number): number[] {
  const [from, to] = keySection(g);
  const out: number[] = [];
  const probe = escapeNonAscii(prefix);
  for (let line = lowerBound(g, from, to, probe); line < to && out.length < maxPlaces; line++) {
    if (compareAt(g.text, g.starts[line], probe) !== 0) break;
    const text = lineAt(g, line);
    for (const part of text.slice(text.indexOf('\t') + 1).split(',')) if (part[0] !== '~') out.push(parseInt(part, 36));
  }
  return out;
}

function parseBBox(field: string | undefined): BBox | null {
  if (!field) return null;
  const b = field.split(',').map(Number);
  return b.length === 4 && b.every(Number.isFinite) ? (b as BBox) : null;
}

export function parsePlaceLine(line: string, index: number, tier: string): GazetteerPlace {
  const f = line.split('\t');
  return {
    index,
    tier,
    fcode: f[0],
    country: f[1],
    admin1: f[2],
    admin2: f[3],
    lat: Number(f[4]),
    lon: Number(f[5]),
    population: f[6] ? parseInt(f[6], 36) : 0,
    geonameid: f[7] ? parseInt(f[7], 36) : null,
    name: unescapeNonAscii(f[8]),
    alternates: f[9] ? unescapeNonAscii(f[9]).split('|') : [],
    shown: f[10] ? parseInt(f[10], 36) : 0,
    bbox: parseBBox(f[11]),
    rank: f[12] ? Number(f[12]) : 0,
  };
}
