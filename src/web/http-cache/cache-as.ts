import type { Context } from 'hono';

/**
 * How long shared caches may keep a response: listings change with every new story,
 * an article page rarely.
 */
export type CacheKind = 'listing' | 'article';

/** What a page tells the caching layer: its kind, and the tags whose changes make it stale. */
export interface CacheDirective {
  kind: CacheKind;
  tags: string[];
}

const KEY = 'gazetteCache';

/** Marks the response being built as cacheable, dropped when any of `tags` changes. */
export function cacheAs(c: Context, kind: CacheKind, tags: string[]): void {
  c.set(KEY, { kind, tags } satisfies CacheDirective);
}

/** The directive a handler set, if any. */
export function cacheDirectiveOf(c: Context): CacheDirective | undefined {
  return c.get(KEY) as CacheDirective | undefined;
}

const PASS_THROUGH = 'gazetteCachePassThrough';

/**
 * Marks a streamed response (a sitemap of a million URLs, say) to go out as it is made:
 * the caching layer neither buffers, compresses nor keeps it.
 */
export function streamAsIs(c: Context): void {
  c.set(PASS_THROUGH, true);
}

/** Whether a handler asked for its response to be streamed as it is. */
export function isStreamedAsIs(c: Context): boolean {
  return c.get(PASS_THROUGH) === true;
}
