import type { FeedDocument } from './feed-document.js';
import { MEDIA_RSS_NS, mediaContent } from './media-rss.js';
import { xmlText } from './xml-text.js';

/**
 * Atom 1.0 (RFC 4287): every entry has the required id, title, updated and author (§4.1.2),
 * `published` (§4.2.9), the summary as text and the body as escaped HTML (§3.1.1.2), the
 * categories with their page as `scheme`, and the feed its `rel="self"` link (§4.2.7.2). The
 * lead picture is a `rel="enclosure"` link (§4.2.7.2) titled with its alt text, and a Media RSS
 * `media:content` (an extension element, §6.4) for its size, caption and credit.
 */
export function renderAtom(feed: FeedDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="${MEDIA_RSS_NS}"${feed.language ? ` xml:lang="${xmlText(feed.language)}"` : ''}>\n`,
    `<id>${xmlText(feed.selfUrls.atom)}</id>\n`,
    `<title type="text">${xmlText(feed.title)}</title>\n`,
    `<subtitle type="text">${xmlText(feed.description)}</subtitle>\n`,
    `<updated>${feed.updatedAt.toISOString()}</updated>\n`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrls.atom)}"/>\n`,
    `<link rel="alternate" type="text/html" href="${xmlText(feed.homePageUrl)}"/>\n`,
  ];
  if (feed.hubUrl) out.push(`<link rel="hub" href="${xmlText(feed.hubUrl)}"/>\n`);
  for (const e of feed.entries) {
    out.push(
      `<entry xml:lang="${xmlText(e.language)}">\n`,
      `<id>${xmlText(e.id)}</id>\n`,
      `<title type="text">${xmlText(e.title)}</title>\n`,
      `<link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>\n`,
      ...(e.image ? [`<link rel="enclosure" type="${xmlText(e.image.type)}" href="${xmlText(e.image.url)}"${e.image.alt ? ` title="${xmlText(e.image.alt)}"` : ''}/>\n`] : []),
      `<published>${e.publishedAt.toISOString()}</published>\n`,
      `<updated>${e.updatedAt.toISOString()}</updated>\n`,
      `<author><name>${xmlText(e.author.name)}</name><uri>${xmlText(e.author.url)}</uri></author>\n`,
      ...e.categories.map((c) => `<category term="${xmlText(c.term)}" scheme="${xmlText(c.url.slice(0, c.url.lastIndexOf('/') + 1))}"/>\n`),
      `<summary type="text">${xmlText(e.summary)}</summary>\n`,
      `<content type="html">${xmlText(e.contentHtml)}</content>\n`,
      // After Atom's own <content>: lenient readers that match element names without their
      // namespace take the first "content" they meet as the body.
      ...(e.image ? [mediaContent(e.image)] : []),
      '</entry>\n',
    );
  }
  out.push('</feed>\n');
  return out.join('');
}
