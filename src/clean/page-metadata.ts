import type { RawImage } from '../domain/raw-item.js';

/** What a page says about its article in machine-readable form (JSON-LD, Open Graph, meta tags). */
export interface PageMetadata {
  headline: string | null;
  byline: string | null;
  publishedAt: Date | null;
  leadImage: string | null;
  /** What the page says of its lead image: og:image:alt, og:image:width/height, a schema.org ImageObject's caption and credit. */
  leadImageDetails: Partial<Omit<RawImage, 'url'>>;
  /** schema.org `articleBody`, when the page publishes one. */
  articleBody: string | null;
  language: string | null;
}

/** schema.org types that describe an article (https://schema.org/Article and its subtypes). */
const ARTICLE_TYPE = /^(Article|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|WebPage)$/i;

/**
 * Reads the article's metadata from JSON-LD (schema.org Article), then Open Graph and
 * article:* meta properties, then plain meta names. Malformed JSON-LD is ignored.
 */
export function readPageMetadata(document: Document): PageMetadata {
  const ld = jsonLdArticle(document);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
    return null;
  };
  const timeEl = document.querySelector('time[datetime]');
  return {
    headline: text(ld?.headline) ?? meta('og:title', 'twitter:title') ?? text(document.querySelector('h1')?.textContent),
    byline: authorName(ld?.author) ?? meta('author', 'article:author', 'byl', 'dc.creator', 'parsely-author'),
    publishedAt:
      date(ld?.datePublished) ??
      date(meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'dc.date', 'date', 'parsely-pub-date')) ??
      date(timeEl?.getAttribute('datetime')),
    leadImage: imageUrl(ld?.image) ?? meta('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'),
    leadImageDetails: imageDetails(ld?.image, meta),
    articleBody: text(ld?.articleBody),
    language: text(document.documentElement?.getAttribute('lang')) ?? meta('og:locale', 'language', 'content-language'),
  };
}

type Json = Record<string, unknown>;

/** The first JSON-LD object that is an article, looking inside arrays and `@graph`. */
function jsonLdArticle(document: Document): Json | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const types = ([] as unknown[]).concat(obj['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t)) && (obj.headline || obj.articleBody)) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return null;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return t || null;
}

function authorName(value: unknown): string | null {
  const list = ([] as unknown[]).concat(value ?? []);
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Json).name : null))
    .map(text)
    .filter((n): n is string => n !== null && !/^https?:/i.test(n));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function imageUrl(value: unknown): string | null {
  const first = ([] as unknown[]).concat(value ?? [])[0];
  if (typeof first === 'string') return text(first);
  if (first && typeof first === 'object') return text((first as Json).url ?? (first as Json).contentUrl);
  return null;
}

/**
 * Alt text from `og:image:alt` (The Open Graph protocol, "Structured Properties") or
 * `twitter:image:alt`, size from `og:image:width`/`height`, and caption and credit from a
 * schema.org ImageObject (`caption`, `creditText`).
 */
function imageDetails(ldImage: unknown, meta: (...names: string[]) => string | null): Partial<Omit<RawImage, 'url'>> {
  const first = ([] as unknown[]).concat(ldImage ?? [])[0];
  const object = first && typeof first === 'object' ? (first as Json) : null;
  const size = (name: string) => {
    const n = Number(meta(name));
    return Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
  };
  return {
    alt: meta('og:image:alt', 'twitter:image:alt'),
    caption: text(object?.caption),
    credit: text(object?.creditText) ?? authorName(object?.copyrightHolder),
    width: size('og:image:width'),
    height: size('og:image:height'),
  };
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}
