import type { Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Readers' comments and complaints. A comment is pending, approved or rejected; only
 * approved ones show, threaded one level deep (`parent_id`). No address is stored in
 * clear: `visitor_hash` is a keyed hash of the client address (for the rate limit and
 * blocking) and `commenter_key` one of the email, or of the address when there is none (for
 * "approve automatically after N approved comments"). `submission_key` is unique, so a
 * replayed or double-submitted form makes one row. Complaints carry their article's
 * provider, so a provider's users read theirs by index. Moderation settings are one row per
 * scope ('site' or 'provider:<id>'); a null column inherits the site's value. The signing
 * key of anonymous forms lives in `site_secrets`, so every node checks the same tokens.
 */
export async function commentsAndComplaints(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);
  await withIdColumn(db.schema.createTable('comments'), engine)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_reason', 'text')
    .addColumn('commenter_key', 'text', (c) => c.notNull())
    .addColumn('visitor_hash', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('moderated_at', ts)
    .addColumn('moderated_by', 'text')
    .execute();
  // An article's comments and the teaser counts: one range per article and status.
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'id']).execute();
  // The moderation queue, per status, oldest first.
  await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'id']).execute();
  // "Approved comments from this commenter", and blocking all of a commenter's pending ones.
  await db.schema.createIndex('comments_commenter_idx').on('comments').columns(['commenter_key', 'status']).execute();
  // The per-visitor rate limit: a visitor's comments since a time.
  await db.schema.createIndex('comments_visitor_idx').on('comments').columns(['visitor_hash', 'created_at']).execute();

  await db.schema
    .createTable('comment_blocks')
    .addColumn('block_key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('blocked_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_settings')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer')
    .addColumn('require_approval', 'integer')
    .addColumn('auto_approve_after', 'integer')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withIdColumn(db.schema.createTable('complaints'), engine)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', ts)
    .addColumn('visitor_hash', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_status_idx').on('complaints').columns(['status', 'id']).execute();
  await db.schema.createIndex('complaints_provider_idx').on('complaints').columns(['provider_id', 'status', 'id']).execute();
  await db.schema.createIndex('complaints_visitor_idx').on('complaints').columns(['visitor_hash', 'created_at']).execute();

  await db.schema
    .createTable('site_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
