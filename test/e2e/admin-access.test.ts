/**
 * Who may reach what in the admin area, through the real app on real databases: every
 * registered /admin route refuses anonymous requests, forms need the session's CSRF token,
 * a form sent twice acts once, and sessions end when they should.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { PUBLIC_ADMIN_PATHS } from '../../src/web/admin/admin-app.js';
import { adminClient, cookieHeader, signIn, TEST_PASSWORD } from '../support/admin-session.js';
import { openDemoApp, openEmptyAppOn } from '../support/demo-app.js';
import { skipPostgres } from '../support/postgres.js';
import type { Store } from '../../src/store/store.js';

/** Every admin route the app registered, with a sample URL (parameters filled with 1). */
function adminRoutes(app: Hono): { method: string; path: string; url: string }[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/admin') && r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path, url: r.path.replace(/:[A-Za-z]+\??/g, '1') }))
    .filter((r) => !PUBLIC_ADMIN_PATHS.some((p) => p.test(r.url)))
    .filter((r) => (seen.has(`${r.method} ${r.url}`) ? false : (seen.add(`${r.method} ${r.url}`), true)));
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`admin access (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let app: Hono;
    let store: Store;
    let drop: () => Promise<void>;

    before(async () => {
      ({ app, store, drop } = await openEmptyAppOn(engine));
    });
    after(async () => drop());

    it('redirects every anonymous request to any admin route to sign-in, whatever the method', async () => {
      const routes = adminRoutes(app);
      assert.ok(routes.length >= 4, `found only ${routes.length} admin routes`);
      for (const route of routes) {
        const res = await app.request(route.url, { method: route.method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: route.method === 'GET' ? undefined : '' });
        assert.equal(res.status, 303, `${route.method} ${route.url} answered ${res.status}`);
        assert.match(res.headers.get('location') ?? '', /^\/admin\/sign-in(\?|$)/, `${route.method} ${route.url}`);
      }
      const unknown = await app.request('/admin/no/such/page');
      assert.equal(unknown.status, 303, 'even an unknown admin URL says nothing to an anonymous visitor');
    });

    it('signs in with the right password only, sets a safe cookie, and keeps the typed email on failure', async () => {
      const admin = await adminClient(app, store, 'admin');
      const wrong = await signIn(app, admin.email, 'not the password');
      assert.equal(wrong.res.status, 401);
      const page = await wrong.res.text();
      assert.match(page, /The email or the password is wrong/);
      assert.match(page, new RegExp(`value="${admin.email}"`), 'the email stays in the form');
      const ok = await signIn(app, admin.email);
      assert.equal(ok.res.status, 303);
      const cookie = ok.res.headers.getSetCookie().find((c) => c.startsWith('gazette_session='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\/admin/);
      const dashboard = await app.request('/admin', { headers: { cookie: cookieHeader(ok.jar) } });
      assert.equal(dashboard.status, 200);
      assert.equal(dashboard.headers.get('cache-control'), 'no-store');
    });

    it('locks an account after five wrong passwords, even against the right one', async () => {
      const editor = await adminClient(app, store, 'editor');
      for (let i = 0; i < 5; i++) await signIn(app, editor.email, `wrong ${i}`);
      const locked = await signIn(app, editor.email, TEST_PASSWORD);
      assert.equal(locked.res.status, 429);
      assert.match(await locked.res.text(), /this account is locked until \d\d:\d\d UTC/);
    });

    it('limits sign-in attempts per address', async () => {
      const limited = await openDemoApp({ demo: false, store, signinPerMinute: '3' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await signIn(limited.app, 'someone@example.org', 'guess')).res.status);
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      const refused = await signIn(limited.app, 'someone@example.org', 'guess');
      assert.match(await refused.res.text(), /Too many sign-in attempts from your address\. Wait \d+ seconds/);
    });

    it('refuses an invalid email with a clear message', async () => {
      const res = (await signIn(app, 'nobody-at-all', 'x')).res;
      assert.equal(res.status, 400);
      assert.match(await res.text(), /Enter the email address of your account/);
    });

    it('refuses a form without the session’s CSRF token, and acts once on a double submit', async () => {
      const admin = await adminClient(app, store, 'admin');
      const forged = await app.request('/admin/account/sign-out-everywhere', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: 'forged' }),
      });
      assert.equal(forged.status, 403);
      assert.match(await forged.text(), /This form did not come from this admin area/);
      assert.equal((await admin.get('/admin')).status, 200, 'the forged form did nothing');

      const form = { _form: `twice-${Date.now()}`, current: 'wrong password', password: 'a new password here' };
      const first = await admin.post('/admin/account/password', form);
      assert.equal(first.status, 400, 'the first send is handled (and refused for its wrong password)');
      const second = await admin.post('/admin/account/password', form);
      assert.equal(second.status, 303, 'the second send of the same form is not handled again');
      const next = await admin.get(second.headers.get('location')!);
      assert.match(await next.text(), /This form had already been sent; it was done once, not again/);
    });

    it('signs out everywhere: every session of the user ends, on any device', async () => {
      const admin = await adminClient(app, store, 'admin');
      const other = await signIn(app, admin.email);
      assert.equal((await app.request('/admin', { headers: { cookie: cookieHeader(other.jar) } })).status, 200);
      const res = await admin.post('/admin/account/sign-out-everywhere');
      assert.equal(res.status, 303);
      const later = await app.request('/admin', { headers: { cookie: cookieHeader(other.jar) } });
      assert.equal(later.status, 303);
      assert.equal(later.headers.get('location'), '/admin/sign-in?expired=1');
      const signInPage = await app.request(later.headers.get('location')!);
      assert.match(await signInPage.text(), /Your session has ended/);
    });
  });
}
