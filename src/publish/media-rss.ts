import type { PublishedImage } from './published-image.js';
import { xmlText } from './xml-text.js';

/** Media RSS 1.5 (rssboard.org/media-rss), read by most aggregators for an item's picture. */
export const MEDIA_RSS_NS = 'http://search.yahoo.com/mrss/';

/** A Media RSS `media:content` for a picture, with what it shows and who took it (plain text). */
export function mediaContent(image: PublishedImage): string {
  return (
    `<media:content url="${xmlText(image.url)}" medium="image" type="${xmlText(image.type)}" width="${image.width}" height="${image.height}">` +
    (image.alt ? `<media:title type="plain">${xmlText(image.alt)}</media:title>` : '') +
    (image.caption ? `<media:description type="plain">${xmlText(image.caption)}</media:description>` : '') +
    (image.credit ? `<media:credit>${xmlText(image.credit)}</media:credit>` : '') +
    '</media:content>\n'
  );
}
