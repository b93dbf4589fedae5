import type { Kysely, Selectable } from 'kysely';
import { GazetteError } from '../domain/errors.js';
import { newUserSchema, type NewUser, type User, type UserRole } from '../domain/user.js';
import { toDate, toTimestamp } from './map-rows.js';
import type { Database, UsersTable } from './schema.js';

/** A user with what signing in needs; only the sign-in code reads it. */
export interface UserCredentials extends User {
  passwordHash: string | null;
  failedSignins: number;
  lockedUntil: Date | null;
}

/** Admin-area accounts. */
export interface UserRepo {
  /** Creates an account; USER_EXISTS when the email is taken, VALIDATION_FAILED for a bad email or role. */
  create(input: NewUser & { passwordHash: string | null }): Promise<User>;
  findById(id: number): Promise<User | undefined>;
  findCredentials(email: string): Promise<UserCredentials | undefined>;
  /** A page of accounts by id, newest first, below `beforeId`. */
  page(beforeId?: number, limit?: number): Promise<User[]>;
  setPassword(id: number, passwordHash: string): Promise<void>;
  /** Disables (or enables again) an account; a disabled account cannot sign in and its sessions stop working. */
  setDisabled(id: number, disabled: boolean): Promise<User>;
  /**
   * Counts a failed sign-in and, at `lockAfter` failures in a row, locks the account until
   * `lockUntil`; returns the lock time when it is locked.
   */
  recordFailedSignin(id: number, lockAfter: number, lockUntil: Date): Promise<Date | null>;
  /** A sign-in succeeded: the failure count starts again. */
  recordSignin(id: number, at?: Date): Promise<void>;
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role as UserRole,
    providerId: row.provider_id,
    createdAt: toDate(row.created_at),
    disabledAt: row.disabled_at === null ? null : toDate(row.disabled_at),
    lastSigninAt: row.last_signin_at === null ? null : toDate(row.last_signin_at),
  };
}

/** Accounts on any engine. */
export function userRepo(db: Kysely<Database>): UserRepo {
  return {
    async create(input) {
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) {
        throw new GazetteError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join(' '), { details: parsed.error.issues });
      }
      const u = parsed.data;
      const row = await db
        .insertInto('users')
        .values({ email: u.email, role: u.role, provider_id: u.providerId, password_hash: input.passwordHash, created_at: toTimestamp(new Date()) })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new GazetteError('USER_EXISTS', `There is already an account for ${u.email}.`);
      return toUser(row);
    },

    async findById(id) {
      if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return undefined;
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async findCredentials(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return (
        row && {
          ...toUser(row),
          passwordHash: row.password_hash,
          failedSignins: row.failed_signins,
          lockedUntil: row.locked_until === null ? null : toDate(row.locked_until),
        }
      );
    },

    async page(beforeId, limit = 50) {
      let query = db.selectFrom('users').selectAll();
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      return (await query.orderBy('id', 'desc').limit(Math.min(Math.max(1, limit), 200)).execute()).map(toUser);
    },

    async setPassword(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash, failed_signins: 0, locked_until: null }).where('id', '=', id).execute();
    },

    async setDisabled(id, disabled) {
      const row = await db
        .updateTable('users')
        .set({ disabled_at: disabled ? toTimestamp(new Date()) : null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new GazetteError('NOT_FOUND', `There is no user with id ${id}.`);
      // A disabled user's sessions already stop working (sessions.find checks); this drops them.
      if (disabled) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
      return toUser(row);
    },

    async recordFailedSignin(id, lockAfter, lockUntil) {
      // One statement, so two parallel wrong guesses both count.
      const row = await db
        .updateTable('users')
        .set((eb) => ({ failed_signins: eb('failed_signins', '+', 1) }))
        .where('id', '=', id)
        .returning(['failed_signins'])
        .executeTakeFirst();
      if (!row || row.failed_signins < lockAfter) return null;
      await db.updateTable('users').set({ locked_until: toTimestamp(lockUntil), failed_signins: 0 }).where('id', '=', id).execute();
      return lockUntil;
    },

    async recordSignin(id, at = new Date()) {
      await db.updateTable('users').set({ failed_signins: 0, locked_until: null, last_signin_at: toTimestamp(at) }).where('id', '=', id).execute();
    },
  };
}
