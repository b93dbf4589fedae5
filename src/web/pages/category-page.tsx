import type { Context } from 'hono';
import { imagesOf, type AppDeps } from '../deps.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { PopularRail } from '../views/popular-rail.js';
import { loadPopular } from '../front/load-popular.js';
import { notFound } from './not-found-page.js';

/** GET /category/:slug — a category's stories, newest first. */
export function categoryPage(deps: AppDeps) {
  return async (c: Context) => {
    const category = await deps.store.categories.findBySlug(c.req.param('slug') ?? '');
    if (!category) return notFound(deps, c, 'There is no such category.');
    const path = `/category/${category.slug}`;
    const request = await loadListing(deps, c, { kind: 'category', slug: category.slug }, path);
    if ('response' in request) return request.response;
    const popular = await loadPopular(deps.store, { kind: 'category', slug: category.slug }, Date.now());
    cacheAs(c, 'listing', [`scope:category:${category.slug}`]);
    return c.html(
      <Layout {...await layoutBase(deps)} feeds={feedLinks(feedBaseOf('category', category.slug), category.name)} title={category.name} description={`Latest ${category.name} stories.`} canonical={`${deps.config.publicUrl}${path}${request.canonicalQuery}`}>
        <div class="with-rail">
          <div>
            <h1>{category.name}</h1>
            <ArticleList images={imagesOf(deps)} articles={request.page.items} emptyText={`No ${category.name} stories yet.`} />
            <Pagination basePath={path} listing={request.page} />
          </div>
          <aside class="listing-rail" aria-label="Most read">
            <PopularRail popular={popular} title={`Most popular in ${category.name}`} />
          </aside>
        </div>
      </Layout>,
    );
  };
}
