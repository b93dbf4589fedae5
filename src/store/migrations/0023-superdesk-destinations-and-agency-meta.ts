import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType } from './column-types.js';

/**
 * One Superdesk "HTTP Push" destination per provider: the secret token Superdesk signs its
 * requests with. Unlike an API key it cannot be kept as a one-way hash, since checking an
 * HMAC-SHA1 signature needs the token itself, so it is kept sealed (AES-256-GCM with a key
 * derived from the server secret; see `src/domain/sealed-secret.ts`). A revoked destination
 * keeps its row, with the time it stopped working. Articles keep what an agency's newsroom
 * says of a story besides it (slugline, priority, urgency, keywords, places, custom `extra`
 * fields) as JSON in `agency_meta`: kept as sent, never queried by.
 */
export async function superdeskDestinationsAndAgencyMeta(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);
  await db.schema
    .createTable('superdesk_destinations')
    .addColumn('provider_id', 'integer', (c) => c.primaryKey().references('providers.id').onDelete('cascade'))
    .addColumn('sealed_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.alterTable('articles').addColumn('agency_meta', 'text').execute();
}
