import type { Context } from 'hono';
import { imagesOf, type AppDeps } from '../deps.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { ProviderLogoImage } from '../views/provider-logo.js';
import { notFound } from './not-found-page.js';

/** GET /provider/:slug — a provider's stories, newest first, with who they are. */
export function providerPage(deps: AppDeps) {
  return async (c: Context) => {
    const provider = await deps.store.providers.findBySlug(c.req.param('slug') ?? '');
    if (!provider) return notFound(deps, c, 'There is no such provider.');
    const path = `/provider/${provider.slug}`;
    const request = await loadListing(deps, c, { kind: 'provider', providerId: provider.id }, path);
    if ('response' in request) return request.response;
    cacheAs(c, 'listing', [`scope:provider:${provider.id}`]);
    return c.html(
      <Layout {...await layoutBase(deps)} feeds={feedLinks(feedBaseOf('provider', provider.slug), provider.name)} title={provider.name} description={`Stories from ${provider.name}.`} canonical={`${deps.config.publicUrl}${path}${request.canonicalQuery}`}>
        <div class="listing-page">
        <header class="provider-head">
          <ProviderLogoImage logo={provider.logo} urls={imagesOf(deps)} />
          <h1>{provider.name}</h1>
        </header>
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
        <ArticleList images={imagesOf(deps)} articles={request.page.items} emptyText={`${provider.name} has no published stories yet.`} />
        <Pagination basePath={path} listing={request.page} />
        {provider.disclaimer && (
          <aside class="disclaimer" aria-labelledby="disclaimer-heading">
            <h2 id="disclaimer-heading">Legal disclaimer</h2>
            <p>{provider.disclaimer}</p>
          </aside>
        )}
        </div>
      </Layout>,
    );
  };
}
