import type { Context } from 'hono';
import { acceptsNinjs } from '../http-cache/http-caching.js';

/** The media type of IPTC ninjs. */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json';

/**
 * Which representation a read asks for: `?format=` decides, else an `Accept` naming ninjs.
 * The page cache keys on the same choice (see `cacheKey`), so the two never mix.
 */
export function wantsNinjs(c: Context, format: string | undefined): boolean {
  if (format !== undefined) return format === 'ninjs';
  return acceptsNinjs(c.req.header('accept'));
}
