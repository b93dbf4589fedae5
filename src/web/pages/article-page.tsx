import type { Context } from 'hono';
import { ArticleDiscussion } from '../comments/article-discussion.js';
import type { AppDeps } from '../deps.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { categoriesOf, layoutBase } from '../page-context.js';
import { articlePath, formatDateTime, textDirection } from '../views/format.js';
import { Layout } from '../views/layout.js';
import { SafeBody } from '../views/safe-body.js';
import { loadStoryLinks, StoryLinks } from '../views/story-links.js';
import { gonePage } from './gone-page.js';
import { notFound } from './not-found-page.js';

/**
 * GET /article/:id/:slug — one story: headline, provider and dateline, time, body, the
 * provider's disclaimer, and its comments. A wrong or missing slug redirects to the
 * canonical URL; a story taken down is a 410, an unknown id or an unpublished story a 404.
 */
export function articlePage(deps: AppDeps) {
  return async (c: Context) => {
    const idParam = c.req.param('id') ?? '';
    const article = /^\d{1,10}$/.test(idParam) ? await deps.store.articles.findById(Number(idParam)) : undefined;
    if (article?.status === 'taken_down') return gonePage(deps, c);
    if (!article || article.status !== 'published') return notFound(deps, c, 'There is no such story, or it is no longer published.');
    const canonicalPath = articlePath(article);
    // Compare the decoded slug: a non-Latin headline's slug is percent-encoded in the URL.
    if (c.req.param('slug') !== article.slug) return c.redirect(canonicalPath, 301);

    const categories = await categoriesOf(deps);
    const ownCategories = article.categories
      .map((slug) => categories.find((cat) => cat.slug === slug))
      .filter((cat) => cat !== undefined);
    const dir = textDirection(article.language);
    const [links, membership] = await Promise.all([loadStoryLinks(deps.store, article.id), deps.store.clusters.membershipOf(article.id)]);
    // "Also reported by" follows the story: any change to a version of it makes this page stale.
    cacheAs(c, 'article', [`article:${article.id}`, `story:${membership?.clusterId ?? article.id}`]);
    return c.html(
      <Layout
        {...await layoutBase(deps)}
        title={article.headline}
        description={article.summary}
        canonical={`${deps.config.publicUrl}${canonicalPath}`}
      >
        <article class="story" lang={article.language} dir={dir}>
          <header>
            {ownCategories.length > 0 && (
              <p class="kicker">
                {ownCategories.map((cat, i) => (
                  <>
                    {i > 0 && ' · '}
                    <a href={`/category/${cat.slug}`}>{cat.name}</a>
                  </>
                ))}
              </p>
            )}
            <h1>{article.headline}</h1>
            <p class="meta">
              <span class="provider">
                By <a href={`/provider/${article.provider.slug}`}>{article.provider.name}</a>
              </span>
              {article.byline && <span class="byline"> · {article.byline}</span>} ·{' '}
              <time datetime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
              {article.updatedAt.getTime() > article.publishedAt.getTime() + 60_000 && (
                <>
                  {' '}
                  · Updated <time datetime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt)}</time>
                </>
              )}
            </p>
          </header>
          {article.dateline && <p class="dateline">{article.dateline}</p>}
          <SafeBody class="story-body" html={article.bodyHtml} />
          {article.sourceUrl && (
            <p class="source">
              Original: <a href={article.sourceUrl} rel="nofollow noopener">{new URL(article.sourceUrl).hostname}</a>
            </p>
          )}
          <StoryLinks {...links} />
        </article>
        <aside class="disclaimer" aria-labelledby="disclaimer-heading">
          <h2 id="disclaimer-heading">Legal disclaimer</h2>
          <p>
            {article.provider.disclaimer ||
              `${article.provider.name} provides this story as is. Questions about it go to the provider.`}
          </p>
        </aside>
        <ArticleDiscussion deps={deps} article={article} query={c.req.query()} />
      </Layout>,
    );
  };
}
