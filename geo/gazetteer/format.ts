// The compact gazetteer format, shared by the build (writer) and the runtime (reader).
// Plain UTF-8 text, one record per line, so that it gzips well, parses with split() in
// tens of milliseconds, and needs no library in a browser worker.
//
//   atlas-gazetteer <version> <placeCount> <keyCount>
//   one line a place: fcode \t country \t admin1 \t lat \t lon \t population \t geonameid \t name \t alternates (| separated)
//   one line a folded key, sorted by UTF-16 code units: key \t place indices (comma separated)
// The key section is searched in place (binary search over its lines), so a usable index
// costs one split of the text and no hashing or sorting at start-up. Numbers are base 36.

export const FORMAT_VERSION = 3;

/** One gazetteer entry as the build writes it. */
export interface GazetteerPlaceRow {
  /** GeoNames feature code (PCLI, ADM1, ADM2, PPLC, PPL...), or our own: CONT, RGN, OCN, SEA, ADMD (district). */
  fcode: string;
  /** ISO 3166-1 alpha-2, or '' for places beyond one country. */
  country: string;
  /** GeoNames admin1 code within the country ('' when unknown). */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  geonameid: number | null;
  /** Display name: the English form news uses where known. */
  name: string;
  alternates: string[];
}

/** One gazetteer entry as the runtime sees it: a row and its line number. */
export interface GazetteerPlace extends GazetteerPlaceRow {
  index: number;
}

const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');

const coordinate = (x: number) => x.toFixed(3).replace(/\.?0+$/, '');

export function serializeGazetteer(rows: GazetteerPlaceRow[], keysOf: (row: GazetteerPlaceRow) => string[]): string {
  const keys = new Map<string, number[]>();
  rows.forEach((row, index) => {
    for (const key of keysOf(row)) {
      const list = keys.get(key);
      if (list) list.push(index);
      else keys.set(key, [index]);
    }
  });
  const sortedKeys = [...keys.keys()].map(clean).sort(compareCodeUnits);
  const lines = [`atlas-gazetteer\t${FORMAT_VERSION}\t${rows.length}\t${sortedKeys.length}`];
  for (const r of rows) {
    lines.push(
      [
        r.fcode,
        r.country,
        r.admin1,
        coordinate(r.lat),
        coordinate(r.lon),
        r.population ? r.population.toString(36) : '',
        r.geonameid === null ? '' : r.geonameid.toString(36),
        clean(r.name),
        r.alternates.map(clean).join('|'),
      ].join('\t'),
    );
  }
  for (const key of sortedKeys) lines.push(`${key}\t${keys.get(key)!.map((i) => i.toString(36)).join(',')}`);
  return lines.join('\n') + '\n';
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A gazetteer file indexed by where its lines start: no line is copied out of the text until a
 * lookup needs it, so a usable index costs one scan for line breaks.
 */
export interface GazetteerLines {
  text: string;
  /** Offsets of line starts, one past the end last: line i is text[starts[i], starts[i + 1] - 1). */
  starts: Int32Array;
  placeCount: number;
  keyCount: number;
}

export function indexGazetteer(text: string): GazetteerLines {
  const firstBreak = text.indexOf('\n');
  const header = text.slice(0, Math.max(0, firstBreak)).split('\t');
  if (header[0] !== 'atlas-gazetteer' || Number(header[1]) !== FORMAT_VERSION) {
    throw new Error('Not an Article Atlas gazetteer (or a different format version).');
  }
  const placeCount = Number(header[2]);
  const keyCount = Number(header[3]);
  const starts = new Int32Array(placeCount + keyCount + 1);
  let at = firstBreak + 1;
  for (let i = 0; i < placeCount + keyCount; i++) {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new Error('Truncated gazetteer: fewer lines than its header says.');
    starts[i] = at;
    at = end + 1;
  }
  starts[placeCount + keyCount] = at;
  return { text, starts, placeCount, keyCount };
}

export function lineAt(g: GazetteerLines, i: number): string {
  return g.text.slice(g.starts[i], g.starts[i + 1] - 1);
}

/** Compare the line starting at `at` with `probe`, over the probe's length (UTF-16 code units). */
function compareAt(text: string, at: number, probe: string): number {
  for (let i = 0; i < probe.length; i++) {
    const d = text.charCodeAt(at + i) - probe.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The place indices of a folded key, by binary search over the sorted key lines. A key
 * line `k\t...` sorts after the probe `k\t` exactly when its key is k or greater, because
 * a tab is below every character a key can hold.
 */
export function findKey(g: GazetteerLines, key: string): number[] {
  const probe = `${key}\t`;
  let lo = g.placeCount;
  let hi = g.placeCount + g.keyCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(g.text, g.starts[mid], probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= g.placeCount + g.keyCount || compareAt(g.text, g.starts[lo], probe) !== 0) return [];
  return lineAt(g, lo).slice(probe.length).split(',').map((i) => parseInt(i, 36));
}

/**
 * Place indices of the keys that start with `prefix`, in key order, until `maxPlaces` are
 * gathered: the sorted key section makes a prefix one contiguous run of lines.
 */
export function findPrefix(g: GazetteerLines, prefix: string, maxPlaces: number): number[] {
  let lo = g.placeCount;
  let hi = g.placeCount + g.keyCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(g.text, g.starts[mid], prefix) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let line = lo; line < g.placeCount + g.keyCount && out.length < maxPlaces; line++) {
    if (compareAt(g.text, g.starts[line], prefix) !== 0) break;
    const text = lineAt(g, line);
    for (const i of text.slice(text.indexOf('\t') + 1).split(',')) out.push(parseInt(i, 36));
  }
  return out;
}

export function parsePlaceLine(line: string, index: number): GazetteerPlace {
  const f = line.split('\t');
  return {
    index,
    fcode: f[0],
    country: f[1],
    admin1: f[2],
    lat: Number(f[3]),
    lon: Number(f[4]),
    population: f[5] ? parseInt(f[5], 36) : 0,
    geonameid: f[6] ? parseInt(f[6], 36) : null,
    name: f[7],
    alternates: f[8] ? f[8].split('|') : [],
  };
}
