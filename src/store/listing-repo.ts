import type { Kysely, Selectable } from 'kysely';
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
import { inChunks } from './in-chunks.js';
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
  const rows = await inChunks(articleIds, MEMBERS_PER_QUERY, (chunk) => db.selectFrom('article_clusters').select(['article_id', 'cluster_id']).where('article_id', 'in', chunk).execute());
  for (const r of rows) stories.set(r.article_id, r.cluster_id);
  return stories;
}

/** One row of listing_entries. */
export interface ListingEntry {
  scope: string;
  sort_at: number;
  article_id: number;
  story_id: number;
}

/** A story's listing entries as they now are, and the cache tags of every listing that gained, lost or changed it. */
export interface ListedStory {
  tags: string[];
  entries: ListingEntry[];
}

/** What a version's listing entries are made of. */
const LISTED = ['id', 'provider_id', 'published_at', 'ingested_at', 'language'] as const;
type ListedVersion = Pick<Selectable<ArticlesTable>, (typeof LISTED)[number]>;

/**
 * Stories rebuilt together, and ids per `in (…)` list of their reads by a small table's
 * index (categories, entities, clusters): each id is an index descent, and past about a
 * hundred PostgreSQL's planner rightly prefers a full scan of a table of a few hundred pages
 * (the plan tests' archive). Fifty keep every read an index read with room to spare, and
 * cost a few statements per fifty stories.
 */
const STORIES_PER_CHUNK = 50;
/** Listing entries per multi-row insert (four parameters each). */
const ENTRIES_PER_INSERT = 1_000;

/**
 * Where a version is listed: when it was published, or received if that was earlier (a
 * provider cannot move its copy to the top by dating it in the future).
 */
function sortAtOf(version: Pick<ListedVersion, 'published_at' | 'ingested_at'>): number {
  return Math.min(toDate(version.published_at).getTime(), toDate(version.ingested_at).getTime());
}

/**
 * The versions a story lists, from its published versions in any order: each provider's
 * first version (the lowest id), in id order, so the first of them is the story's head: its
 * published version received first (a provider cannot take a story over by backdating its
 * copy). Empty for a story with no published version.
 */
function listedVersions<V extends Pick<ListedVersion, 'id' | 'provider_id'>>(published: readonly V[]): V[] {
  const firstByProvider = new Map<number, V>();
  for (const v of [...published].sort((x, y) => x.id - y.id)) if (!firstByProvider.has(v.provider_id)) firstByProvider.set(v.provider_id, v);
  return [...firstByProvider.values()];
}

/**
 * A story's listing entries: its head under latest, its language, its categories and its
 * entities; each provider's first version under that provider. `firsts` is listedVersions'
 * answer (head first); the categories and entities are the head's.
 */
function storyEntries(storyId: number, firsts: readonly ListedVersion[], categories: readonly string[], entities: readonly number[]): ListingEntry[] {
  const entries: ListingEntry[] = [];
  const add = (scope: string, version: ListedVersion) => entries.push({ scope, sort_at: sortAtOf(version), article_id: version.id, story_id: storyId });
  const head = firsts[0];
  if (head !== undefined) {
    add('latest', head);
    add(`lang:${head.language.toLowerCase()}`, head);
    for (const slug of categories) add(`category:${slug}`, head);
    for (const entity of entities) add(`entity:${entity}`, head);
  }
  for (const f of firsts) add(`provider:${f.provider_id}`, f);
  return entries;
}

/** A story's cache tags: its own, and those of the listings (scopes) it was or is in. */
function storyTags(storyId: number, scopes: Iterable<string>): string[] {
  return [`story:${storyId}`, ...[...new Set(scopes)].map((s) => `scope:${s}`)];
}

/** Groups rows by a key, keeping their order within each group. */
function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Rewrites these stories' listing entries from what is stored, and returns each one's
 * entries as they now are (the search index follows them without reading them back) and
 * the cache tags of every listing that gained, lost or changed it. The rules are
 * listedVersions' and storyEntries'. The stories are rebuilt STORIES_PER_CHUNK at a time,
 * each chunk in a bounded number of statements whatever its size: a story split into
 * thousands (its head unpublished) cost a dozen statements per story, tens of thousands in
 * one transaction. Run it in the transaction that made the change.
 */
export async function refreshStories(db: Kysely<Database>, storyIds: readonly number[]): Promise<Map<number, ListedStory>> {
  const refreshed = new Map<number, ListedStory>();
  const unique = [...new Set(storyIds)];
  for (let i = 0; i < unique.length; i += STORIES_PER_CHUNK) {
    for (const [id, story] of await refreshChunk(db, unique.slice(i, i + STORIES_PER_CHUNK))) refreshed.set(id, story);
  }
  return refreshed;
}

async function refreshChunk(db: Kysely<Database>, storyIds: readonly number[]): Promise<Map<number, ListedStory>> {
  // The stories' versions from the (cluster_id, article_id) index, then their providers and
  // status by primary key: index reads whose cost follows the stories' sizes, never the
  // archive's (a join lets PostgreSQL's planner pick a full scan for a big story).
  const members = await db
    .selectFrom('article_clusters')
    .select(['article_id', 'cluster_id'])
    .where('cluster_id', 'in', [...storyIds])
    .orderBy('cluster_id')
    .orderBy('article_id')
    .execute();
  const storyOf = new Map(members.map((m) => [m.article_id, m.cluster_id]));
  // Each version is read with what its listing entries need, so nothing is read twice.
  const published = await inChunks([...storyOf.keys()], MEMBERS_PER_QUERY, (chunk) =>
    db.selectFrom('articles').select(LISTED).where('id', 'in', chunk).where('status', '=', 'published').execute(),
  );
  const versions = groupBy(published, (v) => storyOf.get(v.id)!);
  const firsts = new Map(storyIds.map((id) => [id, listedVersions(versions.get(id) ?? [])]));
  const unlisted = storyIds.filter((id) => firsts.get(id)!.length === 0);
  if (unlisted.length > 0) {
    // An article outside any cluster is a story of its own.
    const alone = await db
      .selectFrom('articles')
      .select(LISTED)
      .where('id', 'in', unlisted)
      .where('status', '=', 'published')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('article_clusters').select('article_id').whereRef('article_id', '=', 'articles.id'))))
      .execute();
    for (const a of alone) firsts.set(a.id, [a]);
  }
  const heads = storyIds.flatMap((id) => firsts.get(id)!.slice(0, 1).map((head) => head.id));
  const [categories, entities] = await Promise.all([
    heads.length === 0 ? Promise.resolve([]) : db.selectFrom('article_categories').select(['article_id', 'category_slug']).where('article_id', 'in', heads).execute(),
    heads.length === 0 ? Promise.resolve([]) : db.selectFrom('article_entities').select(['article_id', 'entity_id']).where('article_id', 'in', heads).execute(),
  ]);
  const categoriesOf = groupBy(categories, (c) => c.article_id);
  const entitiesOf = groupBy(entities, (e) => e.article_id);
  const entries = new Map<number, ListingEntry[]>();
  const listedIn = new Map<number, number>();
  for (const [storyId, listed] of firsts) {
    const head = listed[0];
    const headCategories = (head && categoriesOf.get(head.id)?.map((c) => c.category_slug)) ?? [];
    const headEntities = (head && entitiesOf.get(head.id)?.map((e) => e.entity_id)) ?? [];
    entries.set(storyId, storyEntries(storyId, listed, headCategories, headEntities));
    for (const f of listed) listedIn.set(f.id, storyId);
  }

  // The entries this refresh replaces: the stories' own, and any their listed versions still
  // hold under a story they have left (an article belongs to one story at a time).
  const replaced = new Map<number, string[]>(storyIds.map((id) => [id, []]));
  for (const r of await db.deleteFrom('listing_entries').where('story_id', 'in', [...storyIds]).returning(['scope', 'story_id']).execute()) {
    replaced.get(r.story_id)!.push(r.scope);
  }
  const left = await inChunks([...listedIn.keys()], STORIES_PER_CHUNK, (chunk) =>
    db.deleteFrom('listing_entries').where('article_id', 'in', chunk).returning(['scope', 'article_id']).execute(),
  );
  for (const r of left) replaced.get(listedIn.get(r.article_id)!)!.push(r.scope);
  await inChunks([...entries.values()].flat(), ENTRIES_PER_INSERT, async (rows) => {
    await db.insertInto('listing_entries').values(rows).execute();
    return [];
  });
  return new Map(storyIds.map((id) => [id, { tags: storyTags(id, [...replaced.get(id)!, ...entries.get(id)!.map((e) => e.scope)]), entries: entries.get(id)! }]));
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
 * What refreshStories would write for a story begun by an article created in this transaction
 * and alone in it (ingest's most common case: a new story), in three reads by key and no
 * delete, and the article's text for the search index: a new article has no entries anywhere
 * to replace, and a story named by its id can hold no older version. The rules are
 * refreshStories': a published article is its story's head and its provider's first version.
 */
export async function listNewStory(db: Kysely<Database>, articleId: number): Promise<ListedStory & { text?: IndexedText }> {
  const article = await db
    .selectFrom('articles')
    .select(['provider_id', 'published_at', 'ingested_at', 'language', 'status', 'headline', 'summary', 'body_text'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (article?.status !== 'published') return { tags: storyTags(articleId, []), entries: [] };
  const [categories, entities] = await Promise.all([
    db.selectFrom('article_categories').select(['category_slug', 'position']).where('article_id', '=', articleId).execute(),
    db.selectFrom('article_entities').select('entity_id').where('article_id', '=', articleId).execute(),
  ]);
  const entries = storyEntries(
    articleId,
    [{ ...article, id: articleId }],
    categories.map((c) => c.category_slug),
    entities.map((e) => e.entity_id),
  );
  await db.insertInto('listing_entries').values(entries).execute();
  const { headline, summary, body_text, language, provider_id } = article;
  return { tags: storyTags(articleId, entries.map((e) => e.scope)), entries, text: { headline, summary, body_text, language, provider_id, categories } };
}

/**
 * What refreshStories would write for a story that, in this transaction, only gained versions
 * created in it, without reading the story's other versions: the head and each provider's
 * first version stay as they are (the new versions were received after them), and a new
 * version adds an entry only for a provider the story had none from. A story of thousands of
 * versions made each new version read them all, so ingest slowed as a story grew. Null when
 * that does not hold (a new story, a story without a listed head, or a version numbered
 * below one the story lists, as when two transactions commit out of order): refreshStories
 * then rebuilds the story.
 */
export async function appendVersions(db: Kysely<Database>, storyId: number, createdIds: readonly number[]): Promise<ListedStory | null> {
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
    added.push({ scope, sort_at: sortAtOf(version), article_id: version.id, story_id: storyId });
  }
  if (added.length > 0) await db.insertInto('listing_entries').values(added).execute();
  return { tags: storyTags(storyId, scopes), entries: [...listed, ...added] };
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
