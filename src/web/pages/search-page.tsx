import type { Context } from 'hono';
import { formatSearchCursor } from '../../domain/search.js';
import type { AppDeps } from '../deps.js';
import { feedLinks } from '../feeds/feed-links.js';
import { searchCacheTags } from '../feeds/search-feed.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { sendHtml } from '../http-cache/send-html.js';
import { layoutBase } from '../page-context.js';
import { readSearch, searchParamsSchema, searchQueryString } from '../search/search-request.js';
import { Layout } from '../views/layout.js';
import { SearchForm, SearchResults } from '../views/search-results.js';
import { badRequest } from './bad-request-page.js';

/** Languages offered by the filter, named in English. */
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pt', 'ru', 'tr', 'zh'].map((tag) => ({ tag, name: names.of(tag) ?? tag })).sort((a, b) => a.name.localeCompare(b.name));

/** GET /search?q=…&category=&provider=&lang=&from=&to=&after= — ranked results, one per story. */
export function searchPage(deps: AppDeps) {
  return async (c: Context) => {
    const parsed = searchParamsSchema.safeParse(c.req.query());
    if (!parsed.success) return badRequest(deps, c, 'The search address is malformed.');
    const read = await readSearch(deps, parsed.data);
    if ('error' in read) return badRequest(deps, c, read.error);
    const [base, providers, page] = await Promise.all([layoutBase(deps), deps.store.providers.list(), deps.store.search.query(read.request)]);
    const asked = read.text !== '';
    const title = asked ? `Search: ${read.text}` : 'Search';
    const feedBase = `/feeds/search`;
    const feedQuery = searchQueryString({ ...read.params, after: undefined });
    // Kept like a listing page: a new story, or a change to one shown, drops it.
    cacheAs(c, 'listing', searchCacheTags(read.request.filters.providerId, page.hits.map((h) => h.article.id)));
    return sendHtml(
      c,
      <Layout
        {...base}
        title={title}
        description="Search the stories of every provider."
        feeds={asked ? feedLinks(feedBase, `Stories matching “${read.text}”`).map((f) => ({ ...f, href: `${f.href}?${feedQuery}` })) : []}
      >
        <h1>{asked ? <>Results for “{read.text}”</> : 'Search'}</h1>
        <SearchForm values={{ ...read.params, q: read.text }} categories={base.categories} providers={providers} languages={LANGUAGES} />
        {asked ? (
          <SearchResults hits={page.hits} emptyText={read.request.after ? 'No more results.' : 'No stories match your search. Try fewer or other words, or remove a filter.'} />
        ) : (
          <p class="empty search-empty">Type a word, a name or "a phrase" to search every story.</p>
        )}
        {page.next && (
          <nav class="pagination" aria-label="More results">
            <a rel="next" href={`/search?${searchQueryString(read.params, formatSearchCursor(page.next))}`}>
              More results →
            </a>
          </nav>
        )}
      </Layout>,
    );
  };
}
