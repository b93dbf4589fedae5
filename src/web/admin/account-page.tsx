import type { Context } from 'hono';
import { verifyPassword } from '../../domain/password.js';
import type { AppDeps } from '../deps.js';
import { clearSessionCookie, setNotice } from './admin-cookies.js';
import type { AdminEnv } from './admin-env.js';
import { adminPage, doneRedirect } from './admin-page.js';
import { CsrfFields } from './csrf-fields.js';
import { readForm } from './form-input.js';
import { hashPassword, passwordProblem } from '../../accounts/sign-in.js';

type Ctx = Context<AdminEnv>;

function accountPage(c: Ctx, error?: string, status = 200) {
  const user = c.get('user');
  const token = c.get('csrfToken');
  return adminPage(
    c,
    { title: 'Your account', status },
    <>
      <h1>Your account</h1>
      <p>
        {user.email} · {user.role === 'provider' ? 'provider user' : user.role}
      </p>
      <section>
        <h2>Change your password</h2>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <form method="post" action="/admin/account/password" class="stacked">
          <CsrfFields token={token} back="/admin/account" />
          <label for="current">Current password</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required maxlength={200} />
          <label for="password">New password (at least 12 characters)</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength={12} maxlength={200} />
          <button type="submit">Change password</button>
        </form>
      </section>
      <section>
        <h2>Sign out everywhere</h2>
        <p>Ends every session of your account, on every device, this one included.</p>
        <form method="post" action="/admin/account/sign-out-everywhere">
          <CsrfFields token={token} back="/admin/account" />
          <button type="submit" class="danger">
            Sign out everywhere
          </button>
        </form>
      </section>
    </>,
  );
}

/** GET /admin/account, and its two forms: change password, sign out everywhere. */
export function accountRoutes(deps: AppDeps) {
  return {
    show: (c: Ctx) => accountPage(c),
    changePassword: async (c: Ctx) => {
      const form = await readForm(c, 1000);
      const current = form.current ?? '';
      const password = form.password ?? '';
      const user = c.get('user');
      const credentials = await deps.store.users.findCredentials(user.email);
      if (!credentials?.passwordHash || !(await verifyPassword(current, credentials.passwordHash))) {
        return accountPage(c, 'Your current password is wrong.', 400);
      }
      const problem = passwordProblem(password);
      if (problem) return accountPage(c, problem, 400);
      await deps.store.users.setPassword(user.id, await hashPassword(password));
      return doneRedirect(c, '/admin/account', 'Your password is changed.');
    },
    signOutEverywhere: async (c: Ctx) => {
      const ended = await deps.store.sessions.deleteAllOf(c.get('user').id);
      clearSessionCookie(c, c.get('secureCookies'));
      setNotice(c, `You are signed out everywhere (${ended} session${ended === 1 ? '' : 's'} ended).`, c.get('secureCookies'));
      return c.redirect('/admin/sign-in', 303);
    },
  };
}
