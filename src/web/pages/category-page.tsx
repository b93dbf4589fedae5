import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { isPastTheEnd, layoutBase, pageNumber } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

/** GET /category/:slug — a category's stories, newest first. */
export function categoryPage(deps: AppDeps) {
  return async (c: Context) => {
    const category = await deps.store.categories.findBySlug(c.req.param('slug') ?? '');
    if (!category) return notFound(deps, c, 'There is no such category.');
    const page = pageNumber(c);
    const listing = await deps.store.articles.list({ categorySlug: category.slug, page });
    if (isPastTheEnd(listing)) return notFound(deps, c, 'This listing has fewer pages.');
    const path = `/category/${category.slug}`;
    return c.html(
      <Layout {...await layoutBase(deps)} title={category.name} description={`Latest ${category.name} stories.`} canonical={`${deps.config.publicUrl}${path}`}>
        <h1>{category.name}</h1>
        <ArticleList articles={listing.items} emptyText={`No ${category.name} stories yet.`} />
        <Pagination basePath={path} page={listing.page} pageSize={listing.pageSize} total={listing.total} />
      </Layout>,
    );
  };
}
