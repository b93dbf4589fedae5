import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { formatCursor, parseCursor, scopeKey, type ListingCursor, type ListingPosition, type ListingScope } from '../../domain/listing.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from './api-env.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { articleListSchema, errorSchema, listQuerySchema, ninjsListSchema } from './api-schemas.js';
import { summarize } from './article-summaries.js';
import { listMatchingArticles } from './list-matching-articles.js';
import { NINJS_MEDIA_TYPE, ninjsItem, wantsNinjs } from './response-format.js';

/** GET /api/v1/articles, as the OpenAPI document describes it. */
export const listArticlesRoute = createRoute({
  method: 'get',
  path: '/articles',
  tags: ['Articles'],
  summary: 'List published articles, newest first',
  description:
    'One story appears once (under its first version). Filter by at most one of `provider`, `category`, `entity` and `lang`, plus a time window; follow `next` for older articles. Pages are read by key, so a page costs the same at any depth, and articles arriving meanwhile never shift a page already read. With `q`, only stories matching that search, best match first, and `provider`, `category` and `lang` may be combined.',
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page of articles (`application/json`), or of ninjs items (`application/ninjs+json`) when asked for.',
      content: { 'application/json': { schema: articleListSchema }, [NINJS_MEDIA_TYPE]: { schema: ninjsListSchema } },
    },
    400: { description: 'A bad filter, cursor or limit.', content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'The provider, category or entity does not exist.', content: { 'application/json': { schema: errorSchema } } },
    429: { description: 'Too many requests from this client; see `Retry-After`.', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** The handler of GET /api/v1/articles. */
export function listArticles(deps: AppDeps): RouteHandler<typeof listArticlesRoute, ApiEnv> {
  return async (c) => {
    const query = c.req.valid('query');
    if (query.q !== undefined) return listMatchingArticles(deps, c, { ...query, q: query.q }) as never;
    const scoped = (['provider', 'category', 'entity', 'lang'] as const).filter((k) => query[k] !== undefined);
    if (scoped.length > 1) {
      return apiError(c, 400, 'FILTER_CONFLICT', `Filter by one of provider, category, entity and lang at a time, not ${scoped.join(' and ')}.`);
    }
    const scope = await scopeOf(deps, query);
    if (typeof scope === 'string') return apiError(c, 404, 'NOT_FOUND', scope);

    const position: ListingPosition = {};
    let cursor: ListingCursor | undefined;
    if (query.cursor !== undefined) {
      cursor = parseCursor(query.cursor);
      if (!cursor) return apiError(c, 400, 'INVALID_CURSOR', 'The cursor is malformed; use the `next` link of a previous page as it is.');
      position.before = cursor;
    }
    if (query.until !== undefined) {
      // Listed at or before `until`: the same range, bounded above by whichever is earlier.
      const bound = { sortAt: Date.parse(query.until) + 1, articleId: 0 };
      if (!position.before || bound.sortAt < position.before.sortAt) position.before = bound;
    }
    if (query.since !== undefined) position.since = Date.parse(query.since);
    if (position.since !== undefined && query.until !== undefined && position.since > Date.parse(query.until)) {
      return apiError(c, 400, 'VALIDATION_FAILED', '`since` is later than `until`.');
    }

    const page = await deps.store.listings.page(scope, position, query.limit);
    const data = await summarize(deps, page.items);
    const next = page.older ? nextUrl(deps.config.publicUrl, c.req.url, page.older) : null;
    cacheAs(c, 'listing', [`scope:${scopeKey(scope)}`]);
    if (wantsNinjs(c, query.format)) {
      // ninjs is documented as its own media type; the route's typed JSON answer is Gazette's.
      return c.body(JSON.stringify({ data: data.map((a) => ninjsItem(deps, a)), next }), 200, { 'Content-Type': `${NINJS_MEDIA_TYPE}; charset=utf-8` }) as never;
    }
    return c.json({ data, next }, 200);
  };
}

/** The listing a query's filter names, or why there is none. */
async function scopeOf(deps: AppDeps, query: { provider?: string; category?: string; entity?: string; lang?: string }): Promise<ListingScope | string> {
  if (query.provider !== undefined) {
    const provider = await deps.store.providers.findBySlug(query.provider);
    return provider ? { kind: 'provider', providerId: provider.id } : `There is no provider "${query.provider}".`;
  }
  if (query.category !== undefined) {
    const category = await deps.store.categories.findBySlug(query.category);
    return category ? { kind: 'category', slug: category.slug } : `There is no category "${query.category}".`;
  }
  if (query.entity !== undefined) {
    const entity = await deps.store.entities.findBySlug(query.entity);
    return entity ? { kind: 'entity', entityId: entity.id } : `There is no entity "${query.entity}".`;
  }
  if (query.lang !== undefined) return { kind: 'language', language: query.lang.toLowerCase() };
  return { kind: 'latest' };
}

/** The request's own URL on the public host, with the cursor moved to `older`. */
function nextUrl(publicUrl: string, requestUrl: string, older: ListingCursor): string {
  const url = new URL(requestUrl);
  url.searchParams.set('cursor', formatCursor(older));
  return `${publicUrl}${url.pathname}?${url.searchParams.toString()}`;
}
