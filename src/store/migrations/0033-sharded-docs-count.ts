import { sql, type Kysely } from 'kysely';

/**
 * The count of profiled articles in `event_term_docs` was one row ('#docs') that every
 * clustered article added to: on PostgreSQL, ingest transactions committing at once queued
 * on its row lock. It is now split over the rows '#docs:0'…'#docs:15' (an article adds to
 * the row of its id modulo 16; readers add them up): the count so far moves to '#docs:0'.
 */
export async function shardedDocsCount(db: Kysely<any>): Promise<void> {
  await sql`update event_term_docs set key = '#docs:0' where key = '#docs'`.execute(db);
}
