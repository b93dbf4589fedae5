import type { Kysely } from 'kysely';
import { reindexCjkEntries } from '../search/search-index-writer.js';
import type { Engine } from '../store.js';

/**
 * Search splits Chinese and Japanese text into words (src/domain/cjk-words.ts) at index and
 * query time; the stories indexed before it are indexed again so their words are found.
 */
export async function cjkSearchWords(db: Kysely<any>, engine: Engine): Promise<void> {
  await reindexCjkEntries(db, engine);
}
