import type { ArticleWithProvider } from '../../domain/article.js';

/**
 * schema.org NewsArticle of a story (https://schema.org/NewsArticle): the provider is its
 * publisher and, unless a byline names a person, its author; every story is free to read.
 */
export function articleJsonLd(
  article: ArticleWithProvider,
  site: { url: string; siteName: string; publicUrl: string; section?: string; image?: string },
): object {
  const provider = { '@type': 'Organization', name: article.provider.name, url: `${site.publicUrl}/provider/${article.provider.slug}` };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': site.url },
    url: site.url,
    headline: article.headline.slice(0, 110),
    description: article.summary || undefined,
    ...(site.image && { image: [site.image] }),
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    inLanguage: article.language,
    ...(site.section && { articleSection: site.section }),
    author: article.byline ? { '@type': 'Person', name: article.byline } : provider,
    publisher: provider,
    isAccessibleForFree: true,
    ...(article.sourceUrl && { isBasedOn: article.sourceUrl }),
  };
}
