import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { CachedPage, Variant } from './page-cache.js';

/** The variant a client takes (RFC 9110 §12.5.3 Accept-Encoding, q-values honoured): br, then gzip, then identity. */
export function chooseVariant(page: CachedPage, acceptEncoding: string | undefined): Variant {
  if (!acceptEncoding) return page.identity;
  const offered = [page.br && 'br', page.gzip && 'gzip', 'identity'].filter((e): e is string => Boolean(e));
  // At equal q-values the smaller encoding wins, whatever order the client listed them in.
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as PreferringNegotiator;
  const choice = negotiator.encoding(offered, { preferred: offered });
  if (choice === 'br' && page.br) return page.br;
  if (choice === 'gzip' && page.gzip) return page.gzip;
  return page.identity;
}

/** Whether a conditional GET may be answered 304 (RFC 9110 §13.1: If-None-Match first, else If-Modified-Since). */
export function notModified(requestHeaders: Record<string, string | string[] | undefined>, variant: Variant, lastModified: string): boolean {
  if (!requestHeaders['if-none-match'] && !requestHeaders['if-modified-since']) return false;
  return fresh(requestHeaders, { etag: variant.etag, 'last-modified': lastModified });
}

/** The headers of one variant on top of the page's own. */
export function variantHeaders(page: CachedPage, variant: Variant): [string, string][] {
  const headers: [string, string][] = [...page.headers, ['etag', variant.etag], ['last-modified', page.lastModified]];
  if (variant.encoding) headers.push(['content-encoding', variant.encoding]);
  return headers;
}

/** negotiator 1.x takes a preference order; its published types still describe 0.6. */
interface PreferringNegotiator {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
}
