import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * Views per day and provider, for the admin dashboards: each flush of counted views adds to
 * its (day, provider) rows, as it adds to story scores, so every node's views add up. Days
 * are whole UTC days since 1970; the key leads with the day, so "the last 7 days" is one
 * index range. No visitor or IP is stored, only counts.
 */
export async function dailyViews(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('daily_views')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('views', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_views_pk', ['day', 'provider_id'])
    .execute();
}
