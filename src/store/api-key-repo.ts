import type { Kysely, Selectable } from 'kysely';
import type { ApiKey } from '../domain/api-key.js';
import { GazetteError } from '../domain/errors.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { ApiKeysTable, Database } from './schema.js';
import type { ApiKeyRepo, StoredApiKey } from './store.js';

/** Providers' API keys on any engine. Only hashes of secrets ever reach this table. */
export function apiKeyRepo(db: Kysely<Database>): ApiKeyRepo {
  return {
    async create({ providerId, keyId, secretHash }) {
      const row = await db
        .insertInto('api_keys')
        .values({
          provider_id: providerId,
          key_id: keyId,
          secret_hash: secretHash,
          created_at: toTimestamp(new Date()),
          revoked_at: null,
          last_used_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApiKey(row);
    },

    async findByKeyId(keyId) {
      const row = await db.selectFrom('api_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
      return row && { ...toApiKey(row), secretHash: row.secret_hash };
    },

    async listByProvider(providerId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('provider_id', '=', providerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toApiKey);
    },

    async revoke(providerId, keyId, at = new Date()) {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('provider_id', '=', providerId)
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      if (!row) throw new GazetteError('NOT_FOUND', `This provider has no API key "${keyId}".`);
      // Revoking twice keeps the first time: it is when the key stopped working.
      if (row.revoked_at !== null) return toApiKey(row);
      const updated = await db
        .updateTable('api_keys')
        .set({ revoked_at: toTimestamp(at) })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApiKey(updated);
    },

    async markUsed(id, at) {
      await db.updateTable('api_keys').set({ last_used_at: toTimestamp(at) }).where('id', '=', id).execute();
    },
  };
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    providerId: row.provider_id,
    keyId: row.key_id,
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? null : toDate(row.last_used_at),
  };
}

