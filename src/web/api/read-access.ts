import type { Context, MiddlewareHandler } from 'hono';
import { hashApiKeySecret, parseApiKeyToken, secretMatchesHash } from '../../domain/api-key.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit.js';

/** Compared against when no key has the presented id, so both failures cost the same. */
const NO_SUCH_KEY_HASH = hashApiKeySecret('no such partner key');

/**
 * Who may read the API how fast: anyone, counted per client address at `API_RATE_LIMIT` a
 * minute; a partner presenting its key (`Authorization: Bearer gzp_…`), counted per key at
 * the key's own limit. A wrong, unknown or revoked key is 401, not a silent fall back to the
 * anonymous limit, so a partner notices. Only GET and HEAD are counted here.
 */
export function readAccess(deps: AppDeps): MiddlewareHandler {
  const refuse = (who: string, perMinute: number) => (c: Context, retryAfter: number) =>
    apiError(c, 429, 'RATE_LIMITED', `More than ${perMinute} requests a minute from ${who}; retry in ${retryAfter} s.`);
  const anonymous = rateLimit({ perMinute: deps.config.rateLimits.readPerMinute, key: clientAddress, refuse: refuse('this address', deps.config.rateLimits.readPerMinute) });
  // One bucket set per distinct limit; buckets are keyed by key id.
  const byLimit = new Map<number, MiddlewareHandler>();
  const partnerLimit = (perMinute: number) => {
    let limiter = byLimit.get(perMinute);
    if (!limiter) {
      limiter = rateLimit({ perMinute, key: (c) => c.get('partnerKeyId') as string, refuse: refuse('this partner key', perMinute) });
      byLimit.set(perMinute, limiter);
    }
    return limiter;
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const header = c.req.header('authorization');
    if (header === undefined) return anonymous(c, next);
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    const token = bearer ? parseApiKeyToken(bearer[1]!, 'gzp') : undefined;
    if (!token) return apiError(c, 401, 'UNAUTHORIZED', 'Reads need no key; a partner key is sent as "Authorization: Bearer gzp_…".');
    const key = await deps.store.partnerKeys.findByKeyId(token.keyId);
    const matches = secretMatchesHash(token.secret, key?.secretHash ?? NO_SUCH_KEY_HASH);
    if (!key || !matches || key.revokedAt) return apiError(c, 401, 'UNAUTHORIZED', 'The partner key is not valid or has been revoked.');
    c.set('partnerKeyId', key.keyId);
    return partnerLimit(key.perMinute)(c, next);
  };
}
