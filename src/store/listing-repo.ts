import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
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
import type { ArticlesTable, Database } from './schema.js';

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

/** Bound parameters per statement stay well under both engines' limits. */
const MEMBERS_PER_QUERY = 5_000;

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

/**
 * The stories articles belong to: each one's cluster, or the article itself when it has
 * none. One primary-key lookup per chunk of articles, not one per article.
 */
export async function storiesOf(db: Kysely<Database>, articleIds: readonly number[]): Promise<Map<number, number>> {
  const stories = new Map<number, number>(articleIds.map((id) => [id, id]));
  for (let i = 0; i < articleIds.length; i += MEMBERS_PER_QUERY) {
    const chunk = articleIds.slice(i, i + MEMBERS_PER_QUERY);
    const rows = await db.selectFrom('article_clusters').select(['article_id', 'cluster_id']).where('article_id', 'in', chunk).execute();
    for (const r of rows) stories.set(r.article_id, r.cluster_id);
  }
  return stories;
}

/** One row of listing_entries. */
export interface ListingEntry {
  scope: string;
  sort_at: number;
  article_id: number;
  story_id: number;
}

/**
 * Rewrites one story's listing entries from what is stored, and returns the cache tags of
 * every listing that gained, lost or changed a story, and the story's entries as they now
 * are (the search index follows them without reading them back). The rules: a story's head is its
 * published version received first (the lowest id; a provider cannot take a story over by
 * backdating its copy), listed under latest, its language, its categories and its entities; each
 * provider lists its own first version. Run it in the transaction that made the change.
 */
export async function refreshStory(db: Kysely<Database>, storyId: number): Promise<{ tags: string[]; entries: ListingEntry[] }> {
  // The story's versions from the (cluster_id, article_id) index, then their providers and
  // status by primary key: two index reads whose cost follows the story's size, never the
  // archive's (a join lets PostgreSQL's planner pick a full scan for a big story).
  const memberIds = (
    await db.selectFrom('article_clusters').select('article_id').where('cluster_id', '=', storyId).orderBy('cluster_id').orderBy('article_id').execute()
  ).map((r) => r.article_id);
  // Each version is read with what its listing entries need, so nothing is read twice.
  const listed = ['id', 'provider_id', 'published_at', 'ingested_at', 'language'] as const;
  const versions: Pick<Selectable<ArticlesTable>, (typeof listed)[number]>[] = [];
  for (let i = 0; i < memberIds.length; i += MEMBERS_PER_QUERY) {
    const chunk = memberIds.slice(i, i + MEMBERS_PER_QUERY);
    versions.push(...(await db.selectFrom('articles').select(listed).where('id', 'in', chunk).where('status', '=', 'published').execute()));
  }
  versions.sort((x, y) => x.id - y.id);
  const firstByProvider = new Map<number, (typeof versions)[number]>();
  for (const v of versions) if (!firstByProvider.has(v.provider_id)) firstByProvider.set(v.provider_id, v);
  const firsts = [...firstByProvider.values()];
  if (firsts.length === 0) {
    // An article outside any cluster is a story of its own.
    const alone = await db
      .selectFrom('articles')
      .select(listed)
      .where('id', '=', storyId)
      .where('status', '=', 'published')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('article_clusters').select('article_id').whereRef('article_id', '=', 'articles.id'))))
      .executeTakeFirst();
    if (alone) firsts.push(alone);
  }
  const ids = firsts.map((f) => f.id);
  // The entries this refresh replaces: the story's own, and any its versions still hold
  // under a story they have left (an article belongs to one story at a time).
  const stale = (eb: ExpressionBuilder<Database, 'listing_entries'>) =>
    ids.length > 0 ? eb.or([eb('story_id', '=', storyId), eb('article_id', 'in', ids)]) : eb('story_id', '=', storyId);
  const head = firsts.reduce<(typeof firsts)[number] | undefined>((min, f) => (min === undefined || f.id < min.id ? f : min), undefined);
  const headId = head?.id;
  const [categories, entities, before] = await Promise.all([
    headId === undefined
      ? Promise.resolve([])
      : db.selectFrom('article_categories').select('category_slug').where('article_id', '=', headId).execute(),
    headId === undefined
      ? Promise.resolve([])
      : db.selectFrom('article_entities').select('entity_id').where('article_id', '=', headId).execute(),
    db.selectFrom('listing_entries').select('scope').where(stale).execute(),
  ]);
  const entries: ListingEntry[] = [];
  const add = (scope: string, version: (typeof firsts)[number]) =>
    entries.push({
      scope,
      sort_at: Math.min(toDate(version.published_at).getTime(), toDate(version.ingested_at).getTime()),
      article_id: version.id,
      story_id: storyId,
    });
  if (head !== undefined) {
    add('latest', head);
    add(`lang:${head.language.toLowerCase()}`, head);
    for (const c of categories) add(`category:${c.category_slug}`, head);
    for (const e of entities) add(`entity:${e.entity_id}`, head);
  }
  for (const f of firsts) add(`provider:${f.provider_id}`, f);

  await db.deleteFrom('listing_entries').where(stale).execute();
  if (entries.length > 0) await db.insertInto('listing_entries').values(entries).execute();
  const scopes = new Set([...before.map((b) => b.scope), ...entries.map((e) => e.scope)]);
  return { tags: [`story:${storyId}`, ...[...scopes].map((s) => `scope:${s}`)], entries };
}

/** What the search index needs of an article: read once with its listing entries, not again. */
export interface IndexedText {
  headline: string;
  summary: string;
  body_text: string;
  language: string;
  provider_id: number;
  categories: { category_slug: string; position: number }[];
}

/**
 * What refreshStory would write for a story begun by an article created in this transaction
 * and alone in it (ingest's most common case: a new story), in three reads by key and no
 * delete, and the article's text for the search index: a new article has no entries anywhere
 * to replace, and a story named by its id can hold no older version. The rules are
 * refreshStory's: a published article is its story's head and its provider's first version.
 */
export async function listNewStory(db: Kysely<Database>, articleId: number): Promise<{ tags: string[]; entries: ListingEntry[]; text?: IndexedText }> {
  const article = await db
    .selectFrom('articles')
    .select(['provider_id', 'published_at', 'ingested_at', 'language', 'status', 'headline', 'summary', 'body_text'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (article?.status !== 'published') return { tags: [`story:${articleId}`], entries: [] };
  const [categories, entities] = await Promise.all([
    db.selectFrom('article_categories').select(['category_slug', 'position']).where('article_id', '=', articleId).execute(),
    db.selectFrom('article_entities').select('entity_id').where('article_id', '=', articleId).execute(),
  ]);
  const sort_at = Math.min(toDate(article.published_at).getTime(), toDate(article.ingested_at).getTime());
  const scopes = [
    'latest',
    `lang:${article.language.toLowerCase()}`,
    ...categories.map((c) => `category:${c.category_slug}`),
    ...entities.map((e) => `entity:${e.entity_id}`),
    `provider:${article.provider_id}`,
  ];
  const entries = scopes.map((scope) => ({ scope, sort_at, article_id: articleId, story_id: articleId }));
  await db.insertInto('listing_entries').values(entries).execute();
  const { headline, summary, body_text, language, provider_id } = article;
  return { tags: [`story:${articleId}`, ...new Set(scopes.map((s) => `scope:${s}`))], entries, text: { headline, summary, body_text, language, provider_id, categories } };
}

/**
 * What refreshStory would write for a story that, in this transaction, only gained versions
 * created in it, without reading the story's other versions: the head and each provider's
 * first version stay as they are (the new versions were received after them), and a new
 * version adds an entry only for a provider the story had none from. A story of thousands of
 * versions made each new version read them all, so ingest slowed as a story grew. Null when
 * that does not hold (a new story, a story without a listed head, or a version numbered
 * below one the story lists, as when two transactions commit out of order): refreshStory
 * then rebuilds the story.
 */
export async function appendVersions(
  db: Kysely<Database>,
  storyId: number,
  createdIds: readonly number[],
): Promise<{ tags: string[]; entries: ListingEntry[] } | null> {
  if (createdIds.length === 0 || createdIds.includes(storyId)) return null;
  const listed = (await db.selectFrom('listing_entries').select(['scope', 'sort_at', 'article_id', 'story_id']).where('story_id', '=', storyId).execute()).map(
    (e) => ({ ...e, sort_at: Number(e.sort_at) }),
  );
  const firstCreated = Math.min(...createdIds);
  if (!listed.some((e) => e.scope === 'latest') || listed.some((e) => e.article_id >= firstCreated)) return null;
  const created = await db
    .selectFrom('articles')
    .select(['id', 'provider_id', 'published_at', 'ingested_at', 'status'])
    .where('id', 'in', [...createdIds])
    .orderBy('id')
    .execute();
  const scopes = new Set(listed.map((e) => e.scope));
  const added: ListingEntry[] = [];
  for (const version of created) {
    const scope = `provider:${version.provider_id}`;
    if (version.status !== 'published' || scopes.has(scope)) continue;
    scopes.add(scope);
    added.push({
      scope,
      sort_at: Math.min(toDate(version.published_at).getTime(), toDate(version.ingested_at).getTime()),
      article_id: version.id,
      story_id: storyId,
    });
  }
  if (added.length > 0) await db.insertInto('listing_entries').values(added).execute();
  return { tags: [`story:${storyId}`, ...[...scopes].map((s) => `scope:${s}`)], entries: [...listed, ...added] };
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
