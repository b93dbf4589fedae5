import type { Kysely } from 'kysely';

/**
 * `feeds.body_hash`: the SHA-256 of the last feed body a poll read in full and stored every
 * item of. Many servers answer a conditional GET with the whole feed again (no ETag, no
 * Last-Modified); the same bytes are then not parsed or looked up a second time.
 */
export async function feedBodyHash(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('body_hash', 'text').execute();
}
