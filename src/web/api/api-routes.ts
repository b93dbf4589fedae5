import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';
import { getArticle } from './article-json.js';
import { pushArticles, type PushLimits } from './push-articles.js';
import { requireApiKey } from './require-api-key.js';

/** Push limits: 500 articles or 16 MB per request, whichever comes first. */
export const defaultPushLimits: PushLimits = { maxItems: 500, maxBodyBytes: 16 * 1024 * 1024 };

/** The JSON API under /api/v1: the provider push endpoint and public reads. */
export function apiRoutes(deps: AppDeps, limits: PushLimits = defaultPushLimits): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.post(
    '/articles',
    requireApiKey(deps),
    // Counted per API key, before the body is read: a key over its limit costs almost nothing.
    rateLimit<Context<ApiEnv>>({
      perMinute: deps.config.rateLimits.pushPerMinute,
      key: (c) => c.get('apiKey').keyId,
      refuse: (c, retryAfter) =>
        apiError(c, 429, 'RATE_LIMITED', `This API key sent more than ${deps.config.rateLimits.pushPerMinute} requests a minute; retry in ${retryAfter} s.`),
    }),
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) =>
        apiError(c, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MB; send smaller batches.`),
    }),
    pushArticles(deps, limits),
  );
  api.get('/articles/:id', getArticle(deps));
  return api;
}
