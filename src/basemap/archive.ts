// The world basemap archive (world.pmtiles) as a MapLibre protocol: byte ranges fetched from
// the page's own origin, checked, and reported when the server or the file lets the map down.
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';

/** What can go wrong with the archive, from the map's point of view. */
export type ArchiveProblem =
  /** The server answered a byte-range request with the whole file: no tiles can be read. */
  | 'no-range'
  /** The archive's header could not be read (missing, not an archive, network). */
  | 'unreadable'
  /** Some tiles could not be read (a truncated file, a failed request). */
  | 'tiles';

export class ArchiveError extends Error {
  constructor(
    readonly problem: ArchiveProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/**
 * A pmtiles Source over fetch that insists on `206 Partial Content` of the length asked for.
 * pmtiles' own FetchSource accepts a 200 whose Content-Length is missing and, given a signal,
 * would read a whole 40 MB archive for a 16 kB header; this one cancels such a response.
 */
/**
 * Bytes read for the header and root directory. pmtiles asks for 16 kB; geo/build/basemap.ts
 * keeps header, root directory and metadata within the first 4 kB, so the rest of that read
 * (leaf directories the view may not need) is not fetched.
 */
export const FIRST_READ_BYTES = 4096;

export class RangeSource implements Source {
  constructor(
    readonly url: string,
    private readonly report: (problem: ArchiveProblem, error: Error) => void,
  ) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, asked: number, signal?: AbortSignal): Promise<RangeResponse> {
    const length = offset === 0 ? Math.min(asked, FIRST_READ_BYTES) : asked;
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      let response: Response;
      try {
        response = await fetch(this.url, { signal: controller.signal, headers: { range: `bytes=${offset}-${offset + length - 1}` } });
      } catch (error) {
        if (controller.signal.aborted) throw error;
        throw this.fail(offset === 0 ? 'unreadable' : 'tiles', `basemap archive: ${String(error)}`);
      }
      if (response.status === 200) {
        controller.abort();
        throw this.fail('no-range', 'The server sent the whole basemap file instead of the part asked for (no HTTP Range support).');
      }
      if (response.status !== 206) {
        controller.abort();
        throw this.fail(offset === 0 ? 'unreadable' : 'tiles', `basemap archive: HTTP ${response.status} for bytes ${offset}-${offset + length - 1}`);
      }
      const data = await response.arrayBuffer();
      // The header read asks for 16 kB whatever the file's size; any other short read is a cut file.
      if (data.byteLength < length && offset !== 0) {
        throw this.fail('tiles', `basemap archive: ${data.byteLength} of ${length} bytes at ${offset} (truncated file?)`);
      }
      return { data, etag: response.headers.get('etag') ?? undefined };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  private fail(problem: ArchiveProblem, message: string): ArchiveError {
    const error = new ArchiveError(problem, message);
    this.report(problem, error);
    return error;
  }
}

/** The URL scheme MapLibre sees: `pmtiles://<absolute archive URL>`. */
export const ARCHIVE_PROTOCOL = 'pmtiles';

let protocol: Protocol | null = null;

/** One Protocol for the page, registered with MapLibre by the caller (`addProtocol`). */
export function archiveProtocol(): Protocol {
  protocol ??= new Protocol({ metadata: false, errorOnMissingTile: false });
  return protocol;
}

type Listener = (problem: ArchiveProblem, error: Error) => void;
const listeners = new Set<Listener>();

/** Calls `listener` on every problem of any registered archive; returns the unsubscribe call. */
export function onArchiveProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Registers the archive at `url` (absolute) with the protocol, reading through a RangeSource
 * that tells `onArchiveProblem` listeners of trouble. Returns the source URL for the style.
 */
export function addArchive(url: string): string {
  const p = archiveProtocol();
  if (!p.get(url)) p.add(new PMTiles(new RangeSource(url, (problem, error) => listeners.forEach((l) => l(problem, error)))));
  return `${ARCHIVE_PROTOCOL}://${url}`;
}
