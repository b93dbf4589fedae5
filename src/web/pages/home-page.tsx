import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { isPastTheEnd, layoutBase, pageNumber } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

/** GET / — the latest stories, newest first. */
export function homePage(deps: AppDeps) {
  return async (c: Context) => {
    const page = pageNumber(c);
    const latest = await deps.store.articles.list({ page });
    if (isPastTheEnd(latest)) return notFound(deps, c, 'This listing has fewer pages.');
    return c.html(
      <Layout {...await layoutBase(deps)} title={deps.config.siteName} description="The latest stories from our providers." canonical={`${deps.config.publicUrl}/`}>
        <section aria-labelledby="latest-heading">
          <h1 id="latest-heading">Latest stories</h1>
          <ArticleList articles={latest.items} emptyText="No stories have been published yet." />
          <Pagination basePath="/" page={latest.page} pageSize={latest.pageSize} total={latest.total} />
        </section>
      </Layout>,
    );
  };
}
