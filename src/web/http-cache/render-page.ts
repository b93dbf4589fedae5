import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { CachedPage, Variant } from './page-cache.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const BROTLI_WINDOW_BITS = 18;
/** Bodies smaller than this gain nothing from compression. */
const MIN_COMPRESS_BYTES = 1024;
/** Headers that belong to one variant, set again for each. */
const PER_VARIANT = new Set(['etag', 'last-modified', 'content-encoding', 'content-length']);

/**
 * Turns a rendered body into a page ready to send: a strong ETag per encoding (the gzip
 * and brotli bytes are different representations, RFC 9110 §8.8.3), compressed off the
 * event loop. A page for the cache gets every encoding, once; a page sent once gets only
 * the one its client takes (`only`).
 */
export async function renderPage(
  status: number,
  headers: Headers,
  body: Buffer,
  lastModified: number,
  only?: 'br' | 'gzip' | 'identity',
): Promise<CachedPage> {
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const identity: Variant = { body, etag: `"${tag}"` };
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!PER_VARIANT.has(name)) kept.push([name, value]);
  });
  const page: CachedPage = { status, headers: kept, identity, lastModified: new Date(lastModified).toUTCString() };
  if (body.length < MIN_COMPRESS_BYTES || only === 'identity') return page;
  // Quality 6 for pages compressed once and sent many times, 4 for a page sent once. A
  // 256 KB window holds any page whole; brotli's default 4 MB window costs megabytes of
  // memory per compression in flight, for nothing.
  const quality = only ? 4 : 6;
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
  };
  const [br, gz] = await Promise.all([
    only === 'gzip' ? undefined : brotli(body, { params }),
    only === 'br' ? undefined : gzipAsync(body, { level: 6 }),
  ]);
  if (br) page.br = { body: br, etag: `"${tag}-br"`, encoding: 'br' };
  if (gz) page.gzip = { body: gz, etag: `"${tag}-gz"`, encoding: 'gzip' };
  return page;
}
