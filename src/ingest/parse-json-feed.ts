import { emptyRawItem, rawImage, type RawItem } from '../domain/raw-item.js';
import type { FeedParseResult, FormatParseOptions } from './feed-parse-result.js';
import { htmlToText } from './html-to-text.js';
import { resolveUrl } from './resolve-url.js';

type Json = Record<string, unknown>;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Maps `content_html` to the
 * body and `content_text` to plain text, `summary` to the summary, `authors` (1.1) or
 * `author` (1.0) to the byline, `tags` to categories and `image`/`banner_image` to the image.
 */
export function parseJsonFeed(text: string, options: FormatParseOptions): FeedParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { kind: 'rejected', reason: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(doc) || typeof doc.version !== 'string' || !doc.version.startsWith('https://jsonfeed.org/version/')) {
    return { kind: 'rejected', reason: 'Not a JSON Feed: the "version" must be a https://jsonfeed.org/version/ URL.' };
  }
  if (!Array.isArray(doc.items)) return { kind: 'rejected', reason: 'Not a JSON Feed: "items" must be an array.' };
  const base = str(doc.feed_url) ?? options.url;
  const feedLanguage = str(doc.language);
  const hubs = Array.isArray(doc.hubs) ? doc.hubs.filter(isObject) : [];
  const hub = hubs.find((h) => String(h.type).toLowerCase() === 'websub') ?? hubs[0];

  const items: RawItem[] = doc.items.filter(isObject).map((item) => {
    const url = resolveUrl(str(item.url) ?? str(item.external_url), base);
    const title = str(item.title) ?? '';
    const authors = Array.isArray(item.authors) ? item.authors : isObject(item.author) ? [item.author] : [];
    const names = authors.filter(isObject).map((a) => str(a.name)).filter((n): n is string => n !== null);
    const tags = Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
    const summary = str(item.summary);
    return {
      ...emptyRawItem(title.trim()),
      // JSON Feed 1.1: "id (required, string)"; 1.0 feeds sometimes send a number.
      guid: typeof item.id === 'number' ? String(item.id) : str(item.id),
      url,
      html: str(item.content_html),
      text: str(item.content_text),
      summary: summary ? htmlToText(summary) : null,
      byline: names.length > 0 ? names.join(', ') : null,
      language: str(item.language) ?? feedLanguage,
      publishedAt: date(item.date_published),
      updatedAt: date(item.date_modified),
      categories: tags.map((t) => t.trim()),
      // JSON Feed 1.1 names only the picture's URL ("image", else "banner_image"); no texts.
      image: rawImage(resolveUrl(str(item.image) ?? str(item.banner_image), base)),
    };
  });
  return {
    kind: 'feed',
    feed: {
      title: str(doc.title)?.trim() || null,
      link: resolveUrl(str(doc.home_page_url), base),
      hubUrl: hub ? resolveUrl(str(hub.url), base) : null,
      selfUrl: resolveUrl(str(doc.feed_url), options.url),
      format: 'json-feed',
    },
    items,
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** RFC 3339 dates, as JSON Feed requires; anything unparseable is no date. */
function date(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
