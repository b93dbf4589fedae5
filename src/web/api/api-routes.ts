import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppDeps } from '../deps.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';
import { getArticle, getArticleRoute } from './article-json.js';
import { getEntity, getEntityRoute, getStory, getStoryRoute, listCategories, listCategoriesRoute, listProviders, listProvidersRoute } from './catalogue-routes.js';
import { listArticles, listArticlesRoute } from './list-articles.js';
import { openApiConfig, registerPushDocs } from './openapi-document.js';
import { partnerWebhookRoutes } from './partner-webhooks.js';
import { pushArticles, type PushLimits } from './push-articles.js';
import { readAccess } from './read-access.js';
import { searchArticles, searchArticlesRoute } from './search-articles.js';
import { requireApiKey } from './require-api-key.js';
import { registerRetractDocs, retractArticle } from './retract-article.js';

/** Push limits: 500 articles or 16 MB per request, whichever comes first. */
export const defaultPushLimits: PushLimits = { maxItems: 500, maxBodyBytes: 16 * 1024 * 1024 };

/** A request that fails its schema is a 400 naming each bad field, never a 500. */
const validationFailed: Hook<unknown, ApiEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const details = result.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
  const message = details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
  return apiError(c, 400, 'VALIDATION_FAILED', `The request is not valid: ${message}.`, details);
};

/**
 * The JSON API under /api/v1: the provider push endpoint and public reads, each read
 * declared with the zod schemas its input and output follow, so the OpenAPI document at
 * /api/v1/openapi.json is generated from the same schemas that check requests.
 */
export function apiRoutes(deps: AppDeps, limits: PushLimits = defaultPushLimits): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationFailed });

  // Reads may be called from any web page (they need no credentials); the push endpoint is
  // for servers, so browsers get no CORS grant for POST.
  api.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag', 'Last-Modified', 'Retry-After'], maxAge: 86_400 }));
  // Public reads are counted per client IP, or per partner key, before any work is done
  // (as middleware, not a GET route, so a wrong method still gets its 405).
  api.use('*', readAccess(deps));

  // Counted per API key, before the body is read: a key over its limit costs almost nothing.
  const perKey = rateLimit<Context<ApiEnv>>({
    perMinute: deps.config.rateLimits.pushPerMinute,
    key: (c) => c.get('apiKey').keyId,
    refuse: (c, retryAfter) =>
      apiError(c, 429, 'RATE_LIMITED', `This API key sent more than ${deps.config.rateLimits.pushPerMinute} requests a minute; retry in ${retryAfter} s.`),
  });
  api.post(
    '/articles',
    requireApiKey(deps),
    perKey,
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) =>
        apiError(c, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MB; send smaller batches.`),
    }),
    pushArticles(deps, limits),
  );
  registerPushDocs(api, limits);
  // A provider retracts its own article (the guid may hold slashes when URL-encoded or not).
  api.delete('/articles/:guid{.+}', requireApiKey(deps), perKey, retractArticle(deps));
  registerRetractDocs(api);

  api.openapi(listArticlesRoute, listArticles(deps));
  api.openapi(getArticleRoute, getArticle(deps));
  api.openapi(getStoryRoute, getStory(deps));
  api.openapi(listCategoriesRoute, listCategories(deps));
  api.openapi(listProvidersRoute, listProviders(deps));
  api.openapi(getEntityRoute, getEntity(deps));
  api.openapi(searchArticlesRoute, searchArticles(deps));
  // Partners' webhooks, behind their partner key (see README, Webhooks).
  partnerWebhookRoutes(api, deps);
  api.doc31('/openapi.json', openApiConfig(deps));
  return api;
}
