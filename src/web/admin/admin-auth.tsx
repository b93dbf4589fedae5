import type { Context, MiddlewareHandler } from 'hono';
import { roleAtLeast, type AdminUser, type UserRole } from '../../domain/user.js';
import type { AppDeps } from '../deps.js';
import { SESSION_IDLE_MS } from '../../accounts/sign-in.js';
import { sessionCookieOf, setNotice } from './admin-cookies.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';
import { BACK_FIELD, CSRF_FIELD, NONCE_FIELD, safeAdminPath } from './csrf-fields.js';
import { hashToken, sameToken } from '../../domain/secret-token.js';

/** A session's expiry moves on at most this often, so most requests write nothing. */
const EXTEND_EVERY_MS = 5 * 60_000;

/** Where an anonymous request goes: the sign-in page, back to this page (a GET) after. */
export function signInUrl(c: Context, expired: boolean): string {
  const url = new URL(c.req.url);
  const next = c.req.method === 'GET' ? url.pathname + url.search : undefined;
  const query = new URLSearchParams();
  if (next && next !== '/admin') query.set('next', next);
  if (expired) query.set('expired', '1');
  const q = query.toString();
  return `/admin/sign-in${q ? `?${q}` : ''}`;
}

/**
 * Lets through only requests with a live session; sets `user`, `csrfToken` and `sessionHash`.
 * Anyone else is sent to sign in (303, so a POST becomes a GET), told when a session ended.
 * Admin answers are never stored by a browser or a CDN.
 */
export function requireSignIn(deps: AppDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const token = sessionCookieOf(c);
    const session = token ? await deps.store.sessions.find(hashToken(token)) : undefined;
    if (!session) return c.redirect(signInUrl(c, token !== undefined), 303);
    const now = Date.now();
    if (now - session.lastSeenAt.getTime() > EXTEND_EVERY_MS) {
      await deps.store.sessions.extend(session.tokenHash, new Date(now + SESSION_IDLE_MS));
    }
    c.set('user', session.user);
    c.set('csrfToken', session.csrfToken);
    c.set('sessionHash', session.tokenHash);
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

/** Lets through users of at least `role` (admin ⊃ editor ⊃ provider user); others get a 403 page. */
export function requireRole(role: UserRole): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!roleAtLeast(c.get('user').role, role)) return forbidden(c);
    await next();
  };
}

/** Whether the user may see and act on this provider's things: staff on all, a provider user on its own. */
export function mayActFor(user: AdminUser, providerId: number): boolean {
  return user.role !== 'provider' || user.providerId === providerId;
}

/** The provider a user's lists are limited to: its own for a provider user, none for staff. */
export function providerScope(user: AdminUser): number | undefined {
  return user.role === 'provider' ? (user.providerId ?? -1) : undefined;
}

/** The 403 page: the same for "not yours" and "not your role", so nothing leaks. */
export function forbidden(c: Context<AdminEnv>) {
  return adminPage(c, { title: 'Not allowed', status: 403 }, <p>Your account may not see or do this. Ask an administrator if you need to.</p>);
}

/**
 * Checks every form posted to the admin area: the session's CSRF token must come with it,
 * the browser must not call it cross-site, and a form's nonce is used once — a double
 * submit or a replay goes back where the form said, with a note, and does nothing again.
 */
export function verifyForms(deps: AppDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = c.req.header('content-type') ?? '';
    // Read as `readForm` reads it (Hono keeps the first parse of a body): repeated fields as lists.
    const body = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type) ? await c.req.parseBody({ all: true }) : {};
    const first = (name: string) => {
      const value = body[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const token = first(CSRF_FIELD);
    if (c.req.header('sec-fetch-site') === 'cross-site' || typeof token !== 'string' || !sameToken(token, c.get('csrfToken'))) {
      return adminPage(
        c,
        { title: 'Form refused', status: 403 },
        <p>This form did not come from this admin area, or it is older than your session. Go back, reload the page and send it again.</p>,
      );
    }
    const nonce = first(NONCE_FIELD);
    if (typeof nonce === 'string' && nonce !== '' && !(await deps.store.sessions.claimSubmission(nonce.slice(0, 100), c.get('user').id))) {
      setNotice(c, 'This form had already been sent; it was done once, not again.', c.get('secureCookies'));
      return c.redirect(safeAdminPath(first(BACK_FIELD)), 303);
    }
    await next();
  };
}
