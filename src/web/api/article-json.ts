import type { Context } from 'hono';
import type { ArticleWithProvider } from '../../domain/article.js';
import type { AppDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { articlePath } from '../views/format.js';

/** The public JSON of one published article, in the push format's field names. */
export function articleJson(article: ArticleWithProvider, publicUrl: string) {
  return {
    id: article.id,
    url: `${publicUrl}${articlePath(article)}`,
    guid: article.guid,
    source_url: article.sourceUrl,
    headline: article.headline,
    summary: article.summary,
    body_html: article.bodyHtml,
    byline: article.byline,
    dateline: article.dateline,
    language: article.language,
    published_at: article.publishedAt.toISOString(),
    updated_at: article.updatedAt.toISOString(),
    categories: article.categories,
    provider: { slug: article.provider.slug, name: article.provider.name, disclaimer: article.provider.disclaimer },
  };
}

/** GET /api/v1/articles/:id — one published article as JSON; 404 otherwise. */
export function getArticle(deps: AppDeps) {
  return async (c: Context) => {
    const idParam = c.req.param('id') ?? '';
    const article = /^\d{1,10}$/.test(idParam) ? await deps.store.articles.findById(Number(idParam)) : undefined;
    if (!article || article.status !== 'published') return apiError(c, 404, 'NOT_FOUND', 'There is no such published article.');
    cacheAs(c, 'article', [`article:${article.id}`]);
    return c.json(articleJson(article, deps.config.publicUrl));
  };
}
