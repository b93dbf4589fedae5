import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit.js';
import { checkPartnerKey } from './check-partner-key.js';

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
    const key = await checkPartnerKey(deps, header);
    if (key === 'malformed') return apiError(c, 401, 'UNAUTHORIZED', 'Reads need no key; a partner key is sent as "Authorization: Bearer gzp_…".');
    if (key === 'invalid') return apiError(c, 401, 'UNAUTHORIZED', 'The partner key is not valid or has been revoked.');
    c.set('partnerKeyId', key.keyId);
    return partnerLimit(key.perMinute)(c, next);
  };
}
