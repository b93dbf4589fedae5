import type { parseFeed } from '@rowanmanning/feed-parser';
import { rawImage, type RawImage } from '../domain/raw-item.js';
import { htmlToText, looksLikeHtml } from './html-to-text.js';

type Element = ReturnType<typeof parseFeed>['element'];

/** The Media RSS namespace (https://www.rssboard.org/media-rss). */
const MEDIA_RSS = 'http://search.yahoo.com/mrss/';

/**
 * The lead image an RSS or Atom item names, with what the format says about it, in this
 * order: a Media RSS `media:content` picture (alone or in a `media:group`), an RSS
 * `<enclosure>` or Atom `<link rel="enclosure">` of an image type (RSS 2.0; RFC 4287
 * §4.2.7.2), then a `media:thumbnail`. Media RSS texts apply from the picture's own element,
 * else from its group, else from the item (Media RSS §"Optional Elements"): `media:description`
 * is the caption, `media:credit` the credit and `media:title` the alt text. Null when the item
 * names no picture.
 */
export function readItemImage(item: Element, headline: string | null): RawImage | null {
  const groups = [item, ...children(item, 'group').filter(isMedia)];
  for (const group of groups) {
    const content = children(group, 'content').find((c) => isMedia(c) && isImage(c.getAttribute('medium'), c.getAttribute('type'), c.getAttribute('url')));
    if (content) return mediaImage(content, [content, group, item], headline);
  }
  const enclosure =
    children(item, 'enclosure').find((e) => isImageType(e.getAttribute('type'))) ??
    children(item, 'link').find((l) => l.getAttribute('rel') === 'enclosure' && isImageType(l.getAttribute('type')));
  if (enclosure) {
    const url = enclosure.getAttribute('url') ?? enclosure.getAttribute('href');
    // An enclosure says nothing of its picture but the URL; the item's Media RSS texts may.
    return url ? withTexts(rawImage(resolve(enclosure, url)), [item], headline) : null;
  }
  for (const group of groups) {
    const thumbnail = children(group, 'thumbnail').find((t) => isMedia(t) && t.getAttribute('url'));
    if (thumbnail) return mediaImage(thumbnail, [thumbnail, group, item], headline);
  }
  return null;
}

function mediaImage(element: Element, scopes: Element[], headline: string | null): RawImage | null {
  const image = rawImage(resolve(element, element.getAttribute('url')!), {
    width: dimension(element.getAttribute('width')),
    height: dimension(element.getAttribute('height')),
  });
  return withTexts(image, scopes, headline);
}

function withTexts(image: RawImage | null, scopes: Element[], headline: string | null): RawImage | null {
  if (!image) return null;
  const first = (name: string) => {
    for (const scope of scopes) {
      const found = children(scope, name).find(isMedia);
      const text = found && mediaText(found);
      if (text) return text;
    }
    return null;
  };
  const title = first('title');
  return {
    ...image,
    caption: first('description'),
    credit: first('credit'),
    // A media:title that repeats the headline describes the story, not the picture.
    alt: title && title !== headline ? title : null,
  };
}

/** A Media RSS text element: plain, or HTML when `type="html"` (tags dropped). */
function mediaText(element: Element): string | null {
  const raw = element.textContent.trim();
  if (!raw) return null;
  return (element.getAttribute('type') === 'html' || looksLikeHtml(raw) ? htmlToText(raw) : raw).replace(/\s+/g, ' ').trim() || null;
}

function children(element: Element, name: string): Element[] {
  try {
    return element.findElementsWithName(name);
  } catch {
    return [];
  }
}

function isMedia(element: Element): boolean {
  return element.namespaceUri === MEDIA_RSS || element.namespace === 'media';
}

/** Media RSS `medium="image"`, an image MIME type, or (neither given) an image file name. */
function isImage(medium: string | null, type: string | null, url: string | null): boolean {
  if (medium) return medium.toLowerCase() === 'image';
  if (type) return isImageType(type);
  return url !== null && /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(url);
}

function isImageType(type: string | null): boolean {
  return type !== null && /^image\//i.test(type.trim());
}

function resolve(element: Element, url: string): string {
  try {
    return element.resolveUrl(url.trim());
  } catch {
    return url.trim();
  }
}

function dimension(value: string | null): number | null {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
}
