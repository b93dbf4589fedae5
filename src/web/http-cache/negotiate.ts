import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { CachedPage, Variant } from './page-cache.js';

/**
 * The variant a client takes (RFC 9110 §12.5.3 Accept-Encoding, q-values honoured): br,
 * then gzip, then identity. A page has both compressed variants or neither.
 */
export function chooseVariant(page: CachedPage, acceptEncoding: string | undefined): Variant {
  const choice = acceptedEncoding(acceptEncoding);
  return (choice === 'br' ? page.br : choice === 'gzip' ? page.gzip : undefined) ?? page.identity;
}

/** Clients send a handful of distinct Accept-Encoding values; each is parsed once. */
const choices = new Map<string, 'br' | 'gzip' | 'identity'>();
const MAX_REMEMBERED = 256;
const OFFERED = ['br', 'gzip', 'identity'];

/** The encoding a client takes: br or gzip when it accepts them, else identity. */
export function acceptedEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  let choice = choices.get(acceptEncoding);
  if (choice === undefined) {
    const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as PreferringNegotiator;
    // At equal q-values the smaller encoding wins, whatever order the client listed them in.
    const best = negotiator.encoding(OFFERED, { preferred: OFFERED });
    choice = best === 'br' || best === 'gzip' ? best : 'identity';
    if (choices.size >= MAX_REMEMBERED) choices.clear();
    choices.set(acceptEncoding, choice);
  }
  return choice;
}

/** Whether a conditional GET may be answered 304 (RFC 9110 §13.1: If-None-Match first, else If-Modified-Since). */
export function notModified(requestHeaders: Record<string, string | string[] | undefined>, variant: Variant, lastModified: string): boolean {
  const ifNoneMatch = requestHeaders['if-none-match'];
  if (!ifNoneMatch && !requestHeaders['if-modified-since']) return false;
  // The common case, a browser sending back the one ETag it was given, needs no parsing.
  if (ifNoneMatch === variant.etag && !requestHeaders['cache-control']) return true;
  return fresh(requestHeaders, { etag: variant.etag, 'last-modified': lastModified });
}

/** The flat header list of a variant's 200 and 304, built once per variant and kept on it. */
export function wireHeaders(page: CachedPage, variant: Variant): { ok: string[]; notModified: string[] } {
  if (!variant.wire) {
    const headers = variantHeaders(page, variant);
    variant.wire = {
      ok: [...headers, ['content-length', String(variant.body.length)]].flat(),
      notModified: headers.filter(([name]) => !NOT_IN_304.has(name)).flat(),
    };
  }
  return variant.wire;
}

/** Headers a 304 does not repeat (RFC 9110 §15.4.5). */
export const NOT_IN_304 = new Set(['content-type', 'content-encoding', 'content-length']);

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
