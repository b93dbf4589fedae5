import type { LeadImage, ShownImage } from './lead-image.js';
import type { SafeHtml } from './safe-html.js';

/**
 * Listings: every list of stories a reader, a feed or the API sees (latest, a category, a
 * provider, an entity, a language) is one scope of one index, paged by a cursor on (sort time, id).
 */

/** Which stories a listing holds. */
export type ListingScope =
  | { kind: 'latest' }
  | { kind: 'category'; slug: string }
  | { kind: 'provider'; providerId: number }
  | { kind: 'entity'; entityId: number }
  /** A BCP 47 language tag in lower case, as stored on the article ("en", "pt-br"). */
  | { kind: 'language'; language: string };

/** The key a scope is stored under, e.g. "category:business" (also the cache tag suffix). */
export function scopeKey(scope: ListingScope): string {
  switch (scope.kind) {
    case 'latest':
      return 'latest';
    case 'category':
      return `category:${scope.slug}`;
    case 'provider':
      return `provider:${scope.providerId}`;
    case 'entity':
      return `entity:${scope.entityId}`;
    case 'language':
      return `lang:${scope.language.toLowerCase()}`;
  }
}

/** A position in a listing: the sort time (ms since 1970) and id of one listed story. */
export interface ListingCursor {
  sortAt: number;
  articleId: number;
}

/** Where a page starts: the newest stories (neither), or older than `before`, or newer than `after`. */
export interface ListingPosition {
  before?: ListingCursor;
  after?: ListingCursor;
  /** Only stories listed at or after this time (ms since 1970): the lower bound of the same range. */
  since?: number;
}

/** What a teaser shows: never the body. */
export interface ArticleTeaser {
  id: number;
  slug: string;
  headline: string;
  summary: string;
  language: string;
  publishedAt: Date;
  provider: { slug: string; name: string };
  /** The story this teaser stands for: shared by every version of one story. */
  storyId: number;
  /** The lead picture, once Gazette has fetched and measured it (null: none to show). */
  image?: ShownImage | null;
  /** Approved comments, when the page shows them (read for the page's ids at once, never per teaser). */
  commentCount?: number;
}

/**
 * What feeds and the API show beyond a teaser, read by primary key for the ids of one
 * listing page (never a list of its own).
 */
export interface ListedArticleDetail {
  guid: string;
  sourceUrl: string | null;
  bodyHtml: SafeHtml;
  byline: string | null;
  updatedAt: Date;
  /** Category slugs, primary first. */
  categories: string[];
  /** The lead image with its caption and credit, whatever its status. */
  leadImage?: LeadImage | null;
}

/** One page of a listing, newest first, with the cursors of its neighbours (no totals). */
export interface ListingPage {
  items: ArticleTeaser[];
  /** Pass as `before` for the next older page; null when this page holds the oldest story. */
  older: ListingCursor | null;
  /** Pass as `after` for the next newer page; null when this page starts at the newest story. */
  newer: ListingCursor | null;
}

/** Stories per listing page. */
export const LISTING_PAGE_SIZE = 20;

// Any instant a JavaScript Date can hold, and any id an integer column can.
const MAX_SORT_AT = 8_640_000_000_000_000;
const MAX_ID = 2_147_483_647;

/** The text form of a cursor in a URL: "<sortAt>.<articleId>", both decimal. */
export function formatCursor(cursor: ListingCursor): string {
  return `${cursor.sortAt}.${cursor.articleId}`;
}

/**
 * Reads a cursor from a URL, or undefined when it is malformed or out of range. A forged
 * cursor that parses is harmless: it is only a position, and every position is a valid
 * start for an index range scan.
 */
export function parseCursor(text: string): ListingCursor | undefined {
  const match = /^(-?\d{1,16})\.(\d{1,10})$/.exec(text);
  if (!match) return undefined;
  const sortAt = Number(match[1]);
  const articleId = Number(match[2]);
  if (Math.abs(sortAt) > MAX_SORT_AT || articleId > MAX_ID) return undefined;
  return { sortAt, articleId };
}
