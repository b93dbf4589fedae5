import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType } from './column-types.js';

/**
 * Listings that cost the same at any archive size. Every list of stories (latest, a
 * category, a provider, an entity) is a range of one table, `listing_entries`, keyed by
 * (scope, sort_at, article_id): a page is one index range scan, with no count, no offset and
 * no "is there an earlier version" subquery. The store keeps it in step with articles,
 * categories, entities and story clusters in the same transaction as every write.
 *
 * SQLite also gets `content_changes`, the log other processes on the same file read to drop
 * cached pages (PostgreSQL nodes hear about changes through LISTEN/NOTIFY instead).
 */
export async function listings(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('listing_entries')
    // 'latest', 'category:<slug>', 'provider:<id>' or 'entity:<id>'.
    .addColumn('scope', 'text', (c) => c.notNull())
    // Milliseconds since 1970 of the earlier of the claimed publication time and the time
    // Gazette received the story, so a story dated in the future never outranks the present.
    .addColumn('sort_at', 'bigint', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // The story (cluster id) the entry stands for: a story's entries are replaced together.
    .addColumn('story_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_entries_pk', ['scope', 'sort_at', 'article_id'])
    // On SQLite the table is its key: a page is read in key order with no second lookup.
    .$call((t) => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema.createIndex('listing_entries_story_idx').on('listing_entries').column('story_id').execute();
  await db.schema.createIndex('listing_entries_article_idx').on('listing_entries').column('article_id').execute();

  if (engine === 'sqlite') {
    await db.schema
      .createTable('content_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', timestampType(engine), (c) => c.notNull())
      // Space-separated cache tags, e.g. "article:12 story:12 scope:latest".
      .addColumn('tags', 'text', (c) => c.notNull())
      .execute();
  }

  await backfill(db, engine);
}

/**
 * Fills the listings from what is stored, with the rules of this migration: a story is its
 * cluster (or the article alone); its head is the published version received first (lowest
 * id); the head is listed under latest, its categories and its entities; each provider
 * lists its own first version of the story.
 */
async function backfill(db: Kysely<any>, engine: Engine): Promise<void> {
  const sortAt =
    engine === 'postgres'
      ? sql`(extract(epoch from least(a.published_at, a.ingested_at)) * 1000)::bigint`
      : sql`cast(round(unixepoch(min(a.published_at, a.ingested_at), 'subsec') * 1000) as integer)`;
  // One pass over the articles, numbering each story's versions (and each provider's within
  // it) in the order received; materialized once, then joined to categories and entities by key.
  await sql`
    with story as materialized (
      select a.id, a.provider_id, coalesce(c.cluster_id, a.id) as story_id, ${sortAt} as sort_at,
        row_number() over (partition by coalesce(c.cluster_id, a.id) order by a.id) as story_rank,
        row_number() over (partition by coalesce(c.cluster_id, a.id), a.provider_id order by a.id) as provider_rank
      from articles a left join article_clusters c on c.article_id = a.id
      where a.status = 'published'
    )
    insert into listing_entries (scope, sort_at, article_id, story_id)
    select 'latest', h.sort_at, h.id, h.story_id from story h where h.story_rank = 1
    union all
    select 'category:' || ac.category_slug, h.sort_at, h.id, h.story_id
      from story h join article_categories ac on ac.article_id = h.id where h.story_rank = 1
    union all
    select 'entity:' || cast(ae.entity_id as text), h.sort_at, h.id, h.story_id
      from story h join article_entities ae on ae.article_id = h.id where h.story_rank = 1
    union all
    select 'provider:' || cast(p.provider_id as text), p.sort_at, p.id, p.story_id from story p where p.provider_rank = 1
  `.execute(db);
}
