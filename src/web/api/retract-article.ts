import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import type { ApiEnv } from './api-env.js';
import { errorSchema } from './api-schemas.js';

const retractedSchema = z
  .object({
    id: z.number().int(),
    guid: z.string(),
    status: z.literal('taken_down'),
  })
  .openapi('Retracted');

/**
 * DELETE /api/v1/articles/{guid}: a provider retracts one of its own articles with its push
 * key. The article is taken down (kept, with who and when, so an editor can restore it): it
 * leaves every listing, feed and API answer at once and its page answers 410. Retracting it
 * again answers the same.
 */
export function retractArticle(deps: AppDeps) {
  return async (c: Context<ApiEnv>) => {
    const provider = c.get('provider');
    const guid = c.req.param('guid') ?? '';
    if (guid === '' || guid.length > 2048) return apiError(c, 400, 'VALIDATION_FAILED', 'Give the article’s guid, URL-encoded, as the last path segment.');
    const article = await deps.store.articles.findByGuid(provider.id, guid);
    if (!article) return apiError(c, 404, 'NOT_FOUND', `Provider "${provider.slug}" has no article with this guid.`);
    const keyId = c.get('apiKey').keyId;
    await deps.store.articles.takeDown(article.id, { reason: 'Retracted by the provider', actor: { id: null, label: `${provider.slug} API key ${keyId}` } });
    deps.logger.info({ provider: provider.slug, articleId: article.id, keyId }, 'article retracted by its provider');
    return c.json({ id: article.id, guid: article.guid, status: 'taken_down' as const }, 200);
  };
}

/** Documents DELETE /articles/{guid} next to the push endpoint. */
export function registerRetractDocs(api: OpenAPIHono<any>): void {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
  api.openAPIRegistry.registerPath({
    method: 'delete',
    path: '/articles/{guid}',
    tags: ['Push'],
    summary: 'Retract an article (providers)',
    description:
      'Takes one of the key’s provider’s articles down everywhere at once: listings, feeds, sitemaps and API answers drop it, and its page answers 410. ' +
      'The article is kept so that an editor can restore it. Idempotent. The guid is the one the provider sent, URL-encoded as one path segment.',
    security: [{ apiKey: [] }],
    request: { params: z.object({ guid: z.string().min(1).max(2048).openapi({ description: 'The provider’s own id of the article, URL-encoded.' }) }) },
    responses: {
      200: { description: 'The article is taken down.', content: { 'application/json': { schema: retractedSchema } } },
      400: error('VALIDATION_FAILED.'),
      401: error('UNAUTHORIZED: missing, wrong or revoked key.'),
      404: error('NOT_FOUND: the provider has no article with this guid.'),
      429: error('RATE_LIMITED: see Retry-After.'),
    },
  });
}
