// One document of a batch: a JSON Lines line in, its output line out (as string chunks).
// Nothing a document holds can end the batch: bad JSON, a `null` line, a missing text, a
// refused text, an exception inside the geoparser or a result too large all become an error
// line in its place.
import type { GeoparseResources } from '../geoparse.ts';
import { geoparse } from '../geoparse.ts';
import { compactCollection } from '../output/compact.ts';
import { prepareText } from '../text/input.ts';
import type { PlaceCollection } from '../types.ts';
import { jsonChunks, TooLargeError } from './serialise.ts';

export interface DocumentOptions {
  /** The compact form (geo/output/compact.ts) instead of the full one. */
  compact: boolean;
  maxOutputBytes: number;
}

/** The geoparser, as a parameter so that a test can make it fail. */
export type Geoparser = (text: string, resources: GeoparseResources) => PlaceCollection;

const BOM = '\uFEFF';

/** A document's text as the geoparser gets it, with what the output must say about it. */
export function prepareDocument(given: string): { ok: true; text: string; title: string | null } | { ok: false; error: string } {
  const prepared = prepareText(given.startsWith(BOM) ? given.slice(1) : given);
  return prepared.ok ? { ok: true, text: prepared.text, title: prepared.title } : prepared;
}

/**
 * The places of one prepared text, in the batch's form. Offsets refer to the document's own
 * `text` unless the output carries a `text` of its own (HTML reduced, byte-order mark dropped).
 * The full form leaves out the collection's `sentences`: every statement already carries its
 * sentence, and the document's text is the reader's.
 */
export function batchResult(id: unknown, given: string, prepared: { text: string; title: string | null }, places: PlaceCollection, compact: boolean): object {
  const { sentences: _sentences, ...full } = places;
  const out: Record<string, unknown> = { id, places: compact ? compactCollection(places) : full };
  if (prepared.text !== given) out.text = prepared.text;
  if (prepared.title) out.title = prepared.title;
  return out;
}

const errorLine = (id: unknown, line: number, error: string) => ({ id, line, error });

function describe(e: unknown): string {
  if (e instanceof TooLargeError) return e.message;
  if (e instanceof RangeError && /string length|array length|allocation/i.test(e.message)) return `out of memory in this document (${e.message})`;
  return `geoparser failed on this document: ${e instanceof Error ? e.message : String(e)}`;
}

/** One input line (1-based `line`) to its output line, newline included. Never throws. */
export function processLine(input: string, line: number, resources: GeoparseResources, options: DocumentOptions, parse: Geoparser = geoparse): string[] {
  const lineOf = (value: object) => jsonChunks(value, options.maxOutputBytes, { suffix: '\n' });
  let doc: unknown;
  try {
    doc = JSON.parse(input);
  } catch {
    return lineOf(errorLine(null, line, 'not valid JSON'));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return lineOf(errorLine(null, line, 'not a JSON object: a document is {"id": ..., "text": "..."}'));
  const { id: given, text } = doc as { id?: unknown; text?: unknown };
  const id = given ?? line;
  if (typeof text !== 'string') return lineOf(errorLine(id, line, 'no "text" string'));
  try {
    const prepared = prepareDocument(text);
    if (!prepared.ok) return lineOf(errorLine(id, line, prepared.error));
    return lineOf(batchResult(id, text, prepared, parse(prepared.text, resources), options.compact));
  } catch (e) {
    return lineOf(errorLine(id, line, describe(e)));
  }
}
