// JSON Lines input as batches of lines, straight from the bytes (no decoding on the main
// thread). A UTF-8 byte-order mark before the first line is dropped, not taken for part of
// it; blank lines are counted (line numbers stay those of the file) but not passed on.

export interface LineBatch {
  /** The lines back to back, without their newlines; line i ends at `ends[i]`. */
  data: Uint8Array;
  ends: number[];
  /** 1-based line numbers in the input. */
  lines: number[];
}

export interface SplitterOptions {
  /** A batch closes once it holds this many bytes... Default: 64 kB. */
  batchBytes: number;
  /** ...or this many lines. Default: 64. */
  batchLines: number;
}

const defaultOptions: SplitterOptions = { batchBytes: 64 * 1024, batchLines: 64 };

const NEWLINE = 0x0a;

/** Only spaces, tabs and carriage returns: a blank line. */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

export class LineSplitter {
  private readonly options: SplitterOptions;
  /** The start of a line whose newline has not come yet. */
  private partial: Uint8Array[] = [];
  private partialBytes = 0;
  private lineNumber = 0;
  private atStart = true;
  private pending: Uint8Array[] = [];
  private pendingLines: number[] = [];
  private pendingBytes = 0;

  constructor(options: Partial<SplitterOptions> = {}) {
    this.options = { ...defaultOptions, ...options };
  }

  /** The batches completed by this chunk (its complete lines, without waiting for more). */
  push(chunk: Uint8Array): LineBatch[] {
    const out: LineBatch[] = [];
    if (this.atStart) {
      // Wait for three bytes before deciding whether the input starts with a byte-order mark.
      if (this.partialBytes + chunk.length < 3 && chunk.indexOf(NEWLINE) < 0) {
        this.keep(chunk);
        return out;
      }
      chunk = this.takePartial(chunk);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      this.atStart = false;
    }
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      this.line(this.takePartial(chunk.subarray(from, nl)), out);
      from = nl + 1;
    }
    if (from < chunk.length) this.keep(chunk.subarray(from));
    this.close(out);
    return out;
  }

  /** The last line, if the input did not end with a newline, and anything still pending. */
  end(): LineBatch[] {
    const out: LineBatch[] = [];
    if (this.atStart) {
      const rest = this.takePartial(new Uint8Array(0));
      this.atStart = false;
      if (rest.length) this.keep(rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf ? rest.subarray(3) : rest);
    }
    if (this.partialBytes) this.line(this.takePartial(new Uint8Array(0)), out);
    this.close(out);
    return out;
  }

  private keep(bytes: Uint8Array): void {
    // A copy: the stream may reuse the chunk's memory once we return.
    this.partial.push(Uint8Array.prototype.slice.call(bytes));
    this.partialBytes += bytes.length;
  }

  private takePartial(tail: Uint8Array): Uint8Array {
    if (!this.partialBytes) return tail;
    const whole = new Uint8Array(this.partialBytes + tail.length);
    let at = 0;
    for (const p of this.partial) {
      whole.set(p, at);
      at += p.length;
    }
    whole.set(tail, at);
    this.partial = [];
    this.partialBytes = 0;
    return whole;
  }

  private line(bytes: Uint8Array, out: LineBatch[]): void {
    this.lineNumber++;
    if (isBlank(bytes)) return;
    this.pending.push(bytes);
    this.pendingLines.push(this.lineNumber);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= this.options.batchBytes || this.pending.length >= this.options.batchLines) this.close(out);
  }

  private close(out: LineBatch[]): void {
    if (!this.pending.length) return;
    const data = new Uint8Array(this.pendingBytes);
    const ends: number[] = [];
    let at = 0;
    for (const p of this.pending) {
      data.set(p, at);
      at += p.length;
      ends.push(at);
    }
    out.push({ data, ends, lines: this.pendingLines });
    this.pending = [];
    this.pendingLines = [];
    this.pendingBytes = 0;
  }
}
