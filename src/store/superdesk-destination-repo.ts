import type { Kysely, Selectable } from 'kysely';
import { GazetteError } from '../domain/errors.js';
import type { StoredSuperdeskDestination, SuperdeskDestination } from '../domain/superdesk-destination.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Database, SuperdeskDestinationsTable } from './schema.js';

/** Providers' Superdesk destinations: one per provider, its token kept sealed. */
export interface SuperdeskDestinationRepo {
  /** Sets the provider's token (a first one or a rotation): the old one stops working, a revoked destination works again. */
  save(providerId: number, sealedToken: string, at?: Date): Promise<SuperdeskDestination>;
  /** The provider's destination with its sealed token, revoked or not; undefined when it never had one. */
  find(providerId: number): Promise<StoredSuperdeskDestination | undefined>;
  /** Stops the token working; NOT_FOUND when the provider has no destination. Revoking twice keeps the first time. */
  revoke(providerId: number, at?: Date): Promise<SuperdeskDestination>;
}

/** Superdesk destinations on any engine. */
export function superdeskDestinationRepo(db: Kysely<Database>): SuperdeskDestinationRepo {
  return {
    async save(providerId, sealedToken, at = new Date()) {
      const values = { sealed_token: sealedToken, created_at: toTimestamp(at), revoked_at: null };
      const row = await db
        .insertInto('superdesk_destinations')
        .values({ provider_id: providerId, ...values })
        .onConflict((oc) => oc.column('provider_id').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDestination(row);
    },

    async find(providerId) {
      const row = await db.selectFrom('superdesk_destinations').selectAll().where('provider_id', '=', providerId).executeTakeFirst();
      return row && { ...toDestination(row), sealedToken: row.sealed_token };
    },

    async revoke(providerId, at = new Date()) {
      const row = await db.selectFrom('superdesk_destinations').selectAll().where('provider_id', '=', providerId).executeTakeFirst();
      if (!row) throw new GazetteError('NOT_FOUND', 'This provider has no Superdesk destination.');
      if (row.revoked_at !== null) return toDestination(row);
      const updated = await db
        .updateTable('superdesk_destinations')
        .set({ revoked_at: toTimestamp(at) })
        .where('provider_id', '=', providerId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDestination(updated);
    },
  };
}

function toDestination(row: Selectable<SuperdeskDestinationsTable>): SuperdeskDestination {
  return { providerId: row.provider_id, createdAt: toDate(row.created_at), revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at) };
}
