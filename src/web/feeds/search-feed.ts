import type { Context } from 'hono';
import { buildFeedDocument } from '../../publish/feed-document.js';
import { renderAtom } from '../../publish/atom.js';
import { renderJsonFeed } from '../../publish/json-feed.js';
import { renderRss } from '../../publish/rss.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { publishedImage } from '../images/published-image.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { readSearch, searchParamsSchema, searchQueryString } from '../search/search-request.js';
import { feedFormats, type FeedFormatName } from './feed-links.js';
import { FEED_SIZE } from './listing-feed.js';

const renderers: Record<FeedFormatName, typeof renderRss> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/**
 * The cache tags of a search's answer: any new or removed story head (scope:latest), the
 * filtered provider's listing, and each article shown (a correction or takedown).
 */
export function searchCacheTags(providerId: number | undefined, articleIds: readonly number[]): string[] {
  return ['scope:latest', ...(providerId === undefined ? [] : [`scope:provider:${providerId}`]), ...articleIds.map((id) => `article:${id}`)];
}

/**
 * GET /feeds/search.<rss|atom|json>?q=…[&category=&provider=&lang=&from=&to=] — the best
 * matches of a search as a feed, with the filters of the search page: the same store query
 * as the page, then one read of the bodies by primary key.
 */
export function searchFeed(deps: AppDeps, format: FeedFormatName) {
  return async (c: Context) => {
    const parsed = searchParamsSchema.safeParse(c.req.query());
    if (!parsed.success) return apiError(c, 400, 'VALIDATION_FAILED', 'The search parameters are malformed.');
    const read = await readSearch(deps, { ...parsed.data, after: undefined });
    if ('error' in read) return apiError(c, 400, 'VALIDATION_FAILED', read.error);
    if (read.text === '') return apiError(c, 400, 'VALIDATION_FAILED', 'A search feed needs something to look for: add ?q=… to the address.');
    const page = await deps.store.search.query({ ...read.request, limit: FEED_SIZE });
    const items = page.hits.map((h) => h.article);
    const details = await deps.store.listings.details(items.map((i) => i.id));
    const base = deps.config.publicUrl;
    const query = searchQueryString(read.params);
    const self = (f: FeedFormatName) => `${base}/feeds/search.${f}?${query}`;
    const document = buildFeedDocument(
      base,
      {
        title: `${deps.config.siteName}: stories matching “${read.text}”`,
        description: `The stories that best match the search “${read.text}”.`,
        homePageUrl: `${base}/search?${query}`,
        selfUrls: { rss: self('rss'), atom: self('atom'), json: self('json') },
        ...(read.request.filters.language && { language: read.request.filters.language }),
      },
      items,
      details,
      (image) => publishedImage(image, imagesOf(deps), base),
    );
    cacheAs(c, 'listing', searchCacheTags(read.request.filters.providerId, items.map((i) => i.id)));
    return c.body(renderers[format](document), 200, { 'Content-Type': `${feedFormats[format].type}; charset=utf-8` });
  };
}
