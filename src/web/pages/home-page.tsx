import type { Context } from 'hono';
import type { ListingScope } from '../../domain/listing.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { loadFrontPage } from '../front/load-front-page.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { categoriesOf, layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { FrontPageView } from '../views/front-page-view.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { languagePath, languageTagOf } from './language-page.js';

/**
 * GET / — the front page: lead and top stories, most popular, a block per section, the
 * latest by provider. `?before=`/`?after=` pages through the latest stories as a plain
 * list (each such page is its own canonical URL); `?lang=ar` moves to /lang/ar.
 */
export function homePage(deps: AppDeps) {
  return async (c: Context) => {
    const lang = c.req.query('lang');
    if (lang !== undefined) {
      const tag = languageTagOf(lang);
      return tag ? c.redirect(languagePath(tag), 301) : c.redirect('/', 302);
    }
    if (c.req.query('before') !== undefined || c.req.query('after') !== undefined || c.req.query('page') !== undefined) return latestList(deps, c, '/');
    const scope: ListingScope = { kind: 'latest' };
    const front = await loadFrontPage(deps, scope, await categoriesOf(deps));
    cacheAs(c, 'listing', ['scope:latest', ...front.sections.map((s) => `scope:category:${s.category.slug}`)]);
    const description = `Top stories, the most read and the latest news from ${deps.config.siteName}'s providers, by section.`;
    return c.html(
      <Layout
        {...await layoutBase(deps)}
        feeds={feedLinks(feedBaseOf('latest'), 'Latest stories')}
        languages={front.languages}
        title={deps.config.siteName}
        description={description}
        canonical={`${deps.config.publicUrl}/`}
        meta={{ type: 'website', jsonLd: websiteJsonLd(deps) }}
      >
        <FrontPageView front={front} images={imagesOf(deps)} heading={`${deps.config.siteName}: top stories`} moreHref="/latest" />
      </Layout>,
    );
  };
}

/** GET /latest — every story, newest first, twenty a page. */
export function latestPage(deps: AppDeps) {
  return (c: Context) => latestList(deps, c, '/latest');
}

async function latestList(deps: AppDeps, c: Context, basePath: string) {
  const request = await loadListing(deps, c, { kind: 'latest' }, basePath);
  if ('response' in request) return request.response;
  cacheAs(c, 'listing', ['scope:latest']);
  return c.html(
    <Layout {...await layoutBase(deps)} feeds={feedLinks(feedBaseOf('latest'), 'Latest stories')} title="Latest stories" description="The latest stories from our providers, newest first." canonical={`${deps.config.publicUrl}${basePath}${request.canonicalQuery}`}>
      <div class="listing-page">
        <h1>Latest stories</h1>
        <ArticleList articles={request.page.items} emptyText="No stories have been published yet." />
        <Pagination basePath={basePath} listing={request.page} />
      </div>
    </Layout>,
  );
}

/** schema.org WebSite of the front page. */
function websiteJsonLd(deps: AppDeps): object {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: deps.config.siteName, url: `${deps.config.publicUrl}/` };
}
