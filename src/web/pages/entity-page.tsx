import type { Context } from 'hono';
import type { EntityType } from '../../domain/entity.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { loadListing } from '../listing-request.js';
import { layoutBase } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { articlePath } from '../views/format.js';
import { Time } from '../views/site-time.js';
import { feedBaseOf, feedLinks } from '../feeds/feed-links.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

const typeLabel: Record<EntityType, string> = { person: 'Person', organisation: 'Organisation', place: 'Place' };
const QUOTES_ON_FIRST_PAGE = 10;

/**
 * GET /entity/:slug — a person, organisation or place: the stories that mention it, newest
 * first and paged by cursor, and on the first page what they said most recently.
 */
export function entityPage(deps: AppDeps) {
  return async (c: Context) => {
    const entity = await deps.store.entities.findBySlug(c.req.param('slug') ?? '');
    if (!entity) return notFound(deps, c, 'There is no such person, organisation or place.');
    const path = `/entity/${entity.slug}`;
    const request = await loadListing(deps, c, { kind: 'entity', entityId: entity.id }, path);
    if ('response' in request) return request.response;
    const firstPage = request.canonicalQuery === '';
    const quotes = firstPage ? await deps.store.entities.quotesBy(entity.id, QUOTES_ON_FIRST_PAGE) : [];
    cacheAs(c, 'listing', [`scope:entity:${entity.id}`]);
    return c.html(
      <Layout {...await layoutBase(deps)} feeds={feedLinks(feedBaseOf('entity', entity.slug), entity.name)} title={entity.name} description={`Stories about ${entity.name}.`} canonical={`${deps.config.publicUrl}${path}${request.canonicalQuery}`}>
        <div class="listing-page">
        <h1>{entity.name}</h1>
        <p class="entity-type">{typeLabel[entity.type]}</p>
        {quotes.length > 0 && (
          <section class="entity-quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">Quotes</h2>
            <ul class="quote-list">
              {quotes.map((q) => (
                <li>
                  <blockquote>
                    <p>“{q.text}”</p>
                  </blockquote>
                  <p class="meta">
                    <a href={articlePath({ id: q.articleId, slug: q.articleSlug })}>{q.articleHeadline}</a> ·{' '}
                    <Time date={q.publishedAt} relative />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="stories-heading">
          <h2 id="stories-heading">Stories</h2>
          <ArticleList images={imagesOf(deps)} headingLevel={3} articles={request.page.items} emptyText={`No published stories mention ${entity.name} yet.`} />
        </section>
        <Pagination basePath={path} listing={request.page} />
        </div>
      </Layout>,
    );
  };
}
