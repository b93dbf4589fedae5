import type { Kysely, Selectable } from 'kysely';
import type { ApiKey } from '../domain/api-key.js';
import { GazetteError } from '../domain/errors.js';
import { keyTable } from './key-table.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { ApiKeysTable, Database } from './schema.js';
import type { ApiKeyRepo, StoredApiKey } from './store.js';

/** Providers' API keys on any engine. Only hashes of secrets ever reach this table. */
export function apiKeyRepo(db: Kysely<Database>): ApiKeyRepo {
  const keys = keyTable(db, 'api_keys', toApiKey);
  return {
    create: ({ providerId, keyId, secretHash }) =>
      keys.insert({ provider_id: providerId, key_id: keyId, secret_hash: secretHash, created_at: toTimestamp(new Date()), revoked_at: null, last_used_at: null }),

    findByKeyId: (keyId) => keys.findByKeyId(keyId),

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
      // Only a key of this provider: another provider's key id is NOT_FOUND.
      const key = await keys.revoke(keyId, at, { provider_id: providerId });
      if (!key) throw new GazetteError('NOT_FOUND', `This provider has no API key "${keyId}".`);
      return key;
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

