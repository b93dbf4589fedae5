import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType } from './column-types.js';

/**
 * Rotating a webhook's signing secret without losing events: after a rotation the old secret
 * is kept until `previous_secret_until`, and deliveries until then carry a signature by
 * each, so a partner can switch its receiver to the new secret at any time in that window.
 */
export async function webhookSecretRotation(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.alterTable('webhooks').addColumn('previous_secret', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('previous_secret_until', timestampType(engine)).execute();
  await db.schema.alterTable('webhooks').addColumn('secret_rotated_at', timestampType(engine)).execute();
}
