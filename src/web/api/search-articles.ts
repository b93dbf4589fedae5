import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { formatSearchCursor } from '../../domain/search.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { searchCacheTags } from '../feeds/search-feed.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { readSearch, searchParamsSchema, searchQueryString } from '../search/search-request.js';
import type { ApiEnv } from './api-env.js';
import { articleSummarySchema, errorSchema } from './api-schemas.js';
import { summarize } from './article-summaries.js';

const markedTextSchema = z
  .array(z.object({ text: z.string(), mark: z.boolean() }))
  .openapi('MarkedText', { description: 'Plain text in runs; `mark` runs are the words that matched. Show it escaped, marked runs highlighted.' });

/** A search result: the article as lists show it, with its headline and a passage marked. */
const searchHitSchema = articleSummarySchema
  .extend({ highlight: z.object({ headline: markedTextSchema, snippet: markedTextSchema }) })
  .openapi('SearchHit');

const searchResultsSchema = z
  .object({
    data: z.array(searchHitSchema),
    next: z.string().url().nullable().openapi({ description: 'The next page of results, with every filter kept; null on the last page.' }),
  })
  .openapi('SearchResults');

/** GET /api/v1/search, as the OpenAPI document describes it. */
export const searchArticlesRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Articles'],
  summary: 'Search published stories',
  description:
    'Full-text search, best match first (relevance with a boost for recent stories), one result per story. The syntax of `q`: words (all must match), "a phrase", word* for words beginning so, -word or -"a phrase" to leave out. Any text is a valid query: what is not syntax is read as words. An empty `q` returns no results.',
  request: { query: searchParamsSchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Results per page, 1 to 100.' }) }).strict() },
  responses: {
    200: { description: 'A page of results.', content: { 'application/json': { schema: searchResultsSchema } } },
    400: { description: 'A bad filter or cursor.', content: { 'application/json': { schema: errorSchema } } },
    429: { description: 'Too many requests from this client; see `Retry-After`.', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** The handler of GET /api/v1/search. */
export function searchArticles(deps: AppDeps): RouteHandler<typeof searchArticlesRoute, ApiEnv> {
  return async (c) => {
    const { limit, ...params } = c.req.valid('query');
    const read = await readSearch(deps, params);
    if ('error' in read) return apiError(c, 400, 'VALIDATION_FAILED', read.error);
    const page = await deps.store.search.query({ ...read.request, limit });
    const summaries = await summarize(deps, page.hits.map((h) => h.article));
    const hits = new Map(page.hits.map((h) => [h.article.id, h]));
    const data = summaries.map((s) => ({ ...s, highlight: { headline: hits.get(s.id)!.headline, snippet: hits.get(s.id)!.snippet } }));
    const more = new URLSearchParams(searchQueryString(read.params, page.next ? formatSearchCursor(page.next) : undefined));
    if (c.req.query('limit')) more.set('limit', String(limit));
    cacheAs(c, 'listing', searchCacheTags(read.request.filters.providerId, data.map((d) => d.id)));
    return c.json({ data, next: page.next ? `${deps.config.publicUrl}/api/v1/search?${more.toString()}` : null }, 200);
  };
}
