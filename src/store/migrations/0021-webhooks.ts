import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Webhooks for partners, as a transactional outbox: every article change that partners hear
 * of writes a row in `webhook_outbox` in the same transaction as the article, so an event
 * exists exactly when its change committed, even across a crash. A dispatcher turns each
 * outbox row into one `webhook_deliveries` row per matching endpoint (the durable queue),
 * and sends those with retries; the delivery rows are also the delivery log.
 */
export async function webhooks(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);
  await withIdColumn(db.schema.createTable('webhook_outbox'), engine)
    .addColumn('article_id', 'integer', (c) => c.notNull())
    // 'created', 'updated', 'taken_down' or 'restored'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();

  await withIdColumn(db.schema.createTable('webhooks'), engine)
    .addColumn('partner_key_id', 'integer', (c) => c.notNull().references('partner_keys.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    // Kept as is: the dispatcher needs it to sign every delivery (HMAC-SHA256).
    .addColumn('secret', 'text', (c) => c.notNull())
    // Filters; null matches everything.
    .addColumn('category', 'text')
    .addColumn('provider', 'text')
    .addColumn('entity', 'text')
    .addColumn('language', 'text')
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('disabled_at', ts)
    .addColumn('disabled_reason', 'text')
    .execute();
  await db.schema.createIndex('webhooks_partner_idx').on('webhooks').column('partner_key_id').execute();

  await withIdColumn(db.schema.createTable('webhook_deliveries'), engine)
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    // The event's id, the same on every attempt, so a receiver can drop a repeat.
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // 'pending', 'delivered' or 'failed' (given up).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', ts)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  // The dispatcher's claim: due pending deliveries, soonest first (a range scan).
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  // The delivery log of one endpoint, newest first, by keyset.
  await db.schema.createIndex('webhook_deliveries_log_idx').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
}
