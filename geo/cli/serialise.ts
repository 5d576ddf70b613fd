// JSON as string chunks with a size limit. V8 caps one string at about 512 MB, and
// JSON.stringify of a large result died with "RangeError: Invalid string length"; here the
// outer objects and arrays are written member by member, so no one string holds the whole
// result, and a result beyond the limit is a clear error instead of a crash.

export class TooLargeError extends Error {}

/** A chunk is closed once it reaches this many characters: one chunk for almost every result, bounded pieces for the rest. */
const FLUSH_CHARS = 1 << 24;

/**
 * The same text as `JSON.stringify(value) + suffix`, in chunks (strings are what a worker hands
 * to another thread most cheaply). Objects and arrays down to `depth` levels are written one
 * member at a time. Throws TooLargeError when the JSON exceeds `maxBytes` of UTF-8 (or a
 * single member cannot be made a string at all).
 */
export function jsonChunks(value: unknown, maxBytes: number, options: { depth?: number; suffix?: string } = {}): string[] {
  const chunks: string[] = [];
  let pending = '';
  let bytes = 0;
  const flush = () => {
    bytes += Buffer.byteLength(pending);
    if (bytes > maxBytes) throw new TooLargeError(tooLarge(maxBytes));
    chunks.push(pending);
    pending = '';
  };
  const write = (s: string) => {
    pending += s;
    // UTF-8 takes at least a byte per UTF-16 unit, so this bound trips no later than the real one.
    if (bytes + pending.length > maxBytes) throw new TooLargeError(tooLarge(maxBytes));
    if (pending.length >= FLUSH_CHARS) flush();
  };
  const emit = (v: unknown, depth: number): void => {
    if (depth > 0 && Array.isArray(v)) {
      write('[');
      for (let i = 0; i < v.length; i++) {
        if (i) write(',');
        emit(v[i], depth - 1);
      }
      write(']');
    } else if (depth > 0 && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      let first = true;
      write('{');
      for (const key of Object.keys(v)) {
        const member = (v as Record<string, unknown>)[key];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        write(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        emit(member, depth - 1);
      }
      write('}');
    } else {
      let s: string | undefined;
      try {
        s = JSON.stringify(v);
      } catch (e) {
        if (e instanceof RangeError) throw new TooLargeError(tooLarge(maxBytes));
        throw e;
      }
      write(s ?? 'null');
    }
  };
  emit(value, options.depth ?? 3);
  write(options.suffix ?? '');
  flush();
  return chunks;
}

const tooLarge = (maxBytes: number) => `result too large: its JSON exceeds ${(maxBytes / 1e6).toLocaleString('en', { maximumFractionDigits: 3 })} MB (--compact is linear in the text; --max-output-mb raises the limit)`;
