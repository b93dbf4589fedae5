import { z } from '@hono/zod-openapi';
import { formatSearchQuery, parseSearchQuery } from '../../domain/parse-search-query.js';
import { parseSearchCursor, type SearchRequest } from '../../domain/search.js';
import type { AppDeps } from '../deps.js';
import { LANGUAGE_TAG } from '../feeds/feed-listing.js';

/** The query-string parameters of a search, shared by the page, its feeds and the API. */
export const searchParamsSchema = z.object({
  q: z.string().optional().default('').openapi({ description: 'What to look for: words (all must match), "a phrase", word* (beginning), -word (leave out). Only the first 512 characters count.' }),
  category: z.string().max(100).optional().openapi({ description: 'Only stories in this category (slug).' }),
  provider: z.string().max(100).optional().openapi({ description: 'Only this provider\'s versions of stories (slug).' }),
  lang: z.string().max(35).optional().openapi({ description: 'Only stories in this language (BCP 47, e.g. "en", "ar").' }),
  from: z.string().max(10).optional().openapi({ description: 'Only stories from this day on (YYYY-MM-DD, UTC).' }),
  to: z.string().max(10).optional().openapi({ description: 'Only stories up to and including this day (YYYY-MM-DD, UTC).' }),
  after: z.string().max(120).optional().openapi({ description: 'Where the page starts: take it from `next`, never build it.' }),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** A search to run, with the text it was asked as (for the box) and the filters as given. */
export interface ReadSearch {
  request: SearchRequest;
  /** The query as read back, for the search box. */
  text: string;
  params: SearchParams;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as ms since 1970 (UTC midnight), or undefined when it is no real day. */
function dayStart(text: string): number | undefined {
  const m = DAY.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/**
 * Checks a search's parameters and turns them into a store request, or says what is wrong
 * with them (for a 400). The query text itself is never wrong: whatever was typed is read
 * by parseSearchQuery. An unknown category or provider is an error to say, not an empty page.
 */
export async function readSearch(deps: AppDeps, params: SearchParams): Promise<ReadSearch | { error: string }> {
  const query = parseSearchQuery(params.q ?? '');
  const filters: SearchRequest['filters'] = {};
  if (params.category) {
    const category = await deps.store.categories.findBySlug(params.category);
    if (!category) return { error: `There is no category "${params.category}".` };
    filters.category = category.slug;
  }
  if (params.provider) {
    const provider = await deps.store.providers.findBySlug(params.provider);
    if (!provider) return { error: `There is no provider "${params.provider}".` };
    filters.providerId = provider.id;
  }
  if (params.lang) {
    if (!LANGUAGE_TAG.test(params.lang)) return { error: 'A language is a BCP 47 tag, such as "en" or "ar".' };
    filters.language = params.lang.toLowerCase();
  }
  for (const side of ['from', 'to'] as const) {
    const text = params[side];
    if (!text) continue;
    const start = dayStart(text);
    if (start === undefined) return { error: `"${side}" must be a day written YYYY-MM-DD.` };
    filters[side] = side === 'from' ? start : start + DAY_MS - 1;
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) return { error: '"from" is later than "to".' };
  const request: SearchRequest = { query, filters };
  if (params.after) {
    const after = parseSearchCursor(params.after);
    if (!after) return { error: 'The link to this page of results is malformed.' };
    request.after = after;
  }
  return { request, text: formatSearchQuery(query), params };
}

/** The search's own query string with `after` set (or dropped), for "more results" links. */
export function searchQueryString(params: SearchParams, after?: string): string {
  const out = new URLSearchParams();
  for (const key of ['q', 'category', 'provider', 'lang', 'from', 'to'] as const) {
    const value = params[key];
    if (value) out.set(key, value);
  }
  if (after) out.set('after', after);
  return out.toString();
}
