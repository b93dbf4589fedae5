import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit.js';
import { clearSessionCookie, setNotice, setSessionCookie, setSigninCsrfCookie, signinCsrfCookieOf } from './admin-cookies.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage } from './admin-page.js';
import { CSRF_FIELD, safeAdminPath } from './csrf-fields.js';
import { hashToken, newToken, sameToken } from '../../domain/secret-token.js';
import { checkPassword, hashPassword, passwordProblem, startSession } from '../../accounts/sign-in.js';

type Ctx = Context<AdminEnv>;

/** The anonymous forms' CSRF token: the cookie's, or a new one set now (double-submit cookie). */
function signinCsrf(c: Ctx): string {
  const existing = signinCsrfCookieOf(c);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  setSigninCsrfCookie(c, token, c.get('secureCookies'));
  return token;
}

function signinCsrfOk(c: Ctx, form: Record<string, unknown>): boolean {
  const cookie = signinCsrfCookieOf(c);
  const field = form[CSRF_FIELD];
  return c.req.header('sec-fetch-site') !== 'cross-site' && typeof field === 'string' && cookie !== undefined && sameToken(field, cookie);
}

interface SignInForm {
  email?: string;
  next?: string;
  error?: string;
  status?: number;
}

function signInPage(c: Ctx, form: SignInForm) {
  const expired = c.req.query('expired') === '1';
  return adminPage(
    c,
    { title: 'Sign in', status: form.status, notice: expired && !form.error ? 'Your session has ended. Sign in again to go on.' : undefined },
    <section class="sign-in">
      <h1>Sign in</h1>
      {form.error && (
        <p class="form-error" role="alert" id="sign-in-error">
          {form.error}
        </p>
      )}
      <form method="post" action="/admin/sign-in" class="stacked">
        <input type="hidden" name={CSRF_FIELD} value={signinCsrf(c)} />
        <input type="hidden" name="next" value={safeAdminPath(form.next)} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required maxlength={254} value={form.email ?? ''} autofocus={!form.email} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={200} autofocus={!!form.email} />
        <button type="submit">Sign in</button>
      </form>
      <p class="hint">No password yet? Use the one-time link an administrator gave you.</p>
    </section>,
  );
}

function linkPage(c: Ctx, token: string, error?: string, status = 200) {
  return adminPage(
    c,
    { title: 'Choose a password', status },
    <section class="sign-in">
      <h1>Choose a password</h1>
      <p>This link signs you in once. Choose the password you will sign in with from now on.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/admin/sign-in/link/${token}`} class="stacked">
        <input type="hidden" name={CSRF_FIELD} value={signinCsrf(c)} />
        <label for="password">New password (at least 12 characters)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength={12} maxlength={200} />
        <label for="confirm">The same password again</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength={12} maxlength={200} />
        <button type="submit">Save and sign in</button>
      </form>
    </section>,
  );
}

function linkGone(c: Ctx) {
  return adminPage(
    c,
    { title: 'Link no longer works', status: 410 },
    <p>This sign-in link has expired or was already used. Ask an administrator for a new one.</p>,
  );
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The pages anyone may open: sign in, and the one-time link that sets a first password. */
export function signInRoutes(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/', (c) => signInPage(c, { next: c.req.query('next') }));
  app.post(
    '/',
    rateLimit<Ctx>({
      // Per address, each node on its own (config.rateLimits.signinPerMinute); the account lock is in the database.
      perMinute: deps.config.rateLimits.signinPerMinute,
      key: (c) => clientAddress(c),
      refuse: async (c, retryAfter) => {
        const form = await c.req.parseBody();
        return signInPage(c, { email: text(form.email, 254), next: text(form.next, 2000), status: 429, error: `Too many sign-in attempts from your address. Wait ${retryAfter} seconds and try again.` });
      },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const email = text(form.email, 254).trim();
      const next = text(form.next, 2000);
      if (!signinCsrfOk(c, form)) return signInPage(c, { email, next, status: 403, error: 'The sign-in form had expired. Send it again.' });
      if (email === '' || !email.includes('@')) return signInPage(c, { email, next, status: 400, error: 'Enter the email address of your account.' });
      const result = await checkPassword(deps.store, email, text(form.password, 200));
      if (!result.ok) {
        const error =
          result.reason === 'locked'
            ? `Too many wrong passwords: this account is locked until ${result.until.toISOString().slice(11, 16)} UTC. Try again then.`
            : 'The email or the password is wrong.';
        return signInPage(c, { email, next, status: result.reason === 'locked' ? 429 : 401, error });
      }
      setSessionCookie(c, await startSession(deps.store, result.user.id), c.get('secureCookies'));
      return c.redirect(safeAdminPath(next), 303);
    },
  );

  app.get('/link/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await deps.store.sessions.findSigninLink(hashToken(token)))) return linkGone(c);
    return linkPage(c, token);
  });
  app.post('/link/:token', async (c) => {
    const token = c.req.param('token');
    const tokenHash = hashToken(token);
    const userId = await deps.store.sessions.findSigninLink(tokenHash);
    if (!userId) return linkGone(c);
    const form = await c.req.parseBody();
    if (!signinCsrfOk(c, form)) return linkPage(c, token, 'The form had expired. Send it again.', 403);
    const password = text(form.password, 1000);
    const problem = passwordProblem(password) ?? (password !== form.confirm ? 'The two passwords differ.' : undefined);
    if (problem) return linkPage(c, token, problem, 400);
    // Used up before the password is set: two submissions of one link set one password.
    if (!(await deps.store.sessions.useSigninLink(tokenHash))) return linkGone(c);
    await deps.store.users.setPassword(userId, await hashPassword(password));
    await deps.store.users.recordSignin(userId);
    setSessionCookie(c, await startSession(deps.store, userId), c.get('secureCookies'));
    setNotice(c, 'Your password is set. You are signed in.', c.get('secureCookies'));
    return c.redirect('/admin', 303);
  });
  return app;
}

/** POST /admin/sign-out: ends this session. */
export function signOut(deps: AppDeps) {
  return async (c: Ctx) => {
    await deps.store.sessions.delete(c.get('sessionHash'));
    clearSessionCookie(c, c.get('secureCookies'));
    setNotice(c, 'You are signed out.', c.get('secureCookies'));
    return c.redirect('/admin/sign-in', 303);
  };
}
