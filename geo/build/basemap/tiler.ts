// Cuts the basemap layers into Mapbox Vector Tiles, zoom 0 to maxZoom, with geojson-vt
// (clipping and per-zoom simplification) and vt-pbf (encoding). Build time only.
import { createRequire } from 'node:module';
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt';
import type { Feature } from 'geojson';
import { gzip, type ArchiveTile } from './pmtiles-writer.ts';

const require = createRequire(import.meta.url);
const vtpbf = require('vt-pbf') as { fromGeojsonVt(layers: Record<string, { features: LegacyFeature[] }>, options?: { version?: number; extent?: number }): Uint8Array };

export interface TileLayer {
  /** The MVT layer name the style refers to. */
  name: string;
  /** Features; `_min` / `_max` properties bound the zooms at which each is put in a tile. */
  features: Feature[];
  /**
   * Tile units (of 4096) kept beyond each edge: lines and polygons need some so that their
   * strokes join across tiles; points none (MapLibre draws a symbol only from its own tile).
   * @default 64
   */
  buffer?: number;
  /** Simplification in tile units at each zoom. @default 3 */
  tolerance?: number;
}

export interface TileStats {
  tiles: number;
  bytes: number;
}

const EXTENT = 4096;

const tileKey = (z: number, x: number, y: number): number => ((1 << z) * y + x) * 32 + z;

/** Every tile holding a feature of some layer, gzipped, with bytes per zoom. */
export function cutTiles(layers: TileLayer[], maxZoom: number): { tiles: ArchiveTile[]; byZoom: TileStats[] } {
  const indexes = layers.map((layer) => ({
    name: layer.name,
    index: new GeoJSONVT({ type: 'FeatureCollection', features: layer.features }, {
      maxZoom,
      indexMaxZoom: 4,
      tolerance: layer.tolerance ?? 3,
      extent: EXTENT,
      buffer: layer.buffer ?? 64,
    }),
  }));
  const tiles: ArchiveTile[] = [];
  const byZoom: TileStats[] = Array.from({ length: maxZoom + 1 }, () => ({ tiles: 0, bytes: 0 }));
  // Depth-first, so that each index only keeps the tiles on the current path in memory.
  const visit = (z: number, x: number, y: number, active: typeof indexes): void => {
    const present: typeof indexes = [];
    const encoded: Record<string, { features: LegacyFeature[] }> = {};
    for (const entry of active) {
      const tile = entry.index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      present.push(entry);
      const features = tile.features.filter((f) => {
        const tags = f.tags ?? {};
        return Number(tags._min ?? 0) <= z && Number(tags._max ?? 99) >= z;
      });
      if (features.length) encoded[entry.name] = { features: features.map(withoutZoomTags) };
    }
    if (present.length === 0) return;
    if (Object.keys(encoded).length) {
      const data = gzip(vtpbf.fromGeojsonVt(encoded, { version: 2, extent: EXTENT }));
      tiles.push({ z, x, y, data });
      byZoom[z]!.tiles++;
      byZoom[z]!.bytes += data.length;
      if (tiles.length % 50_000 === 0) console.error(`  ${tiles.length} tiles ...`);
    }
    if (z < maxZoom) {
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, x * 2 + dx, y * 2 + dy, present);
    }
    for (const entry of present) delete (entry.index as unknown as { tiles: Record<number, unknown> }).tiles[tileKey(z, x, y)];
  };
  visit(0, 0, 0, indexes);
  return { tiles, byZoom };
}

function withoutZoomTags(f: LegacyFeature): LegacyFeature {
  const { _min: _a, _max: _b, ...tags } = f.tags ?? {};
  return { ...f, tags } as LegacyFeature;
}
