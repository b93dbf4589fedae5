import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Syndication out. A listing per language (`lang:<tag>`), for language feeds and the API's
 * `lang` filter: a story's head is listed under its language as under latest, so the
 * entries are the latest entries relabelled, in one statement. And partners' read keys,
 * each with its own rate limit; only a SHA-256 hash of each secret is stored, as for
 * providers' keys.
 */
export async function syndication(db: Kysely<any>, engine: Engine): Promise<void> {
  await sql`
    insert into listing_entries (scope, sort_at, article_id, story_id)
    select 'lang:' || lower(a.language), le.sort_at, le.article_id, le.story_id
    from listing_entries le join articles a on a.id = le.article_id
    where le.scope = 'latest'
  `.execute(db);

  const ts = timestampType(engine);
  await withIdColumn(db.schema.createTable('partner_keys'), engine)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('per_minute', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
}
