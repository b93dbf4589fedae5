import type { CachingHeaders } from '../ingest/fetch/fetch-url.js';

/**
 * How long a response stays fresh, in ms (RFC 9111 §4.2.1): `max-age` less the `Age` the
 * response already had, else `Expires` less `Date`. Null when the response says nothing,
 * or says not to reuse it (`no-store`, `no-cache`).
 */
export function freshnessMs(caching: CachingHeaders, now: Date): number | null {
  const directives = parseCacheControl(caching.cacheControl);
  if (directives.has('no-store') || directives.has('no-cache')) return null;
  const maxAge = directives.get('max-age');
  if (maxAge !== undefined && /^\d+$/.test(maxAge)) {
    const age = caching.age && /^\d+$/.test(caching.age.trim()) ? Number(caching.age.trim()) : 0;
    return Math.max(0, Number(maxAge) - age) * 1000;
  }
  if (caching.expires) {
    const expires = Date.parse(caching.expires);
    // An invalid Expires (often "0" or "-1") means "already expired" (RFC 9111 §5.3).
    if (Number.isNaN(expires)) return 0;
    const date = caching.date ? Date.parse(caching.date) : Number.NaN;
    return Math.max(0, expires - (Number.isNaN(date) ? now.getTime() : date));
  }
  return null;
}

/** Retry-After (RFC 9110 §10.2.3) as a delay in ms: delay-seconds or an HTTP-date. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function parseCacheControl(header: string | null): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of (header ?? '').split(',')) {
    const [name, value = ''] = part.split('=', 2);
    const key = name!.trim().toLowerCase();
    if (key) directives.set(key, value.trim().replace(/^"|"$/g, ''));
  }
  return directives;
}
