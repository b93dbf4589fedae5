import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * The repeat check (`findStamps`: is this guid stored, and with which source hash?) runs for
 * every item of every poll, and most items of a poll are repeats. It read each row from the
 * table: on SQLite `source_hash`, added after the body columns, sits behind the row's overflow
 * pages, so every lookup walked them (measured: 14 µs per item of 600 words, a third of an
 * unchanged item's cost). This index holds everything the check reads, so it never touches
 * the table: SQLite keys it on all the columns (every index carries the row id), PostgreSQL
 * keys it on (provider_id, guid) and carries the rest for index-only scans.
 */
export async function repeatCheckIndex(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create index articles_repeat_check on articles (provider_id, guid, source_hash, published_at, updated_at)`.execute(db);
  } else {
    await sql`create index articles_repeat_check on articles (provider_id, guid) include (source_hash, published_at, updated_at)`.execute(db);
  }
}
