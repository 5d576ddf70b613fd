// The compact form the basemap files are stored in, and its decoder back to GeoJSON.
//
// GeoJSON spends most of its bytes on coordinates: "[49.867,40.409]," is 16 characters that
// gzip can hardly shrink, because every number is new. Here each ring or line is one string:
// the first point in units of 1/scale degree, every later point as the step from the one
// before, each integer written as in Google's encoded polyline format (zigzag, 5 bits a
// character, so a step of under 16 units is one character). Steps along a coastline are
// small and repeat, so the files gzip to under half of the same geometry in GeoJSON. Rings
// are stored open (the decoder repeats the first point). Properties are stored by column
// (all names, then all ids, ...), which gzip packs better than one object per feature.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** A ring or line: its integer steps, polyline-encoded. */
type Flat = string;

function writeInts(values: number[]): Flat {
  let out = '';
  for (const v of values) {
    let n = v < 0 ? ~(v << 1) : v << 1;
    while (n >= 0x20) {
      out += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
      n >>= 5;
    }
    out += String.fromCharCode(n + 63);
  }
  return out;
}

function readInts(text: Flat): number[] {
  const out: number[] = [];
  let n = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i) - 63;
    n |= (b & 0x1f) << shift;
    shift += 5;
    if (b < 0x20) {
      out.push(n & 1 ? ~(n >> 1) : n >> 1);
      n = 0;
      shift = 0;
    }
  }
  return out;
}

type GeometryType = 'Point' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon';

/**
 * Point: [x, y] (integers); LineString: Flat; MultiLineString and Polygon: Flat[];
 * MultiPolygon: Flat[][].
 */
type Coordinates = number[] | Flat | Flat[] | Flat[][];

export interface EncodedCollection {
  /** Coordinates are integers in units of 1/scale degree. */
  scale: number;
  /** Each feature's geometry type. */
  t: GeometryType[];
  /** Each property by name, one value per feature (null where a feature lacks it). */
  p: Record<string, unknown[]>;
  /** Each feature's coordinates in the compact form. */
  c: Coordinates[];
}

function encodeLine(points: Position[], scale: number, open: boolean): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  const n = open ? points.length - 1 : points.length;
  for (let i = 0; i < n; i++) {
    const x = Math.round(points[i]![0]! * scale);
    const y = Math.round(points[i]![1]! * scale);
    // Consecutive points that round to one are dropped: they draw nothing.
    if (i > 0 && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

function decodeLine(line: Flat, scale: number, close: boolean): Position[] {
  const flat = readInts(line);
  const out: Position[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    x += flat[i]!;
    y += flat[i + 1]!;
    out.push([x / scale, y / scale]);
  }
  if (close && out.length) out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/** A polygon's rings; rings that rounding left with fewer than three points are dropped, the polygon too if its outer one is. */
function rings(polygon: Position[][], scale: number): Flat[] {
  const encoded = polygon.map((r) => encodeLine(r, scale, true));
  return encoded[0] && encoded[0].length >= 6 ? encoded.filter((r) => r.length >= 6).map(writeInts) : [];
}

function line(points: Position[], scale: number): Flat[] {
  const encoded = encodeLine(points, scale, false);
  return encoded.length >= 4 ? [writeInts(encoded)] : [];
}

/** Encodes a collection of points, lines and polygons (used by geo/build/basemap.ts). */
export function encodeCollection(fc: FeatureCollection, scale: number): EncodedCollection {
  const t: GeometryType[] = [];
  const c: Coordinates[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    switch (g.type) {
      case 'Point':
        c.push([Math.round(g.coordinates[0]! * scale), Math.round(g.coordinates[1]! * scale)]);
        break;
      case 'LineString':
        c.push(line(g.coordinates, scale)[0] ?? '');
        break;
      case 'MultiLineString':
        c.push(g.coordinates.flatMap((l) => line(l, scale)));
        break;
      case 'Polygon':
        c.push(rings(g.coordinates, scale));
        break;
      case 'MultiPolygon':
        c.push(g.coordinates.map((poly) => rings(poly, scale)).filter((poly) => poly.length > 0));
        break;
      default:
        throw new Error(`cannot encode a ${g.type}`);
    }
    t.push(g.type);
  }
  const keys = [...new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const p = Object.fromEntries(keys.map((k) => [k, fc.features.map((f) => (f.properties?.[k] as unknown) ?? null)]));
  return { scale, t, p, c };
}

/** Decodes a file written by `encodeCollection` back to GeoJSON. */
export function decodeCollection(encoded: EncodedCollection): FeatureCollection {
  const s = encoded.scale;
  const columns = Object.entries(encoded.p);
  const features = encoded.t.map((type, i): Feature => {
    const c = encoded.c[i]!;
    let geometry: Geometry;
    switch (type) {
      case 'Point': {
        const [x, y] = c as number[];
        geometry = { type, coordinates: [x! / s, y! / s] };
        break;
      }
      case 'LineString':
        geometry = { type, coordinates: decodeLine(c as Flat, s, false) };
        break;
      case 'MultiLineString':
        geometry = { type, coordinates: (c as Flat[]).map((l) => decodeLine(l, s, false)) };
        break;
      case 'Polygon':
        geometry = { type, coordinates: (c as Flat[]).map((r) => decodeLine(r, s, true)) };
        break;
      case 'MultiPolygon':
        geometry = { type, coordinates: (c as Flat[][]).map((poly) => poly.map((r) => decodeLine(r, s, true))) };
        break;
    }
    const properties: Record<string, unknown> = {};
    for (const [key, values] of columns) if (values[i] !== null && values[i] !== undefined) properties[key] = values[i];
    return { type: 'Feature', properties, geometry };
  });
  return { type: 'FeatureCollection', features };
}
