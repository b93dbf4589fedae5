import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType } from './column-types.js';

/**
 * Providers' logos. An uploaded picture is kept in the database, not on one node's disk, so
 * every node serves it and a backup holds it: `image_assets` keys the bytes by their SHA-256
 * (`asset:logo-<hash>`), so a new upload is a new key and its image URLs never go stale in a
 * cache. The provider names its asset and the measured size, which pages need to reserve space.
 */
export async function providerLogos(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('image_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', timestampType(engine), (c) => c.notNull())
    .execute();
  await db.schema.alterTable('providers').addColumn('logo_asset', 'text').execute();
  for (const column of ['logo_width', 'logo_height']) await db.schema.alterTable('providers').addColumn(column, 'integer').execute();
}
