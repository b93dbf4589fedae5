import type { Context } from 'hono';
import { formatSearchCursor } from '../../domain/search.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { searchCacheTags } from '../feeds/search-feed.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { readSearch } from '../search/search-request.js';
import { summarize } from './article-summaries.js';
import { NINJS_MEDIA_TYPE, ninjsItem, wantsNinjs } from './response-format.js';

/** The list query when it carries `q`, as GET /api/v1/articles reads it. */
export interface MatchingQuery {
  q: string;
  provider?: string;
  category?: string;
  entity?: string;
  lang?: string;
  since?: string;
  until?: string;
  cursor?: string;
  limit: number;
  format?: 'gazette' | 'ninjs';
}

/**
 * GET /api/v1/articles?q=… — the list filtered by a full-text search: the search index's
 * query (best match first, one result per story), with the list's filters and its article
 * shape, so a partner pages it like any list. `since`/`until` bound the search's time range.
 */
export async function listMatchingArticles(deps: AppDeps, c: Context, query: MatchingQuery) {
  if (query.entity !== undefined) return apiError(c, 400, 'FILTER_CONFLICT', 'A search (`q`) cannot be narrowed to an entity; use `entity` without `q`, or /api/v1/search.');
  const read = await readSearch(deps, { q: query.q, provider: query.provider, category: query.category, lang: query.lang, after: query.cursor });
  if ('error' in read) {
    // As the list without `q` answers: an unknown provider or category is a 404, a bad cursor its own code.
    if (/^There is no/.test(read.error)) return apiError(c, 404, 'NOT_FOUND', read.error);
    if (query.cursor !== undefined && /malformed/.test(read.error)) return apiError(c, 400, 'INVALID_CURSOR', 'The cursor is malformed; use the `next` link of a previous page as it is.');
    return apiError(c, 400, 'VALIDATION_FAILED', read.error);
  }
  if (query.since !== undefined) read.request.filters.from = Date.parse(query.since);
  if (query.until !== undefined) read.request.filters.to = Date.parse(query.until);
  if (read.request.filters.from !== undefined && read.request.filters.to !== undefined && read.request.filters.from > read.request.filters.to) {
    return apiError(c, 400, 'VALIDATION_FAILED', '`since` is later than `until`.');
  }
  const page = await deps.store.search.query({ ...read.request, limit: query.limit });
  const data = await summarize(deps, page.hits.map((h) => h.article));
  let next: string | null = null;
  if (page.next) {
    const url = new URL(c.req.url);
    url.searchParams.set('cursor', formatSearchCursor(page.next));
    next = `${deps.config.publicUrl}${url.pathname}?${url.searchParams.toString()}`;
  }
  cacheAs(c, 'listing', searchCacheTags(read.request.filters.providerId, data.map((d) => d.id)));
  if (wantsNinjs(c, query.format)) {
    return c.body(JSON.stringify({ data: data.map((a) => ninjsItem(deps, a)), next }), 200, { 'Content-Type': `${NINJS_MEDIA_TYPE}; charset=utf-8` });
  }
  return c.json({ data, next }, 200);
}
