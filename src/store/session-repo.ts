import type { Kysely } from 'kysely';
import type { AdminUser, UserRole } from '../domain/user.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Database } from './schema.js';

/** A live session and its user, as the admin middleware loads it on each request. */
export interface SessionWithUser {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: AdminUser;
}

/** Sessions, one-time sign-in links and handled forms: kept in the database so every node agrees. */
export interface SessionRepo {
  create(input: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }): Promise<void>;
  /** The session with this token hash if it has not expired and its user is not disabled. */
  find(tokenHash: string, now?: Date): Promise<SessionWithUser | undefined>;
  /** Moves a session's expiry on (sliding expiry). */
  extend(tokenHash: string, expiresAt: Date, now?: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a user ("sign out everywhere"); returns how many. */
  deleteAllOf(userId: number): Promise<number>;
  /** Drops sessions and links that have expired. */
  sweep(now?: Date): Promise<void>;
  createSigninLink(input: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void>;
  /** The user a link signs in, if it is unused and unexpired. */
  findSigninLink(tokenHash: string, now?: Date): Promise<number | undefined>;
  /** Uses a link up; true only for the one caller that used it (a link works once). */
  useSigninLink(tokenHash: string, now?: Date): Promise<boolean>;
  /** Marks a form as handled; true the first time, false for a replay or a double submit. */
  claimSubmission(nonce: string, userId: number, now?: Date): Promise<boolean>;
}

/** Sessions on any engine. */
export function sessionRepo(db: Kysely<Database>): SessionRepo {
  return {
    async create({ tokenHash, userId, csrfToken, expiresAt }) {
      const now = toTimestamp(new Date());
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: toTimestamp(expiresAt) })
        .execute();
    },

    async find(tokenHash, now = new Date()) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.token_hash', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'u.id', 'u.email', 'u.role', 'u.provider_id', 'u.disabled_at'])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row || row.disabled_at !== null || toDate(row.expires_at) <= now) return undefined;
      return {
        tokenHash: row.token_hash,
        csrfToken: row.csrf_token,
        expiresAt: toDate(row.expires_at),
        lastSeenAt: toDate(row.last_seen_at),
        user: { id: row.id, email: row.email, role: row.role as UserRole, providerId: row.provider_id },
      };
    },

    async extend(tokenHash, expiresAt, now = new Date()) {
      await db.updateTable('sessions').set({ expires_at: toTimestamp(expiresAt), last_seen_at: toTimestamp(now) }).where('token_hash', '=', tokenHash).execute();
    },

    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteAllOf(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async sweep(now = new Date()) {
      await db.deleteFrom('sessions').where('expires_at', '<=', toTimestamp(now)).execute();
      await db.deleteFrom('signin_links').where('expires_at', '<=', toTimestamp(now)).execute();
      // A form older than a day is refused by its expired session anyway.
      await db.deleteFrom('form_submissions').where('at', '<=', toTimestamp(new Date(now.getTime() - 86_400_000))).execute();
    },

    async createSigninLink({ tokenHash, userId, expiresAt }) {
      await db.insertInto('signin_links').values({ token_hash: tokenHash, user_id: userId, expires_at: toTimestamp(expiresAt), used_at: null }).execute();
    },

    async findSigninLink(tokenHash, now = new Date()) {
      const row = await db
        .selectFrom('signin_links')
        .select(['user_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && row.used_at === null && toDate(row.expires_at) > now ? row.user_id : undefined;
    },

    async useSigninLink(tokenHash, now = new Date()) {
      const result = await db
        .updateTable('signin_links')
        .set({ used_at: toTimestamp(now) })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', toTimestamp(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async claimSubmission(nonce, userId, now = new Date()) {
      const row = await db
        .insertInto('form_submissions')
        .values({ nonce, user_id: userId, at: toTimestamp(now) })
        .onConflict((oc) => oc.column('nonce').doNothing())
        .returning('nonce')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
