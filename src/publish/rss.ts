import type { FeedDocument } from './feed-document.js';
import { MEDIA_RSS_NS, mediaContent } from './media-rss.js';
import { xmlText } from './xml-text.js';

/**
 * RSS 2.0 (RSS Advisory Board specification): summary in `description`, the full body in
 * `content:encoded`, the provider in `dc:creator` (RSS `author` must be an e-mail address),
 * dates in RFC 822 form, a permalink `guid`, and `atom:link rel="self"` (and `rel="hub"`)
 * as the RSS Best Practices Profile recommends. The lead picture is both an `enclosure` (its
 * byte size is not known, so `length="0"`, as the Best Practices Profile says) and a Media
 * RSS `media:content` with its size, alt text (`media:title`), caption (`media:description`)
 * and credit.
 */
export function renderRss(feed: FeedDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="${MEDIA_RSS_NS}">\n',
    '<channel>\n',
    `<title>${xmlText(feed.title)}</title>\n`,
    `<link>${xmlText(feed.homePageUrl)}</link>\n`,
    `<description>${xmlText(feed.description)}</description>\n`,
    `<atom:link rel="self" type="application/rss+xml" href="${xmlText(feed.selfUrls.rss)}"/>\n`,
  ];
  if (feed.hubUrl) out.push(`<atom:link rel="hub" href="${xmlText(feed.hubUrl)}"/>\n`);
  if (feed.language) out.push(`<language>${xmlText(feed.language)}</language>\n`);
  out.push(`<lastBuildDate>${feed.updatedAt.toUTCString()}</lastBuildDate>\n`, '<docs>https://www.rssboard.org/rss-specification</docs>\n');
  for (const e of feed.entries) {
    out.push(
      '<item>\n',
      `<title>${xmlText(e.title)}</title>\n`,
      `<link>${xmlText(e.url)}</link>\n`,
      `<guid isPermaLink="true">${xmlText(e.id)}</guid>\n`,
      `<pubDate>${e.publishedAt.toUTCString()}</pubDate>\n`,
      `<dc:creator>${xmlText(e.author.name)}</dc:creator>\n`,
      `<dc:language>${xmlText(e.language)}</dc:language>\n`,
      ...e.categories.map((c) => `<category>${xmlText(c.term)}</category>\n`),
      `<description>${xmlText(e.summary)}</description>\n`,
      `<content:encoded>${xmlText(e.contentHtml)}</content:encoded>\n`,
      ...(e.image ? [`<enclosure url="${xmlText(e.image.url)}" length="0" type="${xmlText(e.image.type)}"/>\n`, mediaContent(e.image)] : []),
      '</item>\n',
    );
  }
  out.push('</channel>\n</rss>\n');
  return out.join('');
}
