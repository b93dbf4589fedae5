import { xmlText } from './xml-text.js';

/**
 * Sitemaps (sitemaps.org protocol 0.9) and Google News sitemaps, written piece by piece so
 * a caller can stream them: an opening, one entry per URL, a closing. A story's lead picture
 * is an `image:image` of Google's image sitemap extension (only `image:loc` is still read;
 * its caption and title tags were retired in 2022).
 */

const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

/** A sitemap index: one `<sitemap>` per child sitemap. */
export function renderSitemapIndex(sitemaps: { loc: string; lastmod?: Date }[]): string {
  const entries = sitemaps.map((s) => `<sitemap><loc>${xmlText(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod.toISOString()}</lastmod>` : ''}</sitemap>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`;
}

/** The start of a `<urlset>` with the image namespace; with `news`, the Google News namespace too. */
export function urlsetOpening(news = false): string {
  const ns = news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="${IMAGE_NS}"${ns}>\n`;
}

const imageTag = (imageUrl: string | null | undefined) => (imageUrl ? `<image:image><image:loc>${xmlText(imageUrl)}</image:loc></image:image>` : '');

/** The end of a `<urlset>`. */
export const URLSET_CLOSING = '</urlset>\n';

/** One URL of a sitemap, with its last modification time (W3C Datetime) and its picture, if any. */
export function urlEntry(loc: string, lastmod: Date, imageUrl?: string | null): string {
  return `<url><loc>${xmlText(loc)}</loc><lastmod>${lastmod.toISOString()}</lastmod>${imageTag(imageUrl)}</url>\n`;
}

/** One URL of a Google News sitemap: publication name and language, publication date, title, and its picture, if any. */
export function newsUrlEntry(loc: string, news: { publication: string; language: string; publishedAt: Date; title: string }, imageUrl?: string | null): string {
  return (
    `<url><loc>${xmlText(loc)}</loc><news:news><news:publication><news:name>${xmlText(news.publication)}</news:name>` +
    `<news:language>${xmlText(news.language)}</news:language></news:publication>` +
    `<news:publication_date>${news.publishedAt.toISOString()}</news:publication_date><news:title>${xmlText(news.title)}</news:title></news:news>${imageTag(imageUrl)}</url>\n`
  );
}
