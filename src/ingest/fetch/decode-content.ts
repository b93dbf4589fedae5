import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Why a body could not be decoded, in plain words. */
export class ContentDecodingError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'ContentDecodingError';
  }
}

/**
 * Undoes the Content-Encoding (RFC 9110 §8.4) of a whole body: gzip, deflate and br, in the
 * reverse of the order they were applied. `maxBytes` bounds the decoded size too, so a small
 * compressed "bomb" cannot grow into gigabytes in memory.
 */
export async function decodeContent(body: Uint8Array, contentEncoding: string | null, maxBytes: number): Promise<Uint8Array> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let data: Uint8Array = body;
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') data = await gunzip(data, options);
      else if (coding === 'br') data = await brotli(data, options);
      else if (coding === 'deflate') {
        // "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send
        // raw deflate; a zlib stream starts with a CMF byte whose low nibble is 8.
        data = (data[0]! & 0x0f) === 8 ? await inflate(data, options) : await inflateRaw(data, options);
      } else throw new ContentDecodingError(`the server used an unsupported content encoding "${coding}"`);
    } catch (error) {
      if (error instanceof ContentDecodingError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new ContentDecodingError(`the decompressed response is larger than the ${formatBytes(maxBytes)} limit`, true);
      }
      throw new ContentDecodingError(`the ${coding}-compressed response is corrupt (${(error as Error).message})`);
    }
  }
  return data;
}

/** 10485760 → "10 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
