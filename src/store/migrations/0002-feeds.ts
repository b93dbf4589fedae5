import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/** Feeds that Gazette pulls: schedule, conditional-GET validators, health, WebSub and claims. */
export async function feeds(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);

  await withIdColumn(db.schema.createTable('feeds'), engine)
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    // 0/1 on both engines: SQLite has no boolean type.
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('poll_interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_poll_at', ts, (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetch_at', ts)
    .addColumn('last_success_at', ts)
    .addColumn('last_status', 'integer')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_new_item_at', ts)
    // The feed's usual gap between new items, learnt from the polls, for quiet detection.
    .addColumn('typical_interval_seconds', 'integer')
    .addColumn('quiet_since', ts)
    .addColumn('websub_hub', 'text')
    .addColumn('websub_topic', 'text')
    .addColumn('websub_secret', 'text')
    .addColumn('websub_lease_until', ts)
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('feeds_provider_url_unique', ['provider_id', 'url'])
    .execute();

  // The scheduler asks "which feeds are due" on every tick.
  await db.schema.createIndex('feeds_next_poll_idx').on('feeds').column('next_poll_at').execute();
}
