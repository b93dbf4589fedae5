import type { Context } from 'hono';
import type { EntityType } from '../../domain/entity.js';
import type { AppDeps } from '../deps.js';
import { layoutBase, pageNumber } from '../page-context.js';
import { ArticleList } from '../views/article-list.js';
import { articlePath, formatDateTime } from '../views/format.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { notFound } from './not-found-page.js';

const typeLabel: Record<EntityType, string> = { person: 'Person', organisation: 'Organisation', place: 'Place' };
const QUOTES_PER_PAGE = 10;

/**
 * GET /entity/:slug — a person, organisation or place: the stories that mention it and,
 * for speakers, what they said, newest first. `?page=` pages both lists together.
 */
export function entityPage(deps: AppDeps) {
  return async (c: Context) => {
    const entity = await deps.store.entities.findBySlug(c.req.param('slug') ?? '');
    if (!entity) return notFound(deps, c, 'There is no such person, organisation or place.');
    const page = pageNumber(c);
    const [listing, quotes] = await Promise.all([
      deps.store.articles.list({ entitySlug: entity.slug, page }),
      deps.store.entities.quotesBy(entity.id, { page, pageSize: QUOTES_PER_PAGE }),
    ]);
    const path = `/entity/${entity.slug}`;
    const pages = Math.max(Math.ceil(listing.total / listing.pageSize), Math.ceil(quotes.total / QUOTES_PER_PAGE));
    if (page > 1 && page > pages) return notFound(deps, c, 'This listing has fewer pages.');
    return c.html(
      <Layout {...await layoutBase(deps)} title={entity.name} description={`Stories about ${entity.name}.`} canonical={`${deps.config.publicUrl}${path}`}>
        <h1>{entity.name}</h1>
        <p class="entity-type">{typeLabel[entity.type]}</p>
        {quotes.items.length > 0 && (
          <section class="entity-quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">Quotes</h2>
            <ul class="quote-list">
              {quotes.items.map((q) => (
                <li>
                  <blockquote>
                    <p>“{q.text}”</p>
                  </blockquote>
                  <p class="meta">
                    <a href={articlePath({ id: q.articleId, slug: q.articleSlug })}>{q.articleHeadline}</a> ·{' '}
                    <time datetime={q.publishedAt.toISOString()}>{formatDateTime(q.publishedAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="stories-heading">
          <h2 id="stories-heading">Stories</h2>
          <ArticleList headingLevel={3} articles={listing.items} emptyText={`No published stories mention ${entity.name} on this page.`} />
        </section>
        <Pagination basePath={path} page={page} pageSize={1} total={pages} />
      </Layout>,
    );
  };
}
