import { sql, type Kysely } from 'kysely';
import { TIMED_DOCUMENT } from '../search/search-time-buckets.js';
import type { Engine } from '../store.js';

/**
 * PostgreSQL's search index becomes a GIN index on the document plus its time-bucket
 * lexemes (see search-time-buckets.ts), so that looking for a word's newest matches in a
 * window of time reads that window's matches, not every match in the archive. The index is
 * on an expression of columns already stored, so no row is rewritten: the upgrade is one
 * index build (minutes for a million stories), then fresh statistics for the planner. The
 * old index on the document alone goes, as no query uses it any more. SQLite's FTS5 index
 * reads its matches newest first already and is left as it is.
 */
export async function searchTimeBuckets(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`create index search_entries_timed_document_idx on search_entries using gin (${sql.raw(TIMED_DOCUMENT)})`.execute(db);
  await sql`drop index search_entries_document_idx`.execute(db);
  await sql`analyze search_entries`.execute(db);
}
