import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.js';
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
