import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../../config/load-config.js';
import { cacheDirectiveOf, isStreamedAsIs, type CacheKind } from './cache-as.js';
import { acceptedEncoding, chooseVariant, NOT_IN_304, notModified, variantHeaders } from './negotiate.js';
import type { CachedPage, PageCache } from './page-cache.js';
import { renderPage } from './render-page.js';
import { renderedBodyOf } from './send-html.js';

/** Whether an Accept header asks for IPTC ninjs, which the JSON API answers in place of its own JSON. */
export function acceptsNinjs(accept: string | undefined): boolean {
  return accept !== undefined && /application\/ninjs\+json/i.test(accept);
}

/**
 * The cache key of a request: its path and query, as sent; an API request asking for ninjs
 * by `Accept` is a representation of its own (the API sends `Vary: Accept`).
 */
export function cacheKey(pathAndQuery: string, accept?: string): string {
  return pathAndQuery.startsWith('/api/') && acceptsNinjs(accept) ? `${pathAndQuery} ninjs` : pathAndQuery;
}

/** Cache-Control for shared caches (a CDN) and browsers, per kind of page (RFC 9111 §5.2.2, RFC 5861). */
export function cacheControl(kind: CacheKind | undefined, status: number, config: Config['httpCache']): string {
  if (status >= 400) return 'no-store';
  if (!kind) return 'no-cache';
  const shared = kind === 'listing' ? config.listingSeconds : config.articleSeconds;
  // Browsers revalidate every time (a 304 is cheap); a CDN may serve its copy this long.
  return `public, max-age=0, s-maxage=${shared}, stale-while-revalidate=${config.staleSeconds}`;
}

/**
 * How long this node keeps a rendered page at most, though nothing it shows changed: a
 * listing says "5 minutes ago", and every page shows a "most popular" ranking that moves
 * with views (flushed every few seconds, announced to nobody).
 */
const PAGE_LIFETIME_MS: Record<CacheKind, number> = { listing: 60_000, article: 300_000 };

/**
 * HTTP caching for every GET: a strong ETag and Last-Modified, 304 for a matching
 * conditional request, Cache-Control and Vary: Accept-Encoding, and a compressed body.
 * Pages a handler marked with `cacheAs` are kept in the page cache, which `serveCached`
 * answers from before the app runs at all.
 */
export function httpCaching(
  cache: PageCache,
  config: Config['httpCache'],
  /** Counts lookups in the app (the fast path counts its own hits). */
  lookups?: { inc(labels: { result: string; layer: string }): void },
): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const key = cacheKey(url.pathname + url.search, c.req.header('accept'));
    const cached = cache.get(key);
    if (cached) {
      lookups?.inc({ result: 'hit', layer: 'app' });
      return respond(c, cached);
    }
    const generation = cache.generation;
    await next();
    const res = c.res;
    if ((res.status >= 300 && res.status < 400) || isStreamedAsIs(c)) return;
    const directive = cacheDirectiveOf(c);
    // A miss is a cacheable page that had to be rendered; pages never cached are not counted.
    if (directive && cache.enabled) lookups?.inc({ result: 'miss', layer: 'app' });
    const headers = new Headers(res.headers);
    // A handler that chose its own policy (static files, health checks) keeps it.
    if (!headers.has('cache-control') || directive) headers.set('cache-control', cacheControl(directive?.kind, res.status, config));
    headers.set('vary', url.pathname.startsWith('/api/') ? 'Accept, Accept-Encoding' : 'Accept-Encoding');
    const body = renderedBodyOf(res) ?? Buffer.from(await res.arrayBuffer());
    const keep = cache.enabled && directive !== undefined && res.status === 200;
    const only = keep ? undefined : acceptedEncoding(c.req.header('accept-encoding'));
    const page = await renderPage(res.status, headers, body, cache.lastChange, only);
    if (keep) cache.set(key, { ...page, route: c.req.routePath }, directive.tags, generation, PAGE_LIFETIME_MS[directive.kind]);
    respond(c, page);
  };
}

function respond(c: Context, page: CachedPage): Response {
  const variant = chooseVariant(page, c.req.header('accept-encoding'));
  const requestHeaders = { 'if-none-match': c.req.header('if-none-match'), 'if-modified-since': c.req.header('if-modified-since') };
  const headers = new Headers(variantHeaders(page, variant));
  const res =
    page.status === 200 && notModified(requestHeaders, variant, page.lastModified)
      ? new Response(null, { status: 304, headers: notModifiedHeaders(headers) })
      : new Response(c.req.method === 'HEAD' ? null : new Uint8Array(variant.body.buffer as ArrayBuffer, variant.body.byteOffset, variant.body.length), { status: page.status, headers });
  replaceResponse(c, res);
  return c.res;
}

/**
 * `c.res = res`, as Hono's setter does it (the previous response's headers, but its
 * Content-Type, carried over), without the copy of `res` the setter makes: that copy reads
 * the body as a web stream, so the server would send the page as a stream, chunk by chunk,
 * where it sends bytes in memory in one write.
 */
function replaceResponse(c: Context, res: Response): void {
  if (c.finalized) {
    const previous = c.res.headers;
    previous.forEach((value, name) => {
      if (name === 'content-type') return;
      if (name === 'set-cookie') {
        res.headers.delete('set-cookie');
        for (const cookie of previous.getSetCookie()) res.headers.append('set-cookie', cookie);
      } else res.headers.set(name, value);
    });
  }
  c.res = undefined;
  c.res = res;
}

/** A 304 repeats the validators and caching headers, not the body's (RFC 9110 §15.4.5). */
function notModifiedHeaders(headers: Headers): Headers {
  for (const name of NOT_IN_304) headers.delete(name);
  return headers;
}
