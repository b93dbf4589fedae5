import type { Context } from 'hono';
import type { Logger } from 'pino';
import { chooseImageFormat } from '../../images/image-format.js';
import type { ImageService } from '../../images/image-service.js';
import { verifyImagePath } from '../../images/image-signature.js';
import { streamAsIs } from '../http-cache/cache-as.js';

/** A variant never changes under its URL (the source and width are in it): caches keep it a year (RFC 8246). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * GET /img/:signature/:width/:source — one picture at one width, in the best format the
 * browser accepts (`Vary: Accept`). A forged or tampered URL is 403; a width not offered is
 * 404; a picture that cannot be had (gone, too large, not a picture, a private address) is 404
 * for a few minutes, and logged.
 */
export function imageRoute(deps: { images: ImageService; secret: string; logger: Logger }) {
  return async (c: Context) => {
    const { signature = '', width: widthParam = '', source: encoded = '' } = c.req.param();
    const width = /^\d{1,5}$/.test(widthParam) ? Number(widthParam) : NaN;
    const source = Number.isFinite(width) && /^[A-Za-z0-9_-]{1,6000}$/.test(encoded) ? verifyImagePath(deps.secret, signature, width, encoded) : null;
    // The image is sent as it is: it is compressed already, and far too big for the page cache.
    streamAsIs(c);
    if (source === null) return plain(c, 403, 'This image URL is not signed by this site.');
    if (!deps.images.limits.widths.includes(width)) return plain(c, 404, `Images are made ${deps.images.limits.widths.join(', ')} pixels wide.`);
    const format = chooseImageFormat(c.req.header('accept'));
    const result = await deps.images.variant(source, width, format);
    if (result.kind === 'failed') {
      deps.logger.warn({ source, width, reason: result.reason }, 'image not served');
      c.header('Cache-Control', 'public, max-age=300');
      return plain(c, 404, `No picture: ${result.reason}.`);
    }
    const etag = `"${format}-${width}-${signature}"`;
    const headers = { 'Content-Type': result.contentType, 'Cache-Control': IMMUTABLE, Vary: 'Accept', ETag: etag };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(result.bytes), 200, { ...headers, 'Content-Length': String(result.bytes.length) });
  };
}

function plain(c: Context, status: 403 | 404, message: string) {
  if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  return c.body(message, status, { 'Content-Type': 'text/plain; charset=utf-8' });
}
