import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';
import { timestampType, withIdColumn } from './column-types.js';

/**
 * Accounts, sessions and the editorial record. Users sign in to the admin area with a
 * password hash (scrypt, never the password); sessions live in the database, keyed by a
 * SHA-256 hash of the cookie's token, so every node sees a sign-in and a sign-out at once.
 * One-time sign-in links are stored the same way. `form_submissions` remembers each form
 * already handled, so a double-submitted form has one effect. The audit log keeps every
 * editorial action with who, what, when and before/after; `article_takedowns` keeps the
 * reason, who and when of each takedown or unpublication until it is restored. A feed can be
 * paused.
 */
export async function accountsAndTakedowns(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = timestampType(engine);
  await withIdColumn(db.schema.createTable('users'), engine)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'integer', (c) => c.references('providers.id').onDelete('cascade'))
    .addColumn('failed_signins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', ts)
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_signin_at', ts)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('signin_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await db.schema
    .createTable('form_submissions')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();

  await withIdColumn(db.schema.createTable('audit_log'), engine)
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    /** Who acted, as shown (an email, "command line", "API key abc123"): kept when the user is gone. */
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  // The log pages newest first, by id, whole or filtered: each filter is one index range.
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id', 'id']).execute();
  await db.schema.createIndex('audit_log_provider_idx').on('audit_log').columns(['provider_id', 'id']).execute();

  await withIdColumn(db.schema.createTable('article_takedowns'), engine)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('restored_at', ts)
    .addColumn('restored_by', 'text')
    .execute();
  await db.schema.createIndex('article_takedowns_article_idx').on('article_takedowns').columns(['article_id', 'id']).execute();

  // A paused feed is not polled until resumed (the admin area's Feeds page).
  await db.schema.alterTable('feeds').addColumn('paused_at', ts).execute();

  // The admin article list filters by status and provider, newest first, by id.
  await db.schema.createIndex('articles_status_id_idx').on('articles').columns(['status', 'id']).execute();
  await db.schema.createIndex('articles_provider_status_id_idx').on('articles').columns(['provider_id', 'status', 'id']).execute();
  // …and by headline prefix within a status, in headline order: on the first 100 characters,
  // so a long headline in a wide script never exceeds PostgreSQL's index row limit.
  await db.schema
    .createIndex('articles_status_headline_idx')
    .on('articles')
    .expression(sql`status, substr(headline, 1, 100), id`)
    .execute();
}
