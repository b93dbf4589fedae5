/**
 * The admin area, mounted at /admin. The contract other admin pages (the comment and
 * complaint queues among them) build on:
 *
 * - Every route registered on the app `adminApp` returns, after `requireSignIn`, is signed-in
 *   only: an anonymous request is redirected (303) to /admin/sign-in. Only the routes in
 *   `PUBLIC_ADMIN_PATHS` are open; test/e2e/admin-access.test.ts enumerates every registered
 *   /admin route and checks it, so a new route cannot slip through.
 * - Handlers read `c.get('user')` — { id, email, role: 'admin'|'editor'|'provider',
 *   providerId: number|null } — and `c.get('csrfToken')` (types in admin-env.ts).
 * - Guard a route by role with `requireRole('editor')` (admin ⊃ editor ⊃ provider user), and
 *   anything of one provider with `mayActFor(user, providerId)` / `providerScope(user)`;
 *   refuse with `forbidden(c)` (admin-auth.tsx).
 * - Every form includes `<CsrfFields token={c.get('csrfToken')} back="/admin/…" />`; every
 *   non-GET request is checked by `verifyForms` before any handler runs (a bad token is a 403
 *   page; a form's one-time nonce makes a double submit do nothing the second time).
 * - Pages render with `adminPage(c, { title }, <>…</>)` (shared layout, nav with the queues);
 *   after a POST, `doneRedirect(c, '/admin/…', 'What happened.')`. Destructive actions show a
 *   confirm page first (a form, no script) and record an audit entry (`store.audit.record`).
 * - Add a section with `app.route('/queues/comments', …)` in `registerAdminSections` below.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { GazetteError } from '../../domain/errors.js';
import { LOGO_MAX_BYTES } from '../../images/check-logo.js';
import type { AppDeps } from '../deps.js';
import { accountRoutes } from './account-page.js';
import { isSecure } from './admin-cookies.js';
import type { AdminEnv } from './admin-env.js';
import { requireSignIn, verifyForms } from './admin-auth.js';
import { adminPage } from './admin-page.js';
import { signInRoutes, signOut } from './sign-in-routes.js';
import { articlesSection } from './articles-pages.js';
import { auditPage } from './audit-page.js';
import { dashboardPage } from './dashboard-page.js';
import { commentQueue } from './queues/comment-queue.js';
import { complaintQueue } from './queues/complaint-queue.js';
import { feedsSection } from './feeds-pages.js';
import { partnerKeysSection } from './partner-keys-pages.js';
import { providersSection } from './providers-pages.js';
import { usersSection } from './users-pages.js';
import { webhooksSection } from './webhooks-pages.js';

/** The admin stylesheet ships in public/ (three levels up from src/web/admin and dist/web/admin). */
const stylesheet = readFileSync(new URL('../../../public/admin.css', import.meta.url), 'utf8');

/** Admin paths anyone may open (sign-in, its one-time links, the stylesheet). Everything else needs a session. */
export const PUBLIC_ADMIN_PATHS: readonly RegExp[] = [/^\/admin\/sign-in(\/.*)?$/, /^\/admin\/assets\/admin\.css$/];

/** Admin forms are small; anything bigger is refused before it is read. */
const MAX_FORM_BYTES = 256 * 1024;
/** The one form that carries a file: a provider's logo, with room for it. */
const LOGO_UPLOAD_PATH = /^\/admin\/providers\/\d+\/logo$/;

/** The sections behind sign-in; each is a small sub-app or a handler in its own file. */
function registerAdminSections(app: Hono<AdminEnv>, deps: AppDeps): void {
  app.get('/', dashboardPage(deps));
  app.route('/articles', articlesSection(deps));
  app.route('/providers', providersSection(deps));
  app.route('/feeds', feedsSection(deps));
  app.route('/users', usersSection(deps));
  app.route('/partner-keys', partnerKeysSection(deps));
  app.route('/webhooks', webhooksSection(deps));
  app.get('/audit', auditPage(deps));
  const account = accountRoutes(deps);
  app.get('/account', account.show);
  app.post('/account/password', account.changePassword);
  app.post('/account/sign-out-everywhere', account.signOutEverywhere);
  app.post('/sign-out', signOut(deps));
  app.route('/queues/comments', commentQueue(deps));
  app.route('/queues/complaints', complaintQueue(deps));
}

/** Builds the /admin sub-app. */
export function adminApp(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    c.set('siteName', deps.config.siteName);
    c.set('secureCookies', isSecure(c, deps.config.publicUrl));
    await next();
  });
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => c.text('This form is too large (at most 256 KB). Shorten what you entered and send it again.', 413),
  });
  const logoLimit = bodyLimit({
    maxSize: LOGO_MAX_BYTES + MAX_FORM_BYTES,
    onError: (c) => c.text('This logo file is too large: a logo may be at most 1 MB. Go back and choose a smaller file.', 413),
  });
  app.use('*', (c, next) => (LOGO_UPLOAD_PATH.test(c.req.path) ? logoLimit : formLimit)(c, next));
  app.get('/assets/admin.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.route('/sign-in', signInRoutes(deps));

  const signedIn = new Hono<AdminEnv>();
  signedIn.use('*', requireSignIn(deps));
  signedIn.use('*', verifyForms(deps));
  registerAdminSections(signedIn, deps);
  // An expected failure (an unknown key id, a stale form) is a page in the admin frame, not bare text.
  signedIn.onError((error, c) => {
    if (error instanceof GazetteError && error.status < 500) return adminPage(c, { title: 'Not done', status: error.status }, <p>{error.message}</p>);
    throw error;
  });
  // Last, after every section: an unknown admin page is a 404 in the admin frame (Hono keeps a sub-app's notFound to itself).
  signedIn.get('*', (c) => adminPage(c, { title: 'Not found', status: 404 }, <p>There is no such page in the admin area.</p>));
  app.route('/', signedIn);
  return app;
}
