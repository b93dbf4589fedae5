import type { Context } from 'hono';
import { toNinjs, type NinjsSource } from '../../publish/ninjs.js';
import { imagesOf, type AppDeps } from '../deps.js';
import { acceptsNinjs } from '../http-cache/http-caching.js';
import type { ArticleSummary } from './article-summaries.js';
import { publishedFromJson } from './image-json.js';

/** The media type of IPTC ninjs. */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json';

/**
 * Which representation a read asks for: `?format=` decides, else an `Accept` naming ninjs.
 * The page cache keys on the same choice (see `cacheKey`), so the two never mix.
 */
export function wantsNinjs(c: Context, format: string | undefined): boolean {
  if (format !== undefined) return format === 'ninjs';
  return acceptsNinjs(c.req.header('accept'));
}

/** An API article as a ninjs item, its lead picture as an association with every offered size. */
export function ninjsItem(deps: AppDeps, article: NinjsSource & { image: ArticleSummary['image'] }): Record<string, unknown> {
  const base = deps.config.publicUrl;
  return toNinjs(article, base, publishedFromJson(article.image, imagesOf(deps), base));
}
