// Single-document mode: one article (text, Markdown or HTML; a file or stdin) to one RFC 7946
// FeatureCollection. The output always carries the text its offsets refer to (`text`, as
// decoded: byte-order mark dropped, HTML reduced) and the title when one was found.
import { readFileSync } from 'node:fs';
import { geoparse } from '../geoparse.ts';
import { compactCollection } from '../output/compact.ts';
import { loadResources } from '../resources-node.ts';
import { decodeBytes, prepareText } from '../text/input.ts';
import type { CliOptions } from './args.ts';
import { jsonChunks, TooLargeError } from './serialise.ts';

export interface SingleStats {
  inputBytes: number;
  outputBytes: number;
  loadSeconds: number;
  geoparseSeconds: number;
  /** CPU time (user + system) of the geoparse call alone. */
  geoparseCpuSeconds: number;
  maxRssMb: number;
}

/** The output chunks of one document, or the message to fail with. */
export function single(options: CliOptions, path: string): { ok: true; chunks: string[]; stats: SingleStats } | { ok: false; error: string } {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as Error).message}` };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  const prepared = prepareText(decoded.text);
  if (!prepared.ok) return prepared;
  const t0 = performance.now();
  let resources: ReturnType<typeof loadResources>;
  try {
    resources = loadResources();
  } catch (e) {
    return { ok: false, error: `cannot load the geoparser's data: ${(e as Error).message}` };
  }
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  let chunks: string[];
  try {
    const places = geoparse(prepared.text, resources);
    const cpu = process.cpuUsage(cpu0);
    const t2 = performance.now();
    const collection = options.compact ? compactCollection(places) : places;
    const out = prepared.title ? { ...collection, text: prepared.text, title: prepared.title } : { ...collection, text: prepared.text };
    chunks = jsonChunks(out, options.maxOutputBytes, { depth: 2, suffix: '\n' });
    const stats: SingleStats = {
      inputBytes: bytes.length,
      outputBytes: chunks.reduce((n, c) => n + Buffer.byteLength(c), 0),
      loadSeconds: (t1 - t0) / 1000,
      geoparseSeconds: (t2 - t1) / 1000,
      geoparseCpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1e3),
    };
    return { ok: true, chunks, stats };
  } catch (e) {
    if (e instanceof TooLargeError) return { ok: false, error: e.message };
    return { ok: false, error: `the geoparser failed on this text: ${e instanceof Error ? e.message : String(e)}` };
  }
}
