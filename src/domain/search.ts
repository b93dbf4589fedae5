import type { ArticleTeaser } from './listing.js';

/**
 * Search: what a reader types, parsed into clauses (see parse-search-query.ts), run by the
 * store over each engine's full-text index, and returned as ranked hits with highlighted
 * snippets, one per story, a page at a time.
 */

/** One thing a search asks for: a word (or a word's beginning, `word*`) or an exact phrase. */
export type SearchClause = { kind: 'word'; text: string; prefix: boolean } | { kind: 'phrase'; words: string[] };

/** A parsed query: every `include` clause must match, no `exclude` clause may. */
export interface ParsedSearch {
  include: SearchClause[];
  exclude: SearchClause[];
}

/** Narrowing a search, all optional; times are ms since 1970, both ends inclusive. */
export interface SearchFilters {
  category?: string;
  providerId?: number;
  /** A BCP 47 tag in lower case, as stored on articles. */
  language?: string;
  from?: number;
  to?: number;
}

/**
 * Where the next page of results starts. Matches are ranked a window at a time: a window
 * is the next few hundred matches going back in time (keys `bottom`..`top`), ranked by
 * relevance with a recency boost as of `asOf`; `score`/`key` is the last hit shown.
 * Keys are decimal text (they pass 2⁵³).
 */
export interface SearchCursor {
  top: string;
  bottom: string;
  asOf: number;
  score: number;
  key: string;
}

/** A search to run. */
export interface SearchRequest {
  query: ParsedSearch;
  filters: SearchFilters;
  after?: SearchCursor;
  limit?: number;
}

/** Text with the parts that matched the query marked, for a view to render escaped. */
export type MarkedText = { text: string; mark: boolean }[];

/** One result: the story's teaser, its headline and a passage with the matching words marked. */
export interface SearchHit {
  article: ArticleTeaser;
  headline: MarkedText;
  snippet: MarkedText;
}

/** One page of results, best first; `next` is null on the last page. No totals. */
export interface SearchPage {
  hits: SearchHit[];
  next: SearchCursor | null;
}

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;

const KEY = '-?\\d{1,19}';
const CURSOR = new RegExp(`^(${KEY})_(${KEY})_(\\d{1,16})_([0-9.eE+-]{1,30})_(${KEY})$`);

/** The text form of a cursor in a URL. */
export function formatSearchCursor(c: SearchCursor): string {
  return `${c.top}_${c.bottom}_${c.asOf}_${c.score}_${c.key}`;
}

/** Reads a cursor from a URL; undefined when malformed. A forged one is only a position. */
export function parseSearchCursor(text: string): SearchCursor | undefined {
  const m = CURSOR.exec(text);
  if (!m) return undefined;
  const inRange = (k: string) => BigInt(k) >= -(2n ** 63n) && BigInt(k) < 2n ** 63n;
  const score = Number(m[4]);
  if (!Number.isFinite(score) || ![m[1]!, m[2]!, m[5]!].every(inRange)) return undefined;
  return { top: m[1]!, bottom: m[2]!, asOf: Number(m[3]), score, key: m[5]! };
}
