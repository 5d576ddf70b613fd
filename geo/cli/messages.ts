// The messages between the batch's main thread and its workers, in one typed map.

/** A batch of input lines: `data` holds them back to back, line i ending at `ends[i]`. */
export interface BatchMessage {
  type: 'batch';
  seq: number;
  /** The first line to do (a batch restarted after its worker died resumes past the culprit). */
  from: number;
  data: Uint8Array;
  ends: number[];
  /** 1-based input line numbers, for error lines and documents without an id. */
  lines: number[];
}

export type ToWorker = BatchMessage | { type: 'stats' };

export interface WorkerStats {
  documents: number;
  /** Input bytes of the documents done. */
  bytes: number;
  /** Time spent on documents (reading, geoparsing, writing JSON). */
  busySeconds: number;
  /** Time to load the gazetteer, tagger and the rest. */
  loadSeconds: number;
  /** V8 heap in use once the resources are loaded, and the most seen after a document. */
  heapAfterLoadMb: number;
  heapPeakMb: number;
}

export type FromWorker =
  | { type: 'ready'; stats: WorkerStats }
  | { type: 'doc'; seq: number; index: number; chunks: string[] }
  | { type: 'stats'; stats: WorkerStats };
