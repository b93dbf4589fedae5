import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheKey } from './http-caching.js';
import { chooseVariant, notModified, wireHeaders } from './negotiate.js';
import type { CachedPage, PageCache } from './page-cache.js';

/**
 * Answers a GET or HEAD straight from the page cache, on the bare Node request, before the
 * web framework parses anything: a hit costs about what sending the bytes costs. Returns
 * the page it sent, or undefined when the page is not cached and the app takes the request.
 */
export function serveCached(cache: PageCache, req: IncomingMessage, res: ServerResponse): CachedPage | undefined {
  if (!cache.enabled || (req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return undefined;
  const page = cache.get(cacheKey(req.url, req.headers.accept));
  if (!page) return undefined;
  const variant = chooseVariant(page, req.headers['accept-encoding']);
  const wire = wireHeaders(page, variant);
  if (notModified(req.headers, variant, page.lastModified)) {
    res.writeHead(304, wire.notModified);
    res.end();
    return page;
  }
  res.writeHead(page.status, wire.ok);
  res.end(req.method === 'HEAD' ? undefined : variant.body);
  return page;
}
