// Reading a byte stream to its end, chunk by chunk: for download progress and for size limits
// on inflated links, which neither Response.arrayBuffer() nor Blob gives.

/** All bytes of `stream`; `onChunk` hears each chunk's size; past `limit` bytes it stops and throws. */
export async function readStream(stream: ReadableStream<Uint8Array>, onChunk: (n: number) => void = () => {}, limit = Infinity): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
    onChunk(value.length);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
