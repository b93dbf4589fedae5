/** A request body read up to a limit: the bytes, or the news that it was larger. */
export type LimitedBody = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large' };

/**
 * Reads a request body chunk by chunk and stops as soon as it passes `maxBytes`, so a
 * chunked upload without a Content-Length can never grow memory past the limit (reading
 * `arrayBuffer()` first and checking after would hold the whole upload). A declared
 * Content-Length over the limit is refused before anything is read.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too-large' };
  if (!request.body) return { kind: 'ok', bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}
