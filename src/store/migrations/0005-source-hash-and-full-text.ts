import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { hasColumn } from './has-column.js';

/**
 * `articles.source_hash` (the hash of an item's bytes as sent, to skip repeats before the
 * pipeline) and `feeds.full_text` (complete teaser items from their linked pages). Both
 * were first added by editing 0001 and 0002 after they had landed; databases made in
 * between already have them, so each is added only where missing.
 */
export async function sourceHashAndFullText(db: Kysely<any>, engine: Engine): Promise<void> {
  if (!(await hasColumn(db, engine, 'articles', 'source_hash'))) {
    await db.schema.alterTable('articles').addColumn('source_hash', 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  if (!(await hasColumn(db, engine, 'feeds', 'full_text'))) {
    await db.schema.alterTable('feeds').addColumn('full_text', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
}
