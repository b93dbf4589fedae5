import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * Event-level story clustering (issue 13): reports of one event rewritten by different
 * agencies share rare terms and entities, not word shingles.
 * - `event_keys (key, at, article_id)`: the inverted index on each article's few rarest
 *   telling terms ("t:<term>") and entities ("e:<slug>"). A lookup reads one key's range
 *   within the time window, newest first, a bounded number of rows: its cost does not grow
 *   with the store.
 * - `event_profiles`: each article's TF-IDF vector, entities, places and time, as JSON.
 * - `event_term_docs`: document frequencies, added to as articles arrive ('#docs' counts them).
 * Articles stored before this migration have no profile until reprocessed.
 */
export async function eventClusters(db: Kysely<any>, engine: Engine): Promise<void> {
  const keyed = <T extends { modifyEnd(s: unknown): T }>(t: T): T => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  await db.schema
    .createTable('event_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_keys_pk', ['key', 'at', 'article_id'])
    .$call(keyed)
    .execute();
  await db.schema.createIndex('event_keys_article_idx').on('event_keys').column('article_id').execute();
  await db.schema
    .createTable('event_profiles')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('profile', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('event_term_docs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('docs', 'bigint', (c) => c.notNull())
    .$call(keyed)
    .execute();
}
