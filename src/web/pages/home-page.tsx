import type { Context } from 'hono';
import { imagesOf, type AppDeps } from '../deps.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';

/** GET / — the latest stories, newest first, each story once. */
export function homePage(deps: AppDeps) {
  return async (c: Context) => {
    const request = await loadListing(deps, c, { kind: 'latest' }, '/');
    if ('response' in request) return request.response;
    cacheAs(c, 'listing', ['scope:latest']);
    return c.html(
      <Layout {...await layoutBase(deps)} feeds={feedLinks(feedBaseOf('latest'), 'Latest stories')} title={deps.config.siteName} description="The latest stories from our providers." canonical={`${deps.config.publicUrl}/${request.canonicalQuery}`}>
        <section aria-labelledby="latest-heading">
          <h1 id="latest-heading">Latest stories</h1>
          <ArticleList images={imagesOf(deps)} articles={request.page.items} emptyText="No stories have been published yet." />
          <Pagination basePath="/" listing={request.page} />
        </section>
      </Layout>,
    );
  };
}
