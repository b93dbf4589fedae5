/**
 * The listing module's writing side: the listing entries of a story (one per scope it is
 * listed under, for its head and each provider's first version), rewritten before a write
 * transaction commits. The reading side is listing-repo.ts.
 */
import type { Kysely, Selectable } from 'kysely';
import { groupBy } from '../domain/group-by.js';
import { inChunks } from './in-chunks.js';
import { toDate } from './map-rows.js';
import type { ArticlesTable, Database } from './schema.js';

/** Bound parameters per statement stay well under both engines' limits. */
const MEMBERS_PER_QUERY = 5_000;

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
 * What refreshStories would write for stories each begun by an article created in this
 * transaction and alone in it (ingest's most common case: a new story), keyed by that article
 * (whose id is the story's), with the article's text for the search index: a new article has
 * no entries anywhere to replace, and a story named by its id can hold no older version. The
 * rules are refreshStories': a published article is its story's head and its provider's first
 * version. Every such story of a transaction is listed together, STORIES_PER_CHUNK at a time,
 * in three reads by key and one insert: one story at a time cost four statements per new
 * article, each a round trip on PostgreSQL.
 */
export async function listNewStories(db: Kysely<Database>, articleIds: readonly number[]): Promise<Map<number, ListedStory & { text?: IndexedText }>> {
  const listed = new Map<number, ListedStory & { text?: IndexedText }>();
  for (let i = 0; i < articleIds.length; i += STORIES_PER_CHUNK) {
    const chunk = articleIds.slice(i, i + STORIES_PER_CHUNK);
    const articles = await db
      .selectFrom('articles')
      .select(['id', 'provider_id', 'published_at', 'ingested_at', 'language', 'status', 'headline', 'summary', 'body_text'])
      .where('id', 'in', chunk)
      .execute();
    const published = articles.filter((a) => a.status === 'published');
    const ids = published.map((a) => a.id);
    const [categories, entities] = await Promise.all([
      ids.length === 0 ? Promise.resolve([]) : db.selectFrom('article_categories').select(['article_id', 'category_slug', 'position']).where('article_id', 'in', ids).orderBy('article_id').orderBy('category_slug').execute(),
      ids.length === 0 ? Promise.resolve([]) : db.selectFrom('article_entities').select(['article_id', 'entity_id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('entity_id').execute(),
    ]);
    const categoriesOf = groupBy(categories, (c) => c.article_id);
    const entitiesOf = groupBy(entities, (e) => e.article_id);
    const rows: ListingEntry[] = [];
    for (const id of chunk) listed.set(id, { tags: storyTags(id, []), entries: [] });
    for (const article of published) {
      const { id, headline, summary, body_text, language, provider_id } = article;
      const cats = (categoriesOf.get(id) ?? []).map(({ category_slug, position }) => ({ category_slug, position }));
      const entries = storyEntries(id, [article], cats.map((c) => c.category_slug), (entitiesOf.get(id) ?? []).map((e) => e.entity_id));
      rows.push(...entries);
      listed.set(id, { tags: storyTags(id, entries.map((e) => e.scope)), entries, text: { headline, summary, body_text, language, provider_id, categories: cats } });
    }
    await inChunks(rows, ENTRIES_PER_INSERT, async (part) => {
      await db.insertInto('listing_entries').values(part).execute();
      return [];
    });
  }
  return listed;
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
