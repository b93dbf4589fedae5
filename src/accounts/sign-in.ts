/**
 * The accounts service: signing in, sessions and one-time links, over the store. The admin
 * area and the `gazette user` command both use it.
 */
import { passwordSchema, type User } from '../domain/user.js';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from '../domain/password.js';
import type { Store } from '../store/store.js';
import { hashToken, newToken } from '../domain/secret-token.js';

/** Sessions end after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;

/** Wrong passwords in a row that lock an account… */
export const LOCK_AFTER_FAILURES = 5;
/** …for this long. */
export const LOCK_MS = 15 * 60_000;

/** The outcome of a sign-in attempt; the messages never tell whether an email has an account. */
export type SignInResult =
  | { ok: true; user: Pick<User, 'id'> }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * Checks an email and password. A wrong password counts towards a lock; a locked account
 * refuses even the right password until the lock ends. An unknown email costs the same
 * hashing time as a known one, so timing does not tell which emails exist.
 */
export async function checkPassword(store: Store, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await store.users.findCredentials(email);
  if (!user || user.disabledAt || !user.passwordHash) {
    await verifyPassword(password, UNMATCHABLE_HASH);
    return { ok: false, reason: 'wrong' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };
  if (!(await verifyPassword(password, user.passwordHash))) {
    const until = await store.users.recordFailedSignin(user.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS));
    return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'wrong' };
  }
  await store.users.recordSignin(user.id, now);
  return { ok: true, user };
}

/** Starts a session for a user; returns the cookie's token (the database keeps only its hash). */
export async function startSession(store: Store, userId: number, now = new Date()): Promise<string> {
  const token = newToken();
  await store.sessions.create({ tokenHash: hashToken(token), userId, csrfToken: newToken(), expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) });
  return token;
}

/** How long a one-time sign-in link works. */
export const SIGNIN_LINK_MS = 24 * 60 * 60_000;

/** Makes a one-time link token for a user (to choose a password); only its hash is stored. */
export async function createSigninLink(store: Store, userId: number, now = new Date()): Promise<string> {
  const token = newToken();
  await store.sessions.createSigninLink({ tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + SIGNIN_LINK_MS) });
  return token;
}

/** A password's problems, in words, or undefined when it will do. */
export function passwordProblem(password: string): string | undefined {
  const result = passwordSchema.safeParse(password);
  return result.success ? undefined : result.error.issues[0]!.message;
}

export { hashPassword };

/** The address of a one-time sign-in link, under the site's public URL. */
export function signinLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/sign-in/link/${token}`;
}
