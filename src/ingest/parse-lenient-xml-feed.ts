import { parseFeed as parseTagSoupFeed } from 'htmlparser2';
import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedFormat, FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { looksLikeHtml } from './html-to-text.js';
import { resolveUrl } from './resolve-url.js';

/**
 * The last resort for RSS/Atom/RDF that is not well-formed XML (unclosed tags, stray markup):
 * htmlparser2 reads it as tag soup and domutils' feed reader takes title, link, id, date,
 * description and media from each item. Fewer fields than the main reader, but a feed a
 * browser-grade lenient reader can make sense of is not lost.
 */
export function parseLenientXmlFeed(xml: string, options: FormatParseOptions): FeedParseResult {
  const feed = parseTagSoupFeed(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  if (!feed) return { kind: 'rejected', reason: 'No RSS, Atom or RDF feed structure found.' };
  const base = options.url;
  const items: RawItem[] = feed.items.map((item) => {
    const description = item.description?.trim() || null;
    const image = item.media.find((m) => m.medium === 'image' || m.type?.startsWith('image/'))?.url ?? null;
    return {
      ...emptyRawItem(item.title?.replace(/\s+/g, ' ').trim() ?? ''),
      guid: item.id?.trim() || null,
      url: resolveUrl(item.link, base),
      html: description && looksLikeHtml(description) ? description : null,
      text: description && !looksLikeHtml(description) ? description : null,
      publishedAt: item.pubDate && !Number.isNaN(item.pubDate.getTime()) ? item.pubDate : null,
      image: rawImage(resolveUrl(image, base)),
    };
  });
  const format: FeedFormat = feed.type === 'atom' ? 'atom' : feed.type === 'rdf' ? 'rdf' : 'rss';
  return {
    kind: 'feed',
    feed: { title: feed.title?.replace(/\s+/g, ' ').trim() || null, link: resolveUrl(feed.link, base), hubUrl: null, selfUrl: null, format },
    items,
  };
}
