import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type {
  CommentSettings,
  CommentSettingsOverride,
  CommentStatus,
  HeldReason,
  ModeratedComment,
  NewComment,
  PublicComment,
  SettingsScope,
} from '../domain/comment.js';
import { effectiveSettings } from '../domain/comment-policy.js';
import type { Writer } from './kysely-store.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { CommentSettingsTable, CommentsTable, Database } from './schema.js';

/** What saving a comment did: a new row, or nothing because this submission was already kept. */
export type CommentSaved = { kind: 'created'; id: number; status: CommentStatus } | { kind: 'duplicate'; id: number; status: CommentStatus };

/** One page of a moderation queue, oldest first; `next` continues after the last item. */
export interface QueuePage<T> {
  items: T[];
  next: number | null;
}

/** A moderator's decision on one comment. */
export type CommentAction = 'approve' | 'reject';

/** Readers' comments, their moderation, blocks and settings. */
export interface CommentRepo {
  /** Keeps a new comment, once per submission key; an approved one drops its article's cached pages. */
  create(comment: NewComment): Promise<CommentSaved>;
  /** The comment kept under this submission key, if the form was sent before. */
  findSubmission(submissionKey: string): Promise<{ id: number; status: CommentStatus } | undefined>;
  /** An article's approved comments, oldest first (none when the article is not published). */
  listApproved(articleId: number, limit?: number): Promise<PublicComment[]>;
  /** Approved comments per article, for teasers: one grouped index read for a page of ids. */
  countApproved(articleIds: readonly number[]): Promise<Map<number, number>>;
  /** How many of this commenter's comments were approved (for automatic approval). */
  approvedFromCommenter(commenterKey: string): Promise<number>;
  /** How many comments this visitor sent since `since` (for the rate limit). */
  countFromVisitorSince(visitorHash: string, since: Date): Promise<number>;
  findById(id: number): Promise<ModeratedComment | undefined>;
  /** Comments waiting for a moderator, counted up to `cap` (a flood of spam is "cap or more", read by index). */
  countWaiting(cap?: number): Promise<number>;
  /** Comments of one status, oldest first, after the comment id `after`. */
  queue(status: CommentStatus, options?: { after?: number; limit?: number }): Promise<QueuePage<ModeratedComment>>;
  /** Approves or rejects a comment; undefined when there is none. Already in that state: no change. */
  moderate(id: number, action: CommentAction, actor: string, at?: Date): Promise<ModeratedComment | undefined>;
  /** Deletes a comment and its replies; false when there was none. */
  delete(id: number): Promise<boolean>;
  /** Blocks the comment's commenter and visitor, and rejects their pending comments; how many were rejected. */
  blockCommenter(commentId: number, actor: string, at?: Date): Promise<number | undefined>;
  /** Whether any of these keys (a commenter key, a visitor hash) is blocked. */
  isBlocked(keys: readonly string[]): Promise<boolean>;
  /** A scope's own settings (null: inherited). */
  settings(scope: SettingsScope): Promise<CommentSettingsOverride>;
  /** Changes a scope's own settings; fields left out stay as they are. */
  updateSettings(scope: SettingsScope, changes: Partial<CommentSettingsOverride>): Promise<CommentSettingsOverride>;
  /** The settings that apply to a provider's stories: its own over the site's over the defaults. */
  settingsFor(providerId: number): Promise<CommentSettings>;
  /** The key that signs anonymous forms, made once and shared by every node. */
  formSecret(): Promise<string>;
}

const scopeKey = (scope: SettingsScope) => (scope.kind === 'site' ? 'site' : `provider:${scope.providerId}`);
const MAX_SHOWN = 500;
const PAGE = 50;

type ModeratedRow = Selectable<CommentsTable> & { a_slug: string; a_headline: string; a_status: string; a_provider_id: number };

function toPublic(row: Pick<Selectable<CommentsTable>, 'id' | 'article_id' | 'parent_id' | 'author_name' | 'body' | 'created_at'>): PublicComment {
  return { id: row.id, articleId: row.article_id, parentId: row.parent_id, authorName: row.author_name, body: row.body, createdAt: toDate(row.created_at) };
}

function toModerated(row: ModeratedRow): ModeratedComment {
  return {
    ...toPublic(row),
    status: row.status as CommentStatus,
    heldReason: row.held_reason as HeldReason | null,
    authorEmail: row.author_email,
    commenterKey: row.commenter_key,
    visitorHash: row.visitor_hash,
    moderatedAt: row.moderated_at === null ? null : toDate(row.moderated_at),
    moderatedBy: row.moderated_by,
    article: { id: row.article_id, slug: row.a_slug, headline: row.a_headline, status: row.a_status, providerId: row.a_provider_id },
  };
}

const flag = (v: number | null) => (v === null ? null : v !== 0);
function toOverride(row: Selectable<CommentSettingsTable> | undefined): CommentSettingsOverride {
  return { enabled: flag(row?.enabled ?? null), requireApproval: flag(row?.require_approval ?? null), autoApproveAfter: row?.auto_approve_after ?? null };
}

/** Comments on any engine. */
export function commentRepo(db: Kysely<Database>, write: Writer): CommentRepo {
  const moderatedQuery = (d: Kysely<Database>) =>
    d
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .selectAll('c')
      .select(['a.slug as a_slug', 'a.headline as a_headline', 'a.status as a_status', 'a.provider_id as a_provider_id']);
  const findById = async (id: number, d: Kysely<Database> = db) => {
    const row = await moderatedQuery(d).where('c.id', '=', id).executeTakeFirst();
    return row && toModerated(row);
  };

  return {
    create: (comment) =>
      write(async (tx, effects) => {
        const inserted = await tx
          .insertInto('comments')
          .values({
            article_id: comment.articleId,
            parent_id: comment.parentId,
            author_name: comment.authorName,
            author_email: comment.authorEmail,
            body: comment.body,
            status: comment.status,
            held_reason: comment.heldReason,
            commenter_key: comment.commenterKey,
            visitor_hash: comment.visitorHash,
            submission_key: comment.submissionKey,
            created_at: toTimestamp(comment.createdAt),
          })
          .onConflict((oc) => oc.column('submission_key').doNothing())
          .returning(['id', 'status'])
          .executeTakeFirst();
        if (inserted) {
          // Only a shown comment changes a page, and only its own article's.
          if (comment.status === 'approved') effects.tag(`article:${comment.articleId}`);
          return { kind: 'created', id: inserted.id, status: inserted.status as CommentStatus };
        }
        const kept = await tx.selectFrom('comments').select(['id', 'status']).where('submission_key', '=', comment.submissionKey).executeTakeFirstOrThrow();
        // PostgreSQL: a concurrent insert committed after our snapshot is visible here (READ COMMITTED).
        return { kind: 'duplicate', id: kept.id, status: kept.status as CommentStatus };
      }),

    async findSubmission(key) {
      const row = await db.selectFrom('comments').select(['id', 'status']).where('submission_key', '=', key).executeTakeFirst();
      return row && { id: row.id, status: row.status as CommentStatus };
    },

    async listApproved(articleId, limit = MAX_SHOWN) {
      const rows = await db
        .selectFrom('comments as c')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .select(['c.id', 'c.article_id', 'c.parent_id', 'c.author_name', 'c.body', 'c.created_at'])
        .where('c.article_id', '=', articleId)
        .where('c.status', '=', 'approved')
        .where('a.status', '=', 'published')
        .orderBy('c.id')
        .limit(limit)
        .execute();
      return rows.map(toPublic);
    },

    async countApproved(articleIds) {
      const counts = new Map<number, number>();
      if (articleIds.length === 0) return counts;
      const rows = await db
        .selectFrom('comments')
        .select(['article_id', db.fn.countAll<number | string>().as('n')])
        .where('article_id', 'in', [...new Set(articleIds)])
        .where('status', '=', 'approved')
        .groupBy('article_id')
        .execute();
      for (const row of rows) counts.set(row.article_id, Number(row.n));
      return counts;
    },

    async approvedFromCommenter(commenterKey) {
      const row = await db
        .selectFrom('comments')
        .select(db.fn.countAll<number | string>().as('n'))
        .where('commenter_key', '=', commenterKey)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async countFromVisitorSince(visitorHash, since) {
      const row = await db
        .selectFrom('comments')
        .select(db.fn.countAll<number | string>().as('n'))
        .where('visitor_hash', '=', visitorHash)
        .where('created_at', '>=', toTimestamp(since))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    findById: (id) => findById(id),

    async countWaiting(cap = 1000) {
      const row = await db
        .selectFrom((eb) => eb.selectFrom('comments').select('id').where('status', '=', 'pending').limit(cap).as('w'))
        .select(db.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async queue(status, options = {}) {
      const limit = Math.min(Math.max(1, options.limit ?? PAGE), 200);
      let query = moderatedQuery(db).where('c.status', '=', status);
      if (options.after !== undefined) query = query.where('c.id', '>', options.after);
      const rows = await query.orderBy('c.id').limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toModerated);
      return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    moderate: (id, action, actor, at = new Date()) =>
      write(async (tx, effects) => {
        const before = await findById(id, tx);
        if (!before) return undefined;
        const status: CommentStatus = action === 'approve' ? 'approved' : 'rejected';
        if (before.status === status) return before;
        await tx
          .updateTable('comments')
          .set({ status, moderated_at: toTimestamp(at), moderated_by: actor })
          .where('id', '=', id)
          .execute();
        // Shown or hidden: either way the article's page changes when it was or becomes approved.
        if (before.status === 'approved' || status === 'approved') effects.tag(`article:${before.articleId}`);
        return findById(id, tx);
      }),

    delete: (id) =>
      write(async (tx, effects) => {
        const row = await tx.selectFrom('comments').select(['article_id', 'status']).where('id', '=', id).executeTakeFirst();
        if (!row) return false;
        // Replies go with their comment on both engines, whether or not SQLite enforces foreign keys.
        await tx.deleteFrom('comments').where('parent_id', '=', id).execute();
        await tx.deleteFrom('comments').where('id', '=', id).execute();
        effects.tag(`article:${row.article_id}`);
        return true;
      }),

    blockCommenter: (commentId, actor, at = new Date()) =>
      // Pending comments were never shown, so no page changes.
      write(async (tx) => {
        const c = await tx.selectFrom('comments').select(['commenter_key', 'visitor_hash']).where('id', '=', commentId).executeTakeFirst();
        if (!c) return undefined;
        for (const key of new Set([c.commenter_key, c.visitor_hash])) {
          await tx
            .insertInto('comment_blocks')
            .values({ block_key: key, created_at: toTimestamp(at), blocked_by: actor })
            .onConflict((oc) => oc.column('block_key').doNothing())
            .execute();
        }
        const pending = await tx
          .selectFrom('comments')
          .select(['id', 'article_id'])
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('commenter_key', '=', c.commenter_key), eb('visitor_hash', '=', c.visitor_hash)]))
          .execute();
        if (pending.length > 0) {
          await tx
            .updateTable('comments')
            .set({ status: 'rejected', moderated_at: toTimestamp(at), moderated_by: actor })
            .where('id', 'in', pending.map((p) => p.id))
            .execute();
        }
        return pending.length;
      }),

    async isBlocked(keys) {
      if (keys.length === 0) return false;
      const row = await db.selectFrom('comment_blocks').select('block_key').where('block_key', 'in', [...keys]).executeTakeFirst();
      return row !== undefined;
    },

    async settings(scope) {
      const row = await db.selectFrom('comment_settings').selectAll().where('scope', '=', scopeKey(scope)).executeTakeFirst();
      return toOverride(row);
    },

    updateSettings: (scope, changes) =>
      write(async (tx, effects) => {
        const key = scopeKey(scope);
        const current = toOverride(await tx.selectFrom('comment_settings').selectAll().where('scope', '=', key).executeTakeFirst());
        const next = { ...current, ...changes };
        const values = {
          enabled: next.enabled === null ? null : Number(next.enabled),
          require_approval: next.requireApproval === null ? null : Number(next.requireApproval),
          auto_approve_after: next.autoApproveAfter,
          updated_at: toTimestamp(new Date()),
        };
        await tx
          .insertInto('comment_settings')
          .values({ scope: key, ...values })
          .onConflict((oc) => oc.column('scope').doUpdateSet(values))
          .execute();
        // Opening or closing comments changes every article page of the scope.
        effects.tag('*');
        return next;
      }),

    async settingsFor(providerId) {
      const rows = await db.selectFrom('comment_settings').selectAll().where('scope', 'in', ['site', `provider:${providerId}`]).execute();
      return effectiveSettings(toOverride(rows.find((r) => r.scope === 'site')), toOverride(rows.find((r) => r.scope !== 'site')));
    },

    async formSecret() {
      const read = () => db.selectFrom('site_secrets').select('value').where('name', '=', 'form-signing').executeTakeFirst();
      const existing = await read();
      if (existing) return existing.value;
      // Two nodes may race to make it: the first insert wins and both read the winner.
      await db
        .insertInto('site_secrets')
        .values({ name: 'form-signing', value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return (await read())!.value;
    },
  };
}
