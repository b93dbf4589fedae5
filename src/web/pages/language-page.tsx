import type { Context } from 'hono';
import { formatCursor } from '../../domain/listing.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { loadFrontPage } from '../front/load-front-page.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { categoriesOf, layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { textDirection } from '../views/format.js';
import { FrontPageView } from '../views/front-page-view.js';
import { Layout, languageName } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

/** A BCP 47 tag as listings store it (lower case), or undefined when it is not one. */
export function languageTagOf(text: string): string | undefined {
  return /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i.test(text) ? text.toLowerCase() : undefined;
}

export const languagePath = (tag: string) => `/lang/${tag}`;

/**
 * GET /lang/:tag — a language's front page (Arabic readers get an Arabic front page):
 * lead, top stories and most popular in that language, laid out right to left where the
 * script runs so. `?before=`/`?after=` pages through its stories.
 */
export function languagePage(deps: AppDeps) {
  return async (c: Context) => {
    const tag = languageTagOf(c.req.param('tag') ?? '');
    if (!tag) return notFound(deps, c, 'There is no such language.');
    const scope = { kind: 'language', language: tag } as const;
    const path = languagePath(tag);
    const name = languageName(tag);
    const dir = textDirection(tag);
    const base = { ...(await layoutBase(deps)), feeds: feedLinks(feedBaseOf('lang', tag), `Stories in ${name}`), lang: tag, dir };
    if (c.req.query('before') !== undefined || c.req.query('after') !== undefined || c.req.query('page') !== undefined) {
      const request = await loadListing(deps, c, scope, path);
      if ('response' in request) return request.response;
      cacheAs(c, 'listing', [`scope:lang:${tag}`]);
      return c.html(
        <Layout {...base} title={`Stories in ${name}`} canonical={`${deps.config.publicUrl}${path}${request.canonicalQuery}`}>
          <div class="listing-page">
            <h1>{name}</h1>
            <ArticleList articles={request.page.items} emptyText="No stories." />
            <Pagination basePath={path} listing={request.page} />
          </div>
        </Layout>,
      );
    }
    const front = await loadFrontPage(deps, scope, await categoriesOf(deps));
    if (!front.lead) return notFound(deps, c, `There are no stories in ${name} yet.`);
    cacheAs(c, 'listing', [`scope:lang:${tag}`]);
    const older = (await deps.store.listings.page(scope)).older;
    return c.html(
      <Layout {...base} languages={front.languages} title={name} description={`Top stories, the most read and the latest news in ${name}.`} canonical={`${deps.config.publicUrl}${path}`}>
        <FrontPageView front={front} images={imagesOf(deps)} heading={name} moreHref={older ? `${path}?before=${formatCursor(older)}` : path} />
      </Layout>,
    );
  };
}
