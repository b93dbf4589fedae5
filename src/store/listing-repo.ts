import type { Kysely } from 'kysely';
import {
  LISTING_PAGE_SIZE,
  scopeKey,
  type ArticleTeaser,
  type ListedArticleDetail,
  type ListingCursor,
  type ListingPage,
  type ListingPosition,
  type ListingScope,
} from '../domain/listing.js';
import { trustSanitizedHtml } from '../domain/safe-html.js';
import { toDate, toLeadImage } from './map-rows.js';
import { shownImage, type LeadImageStatus, type ShownImage } from '../domain/lead-image.js';
import type { Database } from './schema.js';

/** The one listing module's storage side: every list of stories is read here. */
export interface ListingRepo {
  /** One page of a scope, newest first: a single index range scan whatever the position. */
  page(scope: ListingScope, position?: ListingPosition, limit?: number): Promise<ListingPage>;
  /**
   * The cursor just before the story at `offset` (0-based), to turn an old `?page=N` link
   * into a cursor. It walks the index only (no table rows), and callers bound the offset.
   */
  cursorAt(scope: ListingScope, offset: number, below?: ListingCursor): Promise<ListingCursor | undefined>;
  /** The listing times (ms) of a scope's oldest and newest stories: two one-row index reads; undefined when empty. */
  span(scope: ListingScope): Promise<{ oldest: number; newest: number } | undefined>;
  /** Stories listed in [from, to) (ms): a count over one index range, for splitting sitemaps. */
  countBetween(scope: ListingScope, from: number, to: number): Promise<number>;
  /**
   * The bodies and categories of listed articles (a page's ids): two primary-key reads, and
   * only published articles (a story taken down since the page was read is left out).
   */
  details(ids: readonly number[]): Promise<Map<number, ListedArticleDetail>>;
  /** How many versions each story holds (1 for an article outside any cluster), from the cluster index. */
  storySizes(storyIds: readonly number[]): Promise<Map<number, number>>;
  /**
   * A scope's most popular stories listed at or after `since` (ms), highest score first: one
   * index range scan of the ranking (see store/popularity-repo.ts), teaser columns only.
   */
  popular(scope: ListingScope, since: number, limit?: number): Promise<ArticleTeaser[]>;
  /** The teasers of these published articles, in the order given: primary-key reads, for rankings built elsewhere. */
  teasers(ids: readonly number[]): Promise<ArticleTeaser[]>;
}

const MAX_LIMIT = 100;
/** What a teaser shows of an article and its provider. */
export const TEASER_COLUMNS = ['a.slug', 'a.headline', 'a.summary', 'a.language', 'a.published_at', 'p.slug as p_slug', 'p.name as p_name'] as const;

/** A teaser from a row read with TEASER_COLUMNS. */
export function teaserOf(
  r: { slug: string; headline: string; summary: string; language: string; published_at: Date | string; p_slug: string; p_name: string },
  id: number,
  storyId: number,
): ArticleTeaser {
  return {
    id,
    slug: r.slug,
    headline: r.headline,
    summary: r.summary,
    language: r.language,
    publishedAt: toDate(r.published_at),
    provider: { slug: r.p_slug, name: r.p_name },
    storyId,
  };
}

/** Listings on any engine. */
export function listingRepo(db: Kysely<Database>): ListingRepo {
  return {
    async page(scope, position = {}, limit = LISTING_PAGE_SIZE) {
      const size = Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT);
      const newestFirst = position.after === undefined;
      let query = db
        .selectFrom('listing_entries as le')
        .innerJoin('articles as a', 'a.id', 'le.article_id')
        .innerJoin('providers as p', 'p.id', 'a.provider_id')
        .select([
          'le.sort_at',
          'le.article_id',
          'le.story_id',
          'a.slug',
          'a.headline',
          'a.summary',
          'a.language',
          'a.published_at',
          'a.lead_image_url',
          'a.lead_image_alt',
          'a.lead_image_caption',
          'a.lead_image_status',
          'a.lead_image_width',
          'a.lead_image_height',
          'p.slug as p_slug',
          'p.name as p_name',
        ])
        .where('le.scope', '=', scopeKey(scope));
      // A row-value comparison on the key's last two columns: both engines turn it into the
      // bound of one index range.
      if (position.before) {
        const { sortAt, articleId } = position.before;
        query = query.where((eb) => eb(eb.refTuple('le.sort_at', 'le.article_id'), '<', eb.tuple(sortAt, articleId)));
      } else if (position.after) {
        const { sortAt, articleId } = position.after;
        query = query.where((eb) => eb(eb.refTuple('le.sort_at', 'le.article_id'), '>', eb.tuple(sortAt, articleId)));
      }
      if (position.since !== undefined) query = query.where('le.sort_at', '>=', position.since);
      const direction = newestFirst ? 'desc' : 'asc';
      const rows = await query
        .orderBy('le.sort_at', direction)
        .orderBy('le.article_id', direction)
        .limit(size + 1)
        .execute();
      const more = rows.length > size;
      const shown = rows.slice(0, size);
      if (!newestFirst) shown.reverse();
      const cursors = shown.map((r) => ({ sortAt: Number(r.sort_at), articleId: r.article_id }));
      const items: ArticleTeaser[] = shown.map((r) => ({ ...teaserOf(r, r.article_id, r.story_id), image: teaserImage(r) }));
      const first = cursors[0] ?? null;
      const last = cursors.at(-1) ?? null;
      return {
        items,
        // Paging back from an older page, "newer" stories exist (we came from them); the
        // newest page has none. Paging forward, the same holds the other way round.
        older: newestFirst ? (more ? last : null) : last,
        newer: newestFirst ? (position.before ? first : null) : more ? first : null,
      };
    },

    async cursorAt(scope, offset, below) {
      if (offset <= 0) return below;
      let query = db.selectFrom('listing_entries').select(['sort_at', 'article_id']).where('scope', '=', scopeKey(scope));
      if (below) query = query.where((eb) => eb(eb.refTuple('sort_at', 'article_id'), '<', eb.tuple(below.sortAt, below.articleId)));
      const row = await query
        .orderBy('sort_at', 'desc')
        .orderBy('article_id', 'desc')
        .limit(1)
        .offset(offset - 1)
        .executeTakeFirst();
      return row && { sortAt: Number(row.sort_at), articleId: row.article_id };
    },

    async span(scope) {
      const edge = (direction: 'asc' | 'desc') =>
        db.selectFrom('listing_entries').select('sort_at').where('scope', '=', scopeKey(scope)).orderBy('sort_at', direction).orderBy('article_id', direction).limit(1).executeTakeFirst();
      const [oldest, newest] = await Promise.all([edge('asc'), edge('desc')]);
      return oldest && newest ? { oldest: Number(oldest.sort_at), newest: Number(newest.sort_at) } : undefined;
    },

    async countBetween(scope, from, to) {
      const row = await db
        .selectFrom('listing_entries')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('scope', '=', scopeKey(scope))
        .where('sort_at', '>=', from)
        .where('sort_at', '<', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async details(ids) {
      const found = new Map<number, ListedArticleDetail>();
      if (ids.length === 0) return found;
      const wanted = [...new Set(ids)].slice(0, MAX_LIMIT);
      const [rows, categories] = await Promise.all([
        db
          .selectFrom('articles')
          .select(['id', 'guid', 'source_url', 'body_html', 'byline', 'updated_at', 'lead_image_url', 'lead_image_alt', 'lead_image_caption', 'lead_image_credit', 'lead_image_status', 'lead_image_width', 'lead_image_height'])
          .where('id', 'in', wanted)
          .where('status', '=', 'published')
          .execute(),
        db
          .selectFrom('article_categories')
          .select(['article_id', 'category_slug', 'position'])
          .where('article_id', 'in', wanted)
          .execute(),
      ]);
      const slugs = new Map<number, string[]>();
      // Sorted here, not in SQL: a handful of rows per article, and no sort step in the plan.
      categories.sort((x, y) => x.article_id - y.article_id || x.position - y.position);
      for (const c of categories) {
        const list = slugs.get(c.article_id) ?? [];
        list.push(c.category_slug);
        slugs.set(c.article_id, list);
      }
      for (const r of rows) {
        found.set(r.id, {
          guid: r.guid,
          sourceUrl: r.source_url,
          leadImage: toLeadImage(r),
          // The store only ever holds sanitizer output.
          bodyHtml: trustSanitizedHtml(r.body_html),
          byline: r.byline,
          updatedAt: toDate(r.updated_at),
          categories: slugs.get(r.id) ?? [],
        });
      }
      return found;
    },

    async popular(scope, since, limit = 10) {
      const rows = await db
        .selectFrom('popular_entries as pe')
        .innerJoin('articles as a', 'a.id', 'pe.article_id')
        .innerJoin('providers as p', 'p.id', 'a.provider_id')
        .select(['pe.article_id', 'pe.story_id', ...TEASER_COLUMNS])
        .where('pe.scope', '=', scopeKey(scope))
        .where('pe.listed_at', '>=', since)
        .where('a.status', '=', 'published')
        .orderBy('pe.scope', 'desc')
        .orderBy('pe.score', 'desc')
        .limit(Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT))
        .execute();
      return rows.map((r) => teaserOf(r, r.article_id, r.story_id));
    },
    async teasers(ids) {
      const wanted = [...new Set(ids)].slice(0, MAX_LIMIT);
      if (wanted.length === 0) return [];
      const rows = await db
        .selectFrom('articles as a')
        .innerJoin('providers as p', 'p.id', 'a.provider_id')
        .leftJoin('article_clusters as c', 'c.article_id', 'a.id')
        .select(['a.id', 'c.cluster_id', ...TEASER_COLUMNS])
        .where('a.id', 'in', wanted)
        .where('a.status', '=', 'published')
        .execute();
      const byId = new Map(rows.map((r) => [r.id, teaserOf(r, r.id, r.cluster_id ?? r.id)]));
      return wanted.flatMap((id) => byId.get(id) ?? []);
    },
    async storySizes(storyIds) {
      const sizes = new Map<number, number>(storyIds.map((id) => [id, 1]));
      if (storyIds.length === 0) return sizes;
      // A count over the (cluster_id, article_id) index: its cost follows the stories' sizes.
      const rows = await db
        .selectFrom('article_clusters')
        .select(['cluster_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('cluster_id', 'in', [...new Set(storyIds)].slice(0, MAX_LIMIT))
        .groupBy('cluster_id')
        .execute();
      for (const r of rows) sizes.set(r.cluster_id, Math.max(1, Number(r.n)));
      return sizes;
    },
  };
}

/** A teaser's picture: only a fetched and measured one; a teaser has no caption, so the caption stands in for missing alt text. */
function teaserImage(r: { lead_image_url: string | null; lead_image_alt: string | null; lead_image_caption: string | null; lead_image_status: string | null; lead_image_width: number | null; lead_image_height: number | null }): ShownImage | null {
  if (!r.lead_image_url) return null;
  return shownImage({
    url: r.lead_image_url,
    alt: r.lead_image_alt ?? r.lead_image_caption,
    caption: null,
    credit: null,
    status: (r.lead_image_status ?? 'pending') as LeadImageStatus,
    width: r.lead_image_width,
    height: r.lead_image_height,
  });
}
