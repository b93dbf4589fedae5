import type { Kysely } from 'kysely';
import { SEARCH_PAGE_SIZE, type ParsedSearch, type SearchCursor, type SearchHit, type SearchPage, type SearchRequest } from '../../domain/search.js';
import { TEASER_COLUMNS, teaserOf } from '../listing-repo.js';
import type { Database } from '../schema.js';
import type { Engine } from '../store.js';
import { markMatches } from './mark-matches.js';
import { postgresCandidates } from './postgres-candidates.js';
import { SEARCH_KEY_SPAN } from './search-index-writer.js';
import type { SearchTag } from './search-tags.js';
import { sqliteCandidates } from './sqlite-candidates.js';

/** Full-text search over published stories: one result per story, best first. */
export interface SearchRepo {
  query(request: SearchRequest): Promise<SearchPage>;
}

/** What an engine is asked for: matches within [minKey, maxKey], newest first. */
export interface CandidateRequest {
  query: ParsedSearch;
  /** Filters as index tags (language, provider, category). */
  tags: SearchTag[];
  /** Only story heads (one result per story); else the tags pick the entries (a provider's own versions). */
  headsOnly: boolean;
  language?: string;
  maxKey: string;
  minKey: string;
  limit?: number;
}

/** A match with the engine's own relevance (higher is better). */
export interface Candidate {
  articleId: number;
  storyId: number;
  key: string;
  sortAt: number;
  relevance: number;
}

/** The one thing an engine contributes: its index lookup. */
export type CandidateSource = (request: CandidateRequest) => Promise<Candidate[]>;

/**
 * Matches ranked together: the newest this many. A word in half the archive costs the same as
 * a rare one, and a page never scores more than a few windows.
 */
const DEFAULT_WINDOW = 300;
const WINDOWS_PER_PAGE = 4;
/** A story of today scores up to twice one of long ago; the boost halves every week. */
const RECENCY_HALF_LIFE_DAYS = 7;
const DAY_MS = 86_400_000;
const MIN_KEY = -(2n ** 63n);
const MAX_KEY = 2n ** 63n - 1n;
const MAX_LIMIT = 100;

interface Scored extends Candidate {
  score: number;
  /** The key as a number, read once: ties in score are broken by it, and a window has many. */
  bigKey: bigint;
}

const after = (a: Scored, position: { score: number; key: bigint }) => a.score < position.score || (a.score === position.score && a.bigKey < position.key);

/**
 * Search on any engine. Relevance alone would rank every match of a common word, so matches
 * are taken a window at a time going back in time — the newest 300, then the 300 before —
 * and ranked within the window by the engine's relevance × a recency boost. A page is a
 * position in that order (keyset: window bounds, score and key), so a deep page costs what
 * the first does, and no OFFSET is ever read. Without a provider filter only story heads are
 * searched (one result per story); with one, each story's first version from that provider.
 */
export function searchRepo(db: Kysely<Database>, engine: Engine, options: { window?: number } = {}): SearchRepo {
  const WINDOW = options.window ?? DEFAULT_WINDOW;
  const source = engine === 'sqlite' ? sqliteCandidates(db) : postgresCandidates(db);
  return {
    async query(request) {
      const { query, filters } = request;
      if (query.include.length === 0) return { hits: [], next: null };
      const size = Math.min(Math.max(1, Math.floor(request.limit ?? SEARCH_PAGE_SIZE)), MAX_LIMIT);
      const headsOnly = filters.providerId === undefined;
      const tags: SearchTag[] = [
        ...(filters.providerId === undefined ? [] : [{ kind: 'provider', providerId: filters.providerId } as const]),
        ...(filters.language ? [{ kind: 'language', language: filters.language.toLowerCase() } as const] : []),
        ...(filters.category ? [{ kind: 'category', slug: filters.category } as const] : []),
      ];
      const span = BigInt(SEARCH_KEY_SPAN);
      const dateMin = filters.from === undefined ? MIN_KEY : BigInt(Math.floor(filters.from)) * span;
      const dateMax = filters.to === undefined ? MAX_KEY : (BigInt(Math.floor(filters.to)) + 1n) * span - 1n;
      const cursor = request.after;
      const asOf = cursor?.asOf ?? Date.now();
      const boost = (sortAt: number) => 1 + 2 ** (-Math.max(0, asOf - sortAt) / DAY_MS / RECENCY_HALF_LIFE_DAYS);
      const fetch = (maxKey: bigint, minKey: bigint, limit?: number) =>
        source({ query, tags, headsOnly, ...(filters.language && { language: filters.language }), maxKey: maxKey.toString(), minKey: minKey.toString(), ...(limit && { limit }) });

      // A cursor whose bottom lies above its top starts a fresh window at its top.
      let top = cursor ? minBig(BigInt(cursor.top), dateMax) : dateMax;
      let bottom = cursor && BigInt(cursor.bottom) <= BigInt(cursor.top) ? BigInt(cursor.bottom) : undefined;
      let position = bottom !== undefined && cursor ? { score: cursor.score, key: BigInt(cursor.key) } : undefined;
      const picked: Scored[] = [];
      let next: SearchCursor | null = null;
      for (let w = 0; w < WINDOWS_PER_PAGE && top >= dateMin; w++) {
        let window: Candidate[];
        let last = false;
        if (bottom === undefined) {
          window = await fetch(top, dateMin, WINDOW);
          if (window.length === 0) break;
          bottom = BigInt(window.at(-1)!.key);
          last = window.length < WINDOW;
        } else {
          window = await fetch(top, maxBig(bottom, dateMin));
        }
        const ranked = window.map((c) => ({ ...c, score: c.relevance * boost(c.sortAt), bigKey: BigInt(c.key) })).sort((a, b) => b.score - a.score || (b.bigKey > a.bigKey ? 1 : -1));
        const remaining = position ? ranked.filter((r) => after(r, position!)) : ranked;
        const taken = remaining.slice(0, size - picked.length);
        picked.push(...taken);
        if (taken.length < remaining.length) {
          const end = taken.at(-1)!;
          next = { top: top.toString(), bottom: bottom.toString(), asOf, score: end.score, key: end.key };
          break;
        }
        top = bottom - 1n;
        bottom = undefined;
        position = undefined;
        if (last) break;
        // The page is full, or the windows of this page are spent: the next starts a fresh window.
        if (picked.length === size || w === WINDOWS_PER_PAGE - 1) {
          next = { top: top.toString(), bottom: (top + 1n).toString(), asOf, score: 0, key: '0' };
          break;
        }
      }
      return { hits: await hydrate(db, query, picked), next };
    },
  };
}

/** The shown hits' teasers and text, by primary key (published articles only), in rank order. */
async function hydrate(db: Kysely<Database>, query: ParsedSearch, picked: Scored[]): Promise<SearchHit[]> {
  if (picked.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .select(['a.id', 'a.body_text', ...TEASER_COLUMNS])
    .where('a.id', 'in', picked.map((p) => p.articleId))
    .where('a.status', '=', 'published')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return picked.flatMap((p) => {
    const r = byId.get(p.articleId);
    if (!r) return [];
    const marked = markMatches(query, { headline: r.headline, summary: r.summary, body: r.body_text });
    return [
      {
        article: teaserOf(r, r.id, p.storyId),
        ...marked,
      },
    ];
  });
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
