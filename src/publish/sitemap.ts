import { xmlText } from './xml-text.js';

/**
 * Sitemaps (sitemaps.org protocol 0.9) and Google News sitemaps, written piece by piece so
 * a caller can stream them: an opening, one entry per URL, a closing.
 */

/** A sitemap index: one `<sitemap>` per child sitemap. */
export function renderSitemapIndex(sitemaps: { loc: string; lastmod?: Date }[]): string {
  const entries = sitemaps.map((s) => `<sitemap><loc>${xmlText(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod.toISOString()}</lastmod>` : ''}</sitemap>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`;
}

/** The start of a `<urlset>`; with `news`, the Google News namespace too. */
export function urlsetOpening(news = false): string {
  const ns = news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${ns}>\n`;
}

/** The end of a `<urlset>`. */
export const URLSET_CLOSING = '</urlset>\n';

/** One URL of a sitemap, with its last modification time (W3C Datetime). */
export function urlEntry(loc: string, lastmod: Date): string {
  return `<url><loc>${xmlText(loc)}</loc><lastmod>${lastmod.toISOString()}</lastmod></url>\n`;
}

/** One URL of a Google News sitemap: publication name and language, publication date, title. */
export function newsUrlEntry(loc: string, news: { publication: string; language: string; publishedAt: Date; title: string }): string {
  return (
    `<url><loc>${xmlText(loc)}</loc><news:news><news:publication><news:name>${xmlText(news.publication)}</news:name>` +
    `<news:language>${xmlText(news.language)}</news:language></news:publication>` +
    `<news:publication_date>${news.publishedAt.toISOString()}</news:publication_date><news:title>${xmlText(news.title)}</news:title></news:news></url>\n`
  );
}
