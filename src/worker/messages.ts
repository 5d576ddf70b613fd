// The one typed map of messages between the page and the geoparse worker (MapLibre's actor
// messages in small): each key is a message type, its value the rest of the message. Type-only,
// so neither side pulls the other's code into its bundle.
import type { PlaceCollection, Reading } from '../../geo/types.ts';
import type { PreparedInput } from '../../geo/text/input.ts';
import type { GeoparseStage } from '../../geo/geoparse.ts';

/** Where a geoparse stands; the page turns these into words and a progress bar. */
export type Progress =
  /** Fetching the resources (or reading them from Cache Storage): the gazetteer's bytes, the bulk of them; `total` is null when unknown. */
  | {
      stage: 'download';
      loaded: number;
      total: number | null;
      fromCache: boolean;
      /** Set when these are country tiers of the gazetteer that the article turned out to need (ISO codes). */
      countries?: string[];
    }
  /** Decompressing the gazetteer and building its index and the tagger. */
  | { stage: 'prepare' }
  /** Recognising the place names and resolving them (one call to `geoparse`), stage by stage. */
  | { stage: 'geoparse'; step: GeoparseStage | null };

/** What one geoparse cost, measured in the worker (for the benchmark and the console). */
export interface Timings {
  /** Fetching resources, 0 when they were already in memory. */
  downloadMs: number;
  prepareMs: number;
  geoparseMs: number;
  /** Bytes of the resources read, from the network or Cache Storage (0 when in memory). */
  bytes: number;
  /** Country tiers of the gazetteer fetched for this article (ISO codes), and their bytes; counted in `bytes` too. */
  tiers: string[];
  tierBytes: number;
  /** Fetching those tiers and geoparsing a second time with them. */
  tiersMs: number;
  fromCache: boolean;
}

export interface MessageMap {
  /** page → worker: geoparse this text. */
  geoparse: { id: number; text: string };
  /** worker → page: how far request `id` has come. */
  progress: { id: number; progress: Progress };
  /** worker → page: the places of request `id`. */
  result: { id: number; places: PlaceCollection; timings: Timings };
  /** worker → page: request `id` failed; `message` is for the reader. */
  failure: { id: number; message: string };
  /** page → worker: reduce a pasted or dropped text (HTML, Markdown) to plain text off the main thread. */
  prepare: { id: number; raw: string };
  /** worker → page: the prepared text of request `id`, or why it cannot be read. */
  prepared: { id: number; result: PreparedInput };
  /** page → worker: gazetteer places whose name starts with `query`, those near `near` ([lon, lat]) first. */
  search: { id: number; query: string; near: [number, number] | null; limit: number };
  /** worker → page: the readings found for search `id`, best first. */
  found: { id: number; readings: Reading[] };
}

type Message<K extends keyof MessageMap> = { [T in K]: { type: T } & MessageMap[T] }[K];

export type ToWorker = Message<'geoparse' | 'prepare' | 'search'>;
export type FromWorker = Message<'progress' | 'result' | 'failure' | 'prepared' | 'found'>;
