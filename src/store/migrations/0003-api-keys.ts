import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Providers' API keys for the push API. Only a SHA-256 hash of each secret is stored (see
 * `src/domain/api-key.ts` for why a fast hash is right for random secrets); the key id is
 * the public half people see, and requests are authenticated by looking the key up by it.
 */
export async function apiKeys(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);
  await withIdColumn(db.schema.createTable('api_keys'), engine)
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .addColumn('last_used_at', ts)
    .execute();
  await db.schema.createIndex('api_keys_provider_idx').on('api_keys').column('provider_id').execute();
}
