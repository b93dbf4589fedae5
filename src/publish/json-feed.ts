import type { FeedDocument } from './feed-document.js';

/** The JSON Feed version this serializer writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): `feed_url` is the self link, each item has the
 * required `id` plus `content_html`, `summary`, `authors`, `tags`, `language` and RFC 3339
 * dates; a hub goes in `hubs`. JSON.stringify escapes what JSON needs; lone surrogates
 * become `\u` escapes (ES2019 well-formed stringify), so the output is always valid UTF-8.
 * The lead picture is the item's `image`; its size, alt text, caption and credit, which JSON
 * Feed has no field for, go in a `_gazette` extension object (§ "Extensions": keys starting
 * with an underscore, which readers that do not know them ignore).
 */
export function renderJsonFeed(feed: FeedDocument): string {
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homePageUrl,
    feed_url: feed.selfUrls.json,
    ...(feed.language && { language: feed.language }),
    ...(feed.hubUrl && { hubs: [{ type: 'WebSub', url: feed.hubUrl }] }),
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      date_published: e.publishedAt.toISOString(),
      date_modified: e.updatedAt.toISOString(),
      authors: [{ name: e.author.name, url: e.author.url }],
      tags: e.categories.map((c) => c.term),
      language: e.language,
      ...(e.image && {
        image: e.image.url,
        _gazette: { image: { url: e.image.url, type: e.image.type, width: e.image.width, height: e.image.height, alt: e.image.alt, caption: e.image.caption, credit: e.image.credit } },
      }),
    })),
  });
}
