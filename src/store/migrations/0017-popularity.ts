import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * "Most popular" (see src/domain/popularity.ts for the score). `story_popularity` holds each
 * viewed story's score; nodes add their counted views to it with one upsert per flush, so on
 * PostgreSQL the counts of every node add up. `popular_entries` is the ranking: the story's
 * head under each listing it heads (latest, its categories, its language) with its score and
 * listing time, so "most popular in Business this week" is one index range scan in score
 * order, like every other listing. No IP, visitor hash or per-view row is ever stored.
 */
export async function popularity(db: Kysely<any>, engine: Engine): Promise<void> {
  const float = engine === 'postgres' ? 'double precision' : 'real';
  await db.schema
    .createTable('story_popularity')
    .addColumn('story_id', 'integer', (c) => c.primaryKey())
    .addColumn('score', float, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('popular_entries')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('story_id', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // The story's listing time (ms), as in listing_entries: the windows (24 h, 7 days) bound it.
    .addColumn('listed_at', 'bigint', (c) => c.notNull())
    .addColumn('score', float, (c) => c.notNull())
    .addPrimaryKeyConstraint('popular_entries_pk', ['scope', 'story_id'])
    .execute();
  // The ranking order of a scope; listed_at and article_id ride along so the scan needs no row.
  await db.schema.createIndex('popular_entries_rank_idx').on('popular_entries').columns(['scope', 'score', 'listed_at', 'article_id']).execute();
  // Entries older than the longest window are pruned by this.
  await db.schema.createIndex('popular_entries_listed_idx').on('popular_entries').column('listed_at').execute();
  await db.schema.createIndex('popular_entries_article_idx').on('popular_entries').column('article_id').execute();
}
