import type { Context } from 'hono';
import { shownImage } from '../../domain/lead-image.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { loadPopular } from '../front/load-popular.js';
import { loadRelated } from '../front/load-related.js';
import { proxyBodyImages } from '../images/proxy-body-images.js';
import { LeadFigure } from '../views/lead-figure.js';
import { ArticleDiscussion } from '../comments/article-discussion.js';
import { cacheAs } from '../http-cache/cache-as.js';
import { categoriesOf, layoutBase } from '../page-context.js';
import { articleJsonLd } from '../views/article-json-ld.js';
import { articlePath, textDirection } from '../views/format.js';
import { AgencyRights } from '../views/agency-rights.js';
import { Layout } from '../views/layout.js';
import { PopularRail } from '../views/popular-rail.js';
import { ProviderLogoImage } from '../views/provider-logo.js';
import { SafeBody } from '../views/safe-body.js';
import { ShareLinks } from '../views/share-links.js';
import { Time } from '../views/site-time.js';
import { loadStoryLinks, StoryLinks } from '../views/story-links.js';
import { Teaser } from '../views/teaser.js';
import { gonePage } from './gone-page.js';
import { notFound } from './not-found-page.js';

/**
 * GET /article/:id/:slug — one story: headline, provider and dateline, time, body, share
 * links, "also reported by", the provider's disclaimer; beside it related stories and the
 * most popular of its section. A wrong or missing slug (an old one, after the headline
 * was corrected) answers 301 to the canonical URL; a story taken down is a 410, an unknown
 * id or an unpublished story a 404.
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
    const section = ownCategories[0];
    const dir = textDirection(article.language);
    const images = imagesOf(deps);
    const [links, membership] = await Promise.all([loadStoryLinks(deps.store, article.id), deps.store.clusters.membershipOf(article.id)]);
    const storyId = membership?.clusterId ?? article.id;
    const sortAt = Math.min(article.publishedAt.getTime(), article.ingestedAt.getTime());
    const [related, popular] = await Promise.all([
      loadRelated(deps.store, { storyId, sortAt, category: section?.slug }, links.entities),
      loadPopular(deps.store, section ? { kind: 'category', slug: section.slug } : { kind: 'latest' }, Date.now(), 5, storyId),
    ]);
    // "Also reported by" names other providers: the story's own provider is already its byline.
    const otherVersions = links.otherVersions.filter((v) => v.provider.slug !== article.provider.slug);
    // "Also reported by" follows the story: any change to a version of it makes this page stale.
    cacheAs(c, 'article', [`article:${article.id}`, `story:${storyId}`]);
    const url = `${deps.config.publicUrl}${canonicalPath}`;
    // Link previews and JSON-LD take the measured lead picture, large, through the image endpoint.
    const lead = images ? shownImage(article.leadImage) : null;
    const preview = lead && images ? { url: `${deps.config.publicUrl}${images.responsive(lead.url, lead.width, 1200).src}`, alt: lead.alt ?? article.headline } : undefined;
    return c.html(
      <Layout
        {...await layoutBase(deps)}
        title={article.headline}
        description={article.summary}
        canonical={url}
        meta={{
          type: 'article',
          image: preview,
          article: { publishedTime: article.publishedAt, modifiedTime: article.updatedAt, section: section?.name, author: article.provider.name },
          jsonLd: articleJsonLd(article, { url, siteName: deps.config.siteName, publicUrl: deps.config.publicUrl, section: section?.name, image: preview?.url }),
        }}
      >
        <div class="article-layout">
          <div class="article-main">
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
                {article.summary && <p class="standfirst">{article.summary}</p>}
                <p class="meta">
                  <span class="provider">
                    By <a href={`/provider/${article.provider.slug}`}>{article.provider.name}</a>
                  </span>
                  {article.byline && <span class="byline"> · {article.byline}</span>} · <Time date={article.publishedAt} />
                  {article.updatedAt.getTime() > article.publishedAt.getTime() + 60_000 && (
                    <>
                      {' '}
                      · Updated <Time date={article.updatedAt} />
                    </>
                  )}
                </p>
              </header>
              {images && <LeadFigure image={article.leadImage} urls={images} />}
              {article.dateline && <p class="dateline">{article.dateline}</p>}
              <SafeBody class="story-body" html={images ? proxyBodyImages(article.bodyHtml, images) : article.bodyHtml} />
              {article.sourceUrl && (
                <p class="source">
                  Original: <a href={article.sourceUrl} rel="nofollow noopener">{new URL(article.sourceUrl).hostname}</a>
                </p>
              )}
              <ShareLinks url={url} title={article.headline} />
              <StoryLinks {...links} otherVersions={otherVersions} />
            </article>
            <aside class="disclaimer" aria-labelledby="disclaimer-heading">
              <h2 id="disclaimer-heading">Legal disclaimer</h2>
              <p class="disclaimer-provider">
                <ProviderLogoImage logo={article.provider.logo} urls={images} />
                <span>
                  Provided by <a href={`/provider/${article.provider.slug}`}>{article.provider.name}</a>
                </span>
              </p>
              <p>
                {article.provider.disclaimer ||
                  `${article.provider.name} provides this story as is. Questions about it go to the provider.`}
              </p>
              <AgencyRights notice={article.copyrightNotice} terms={article.usageTerms} />
            </aside>
            <ArticleDiscussion deps={deps} article={article} query={c.req.query()} />
          </div>
          {(related.length > 0 || popular.day.length + popular.week.length > 0) && (
            <aside class="article-rail" aria-label="More stories">
              {related.length > 0 && (
                <section class="rail-block related" aria-labelledby="related-heading">
                  <h2 id="related-heading" class="quiet-heading">
                    Related stories
                  </h2>
                  <ul class="block-list">
                    {related.map((s) => (
                      <li>
                        <Teaser story={s} size="headline" level={3} />
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <PopularRail popular={popular} title={section ? `Most popular in ${section.name}` : 'Most popular'} />
            </aside>
          )}
        </div>
      </Layout>,
    );
  };
}
