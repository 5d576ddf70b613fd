// Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// Written here rather than with a package: the spec is a 127-byte header and varint
// directories, and owning it lets the archive deduplicate identical tiles (a third of the
// world's tiles are plain land or sea), set bounds and centre, and stay byte-for-byte
// deterministic. Read back by npm `pmtiles` in the unit test.
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile, already gzipped (tile compression 2). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [lon: number, lat: number, zoom: number];
  metadata: Record<string, unknown>;
  /**
   * Largest root directory, compressed. Readers fetch the first 16 kB of the archive in one
   * request (header and root); a smaller root makes that first fetch smaller.
   * @default 16257 (16384 less the header)
   */
  maxRootBytes?: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;

export interface ArchiveStats {
  bytes: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  rootBytes: number;
  metadataBytes: number;
  leafBytes: number;
  leafSize: number;
}

/** Builds the archive in memory: tiles deduplicated by content, clustered in tile-id order. */
export function writePmtiles(tiles: ArchiveTile[], options: ArchiveOptions): { archive: Buffer; stats: ArchiveStats } {
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const contents = new Map<string, { offset: number; length: number }>();
  const chunks: Uint8Array[] = [];
  const entries: Entry[] = [];
  let dataLength = 0;
  for (const { id, data } of sorted) {
    const key = Buffer.from(data).toString('base64');
    let content = contents.get(key);
    if (!content) {
      content = { offset: dataLength, length: data.length };
      contents.set(key, content);
      chunks.push(data);
      dataLength += data.length;
    }
    const last = entries[entries.length - 1];
    // A run: the next tile id holds the very same bytes (open sea, plain land).
    if (last && last.offset === content.offset && last.tileId + last.runLength === id) last.runLength++;
    else entries.push({ tileId: id, offset: content.offset, length: content.length, runLength: 1 });
  }
  const { root, leaves, leafSize } = directories(entries, options.maxRootBytes ?? 16384 - HEADER_BYTES);
  const metadata = gzip(Buffer.from(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(root.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(leafOffset, 40);
  u64(leaves.length, 48);
  u64(dataOffset, 56);
  u64(dataLength, 64);
  u64(sorted.length, 72);
  u64(entries.length, 80);
  u64(contents.size, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(options.minZoom, 100);
  header.writeUInt8(options.maxZoom, 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  const [w, s, e, n] = options.bounds;
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(options.center[2], 118);
  header.writeInt32LE(e7(options.center[0]), 119);
  header.writeInt32LE(e7(options.center[1]), 123);
  const archive = Buffer.concat([header, root, metadata, leaves, ...chunks]);
  return {
    archive,
    stats: {
      bytes: archive.length,
      addressedTiles: sorted.length,
      tileEntries: entries.length,
      tileContents: contents.size,
      rootBytes: root.length,
      metadataBytes: metadata.length,
      leafBytes: leaves.length,
      leafSize,
    },
  };
}

/**
 * The root directory alone when it fits, else leaf directories of the smallest size (from 256
 * entries, doubling) whose root fits: a view fetches one or two leaves, so small ones are cheap.
 */
function directories(entries: Entry[], maxRootBytes: number): { root: Buffer; leaves: Buffer; leafSize: number } {
  const single = serialize(entries);
  if (single.length <= maxRootBytes) return { root: single, leaves: Buffer.alloc(0), leafSize: 0 };
  for (let leafSize = 256; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafChunks: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serialize(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafChunks.push(leaf);
      offset += leaf.length;
    }
    const root = serialize(rootEntries);
    if (root.length <= maxRootBytes) return { root, leaves: Buffer.concat(leafChunks), leafSize };
  }
}

function serialize(entries: Entry[]): Buffer {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let v = value;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  };
  varint(entries.length);
  let lastId = 0;
  for (const e of entries) {
    varint(e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) varint(e.runLength);
  for (const e of entries) varint(e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    varint(previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return gzip(Buffer.from(bytes));
}

/** gzip without a timestamp or OS byte that changes between machines: level 9, mtime 0. */
export function gzip(data: Uint8Array): Buffer {
  // Copied out: zlib's result can be a view of a much larger buffer, kept alive for each tile.
  const out = Buffer.from(gzipSync(data, { level: 9 }));
  out[9] = 0xff; // OS "unknown", whatever zlib was built for
  return out;
}
