import { extractArticle, type ExtractOptions } from '../clean/extract-article.js';
import { needsFullText, type FullTextPolicy } from '../clean/needs-full-text.js';
import { decodeCharset } from '../ingest/decode-charset.js';
import { fetchUrl, type FetchOptions } from '../ingest/fetch/fetch-url.js';
import { rawImage, type RawItem } from '../domain/raw-item.js';

/** Options for completing items from their pages. */
export interface FullTextOptions {
  policy?: FullTextPolicy;
  /** Fetch limits and the SSRF policy (the feed's own settings). */
  fetch?: FetchOptions;
  extract?: ExtractOptions;
}

/** The item, completed from its page when it needed that, and what happened. */
export interface FullTextOutcome {
  item: RawItem;
  /** "kept": the item had its body; "fetched": the page's article replaced it; "failed": see reason. */
  status: 'kept' | 'fetched' | 'failed';
  reason?: string;
}

/**
 * Completes a summary-only item with the article from its linked page: fetches the page with
 * Gazette's limits and SSRF guard, extracts the article, and fills in the body (and byline,
 * date and image when the item lacks them). On any failure the item is returned unchanged,
 * so a teaser is still published rather than lost.
 */
export async function fetchFullText(item: RawItem, options: FullTextOptions = {}): Promise<FullTextOutcome> {
  if (!needsFullText(item, options.policy)) return { item, status: 'kept' };
  const url = item.url!.trim();
  const response = await fetchUrl(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', ...options.fetch });
  if (response.kind === 'failed') return { item, status: 'failed', reason: response.reason };
  if (response.kind !== 'ok') return { item, status: 'failed', reason: 'The page did not change since the last fetch.' };
  if (response.contentType && !/html/i.test(response.contentType)) {
    return { item, status: 'failed', reason: `The page is ${response.contentType}, not HTML.` };
  }
  const { text } = decodeCharset(response.body, { contentType: response.contentType });
  const article = extractArticle(text, response.finalUrl, options.extract);
  if (article.kind === 'rejected') return { item, status: 'failed', reason: article.reason };
  return {
    status: 'fetched',
    item: {
      ...item,
      html: article.html,
      summary: item.summary ?? item.text ?? null,
      byline: item.byline ?? article.byline,
      publishedAt: item.publishedAt ?? article.publishedAt,
      image: item.image ?? rawImage(article.leadImage, article.leadImageDetails),
      language: item.language ?? article.language,
    },
  };
}
