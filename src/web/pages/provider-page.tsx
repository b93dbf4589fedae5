import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { isPastTheEnd, layoutBase, pageNumber } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

/** GET /provider/:slug — a provider's stories, newest first, with who they are. */
export function providerPage(deps: AppDeps) {
  return async (c: Context) => {
    const provider = await deps.store.providers.findBySlug(c.req.param('slug') ?? '');
    if (!provider) return notFound(deps, c, 'There is no such provider.');
    const page = pageNumber(c);
    const listing = await deps.store.articles.list({ providerId: provider.id, page });
    if (isPastTheEnd(listing)) return notFound(deps, c, 'This listing has fewer pages.');
    const path = `/provider/${provider.slug}`;
    return c.html(
      <Layout {...await layoutBase(deps)} title={provider.name} description={`Stories from ${provider.name}.`} canonical={`${deps.config.publicUrl}${path}`}>
        <h1>{provider.name}</h1>
        <p class="provider-about">
          Stories delivered by {provider.name}.
          {provider.homepage && (
            <>
              {' '}
              <a href={provider.homepage} rel="nofollow noopener">
                Provider's website
              </a>
            </>
          )}
        </p>
        <ArticleList articles={listing.items} emptyText={`${provider.name} has no published stories yet.`} />
        <Pagination basePath={path} page={listing.page} pageSize={listing.pageSize} total={listing.total} />
      </Layout>,
    );
  };
}
