/**
 * A takedown through the admin area removes a story from every public surface in one step —
 * home, category, provider, feeds, sitemaps, the JSON API, each through the page cache —
 * and restore brings it back; on both engines, and across two `gazette serve` processes on
 * one PostgreSQL database (the cache of the node that did not act drops it too).
 */
import assert from 'node:assert/strict';
import { spawnServe } from '../support/gazette-process.js';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { Hono } from 'hono';
import { articleDraft } from '../support/article-draft.js';
import { adminClient, cookieHeader, mergeCookies, TEST_PASSWORD } from '../support/admin-session.js';
import { openDemoApp } from '../support/demo-app.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { hashPassword } from '../../src/domain/password.js';
import type { Store } from '../../src/store/store.js';

const HEADLINE = 'Harbour authority approves the new ferry terminal';

/** Every public place a published story shows up, for a story in `world` by `menafn`. */
function surfaces(id: number): string[] {
  return ['/', '/category/world', '/provider/menafn', '/feeds/latest.rss', '/feeds/latest.json', '/feeds/category/world.atom', '/sitemaps/news.xml', '/api/v1/articles', `/api/v1/articles/${id}`];
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`takedown on every surface (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let app: Hono;
    let store: Store;
    let drop: () => Promise<void>;

    before(async () => {
      const pg = engine === 'postgres' ? await openTestPostgresStore() : undefined;
      const opened = await openDemoApp({ store: pg?.store });
      ({ app, store } = opened);
      drop = async () => {
        await opened.drop();
        await pg?.drop();
      };
    });
    after(async () => drop());

    it('removes the story everywhere at once, answers 410, elects a new head, and restore brings it all back', async () => {
      const menafn = (await store.providers.findBySlug('menafn'))!;
      const now = new Date();
      const { article } = await store.articles.upsert(articleDraft({ providerId: menafn.id, guid: 'ferry-terminal', headline: HEADLINE, categories: ['world'], publishedAt: now, updatedAt: now }));
      const page = `/article/${article.id}/${article.slug}`;
      const shows = async (path: string) => (await (await app.request(path)).text()).includes(HEADLINE);
      for (const path of [...surfaces(article.id), page]) assert.ok(await shows(path), `${path} shows the story first (and is now cached)`);

      const editor = await adminClient(app, store, 'editor');
      const confirm = await editor.get(`/admin/articles/${article.id}/take-down`);
      assert.match(await confirm.text(), /It leaves the home page, every listing/);
      const done = await editor.post(`/admin/articles/${article.id}/take-down`, { reason: 'Court order' });
      assert.equal(done.status, 303);

      for (const path of surfaces(article.id)) assert.ok(!(await shows(path)), `${path} no longer shows it`);
      const gone = await app.request(page);
      assert.equal(gone.status, 410);
      assert.match(await gone.text(), /This story has been removed/);
      const goneApi = await app.request(`/api/v1/articles/${article.id}`);
      assert.equal(goneApi.status, 410, 'the API says the article was taken down');
      assert.equal(((await goneApi.json()) as { error: { code: string } }).error.code, 'GONE');

      await editor.post(`/admin/articles/${article.id}/restore`);
      for (const path of [...surfaces(article.id), page]) assert.ok(await shows(path), `${path} shows it again`);
    });
  });
}

/** Polls `url` until `check` holds for its answer; throws after `timeoutMs`. */
async function waitFor(url: string, check: (status: number, text: string) => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const res = await fetch(url);
    if (check(res.status, await res.text())) return;
    await delay(25);
  }
  throw new Error(`${url} did not change within ${timeoutMs} ms`);
}

describe('takedown with two gazette serve processes on one PostgreSQL database', { skip: skipPostgres }, () => {
  let schemaDrop: () => Promise<void>;
  let a: { url: string; stop: () => Promise<void> };
  let b: { url: string; stop: () => Promise<void> };
  let articlePath: string;

  before(async () => {
    const opened = await openTestPostgresStore();
    schemaDrop = opened.drop;
    const provider = await opened.store.providers.create({ slug: 'desk', name: 'Desk Wire' });
    const now = new Date();
    const { article } = await opened.store.articles.upsert(articleDraft({ providerId: provider.id, guid: 'two-nodes', headline: HEADLINE, publishedAt: now, updatedAt: now }));
    articlePath = `/article/${article.id}/${article.slug}`;
    await opened.store.users.create({ email: 'editor@example.org', role: 'editor', providerId: null, passwordHash: await hashPassword(TEST_PASSWORD) });
    const env = { DATABASE_URL: opened.url, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO_CONTENT: 'false', INGEST_WORKERS: '0' };
    [a, b] = await Promise.all([spawnServe(env), spawnServe(env)]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await schemaDrop?.();
  });

  it('an editor on node A takes a story down; node B’s cached pages drop it within a second, and restore brings it back', async () => {
    for (const path of ['/', articlePath, '/feeds/latest.rss']) assert.match(await (await fetch(`${b.url}${path}`)).text(), new RegExp(HEADLINE), `${path} on B shows it, and B caches it`);

    // Sign in on node A as a browser would: the sign-in form, its CSRF cookie, the session cookie.
    const jar = new Map<string, string>();
    const form = await fetch(`${a.url}/admin/sign-in`);
    mergeCookies(jar, form);
    const signinCsrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const signedIn = await fetch(`${a.url}/admin/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: signinCsrf, email: 'editor@example.org', password: TEST_PASSWORD, next: '/admin' }),
    });
    assert.equal(signedIn.status, 303);
    mergeCookies(jar, signedIn);
    const id = articlePath.split('/')[2];
    const confirm = await fetch(`${a.url}/admin/articles/${id}/take-down`, { headers: { cookie: cookieHeader(jar) } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await confirm.text())![1]!;
    const post = (action: string, fields: Record<string, string> = {}) =>
      fetch(`${a.url}/admin/articles/${id}/${action}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, _form: `${action}-${Date.now()}`, ...fields }),
      });

    assert.equal((await post('take-down', { reason: 'Legal request' })).status, 303);
    await waitFor(`${b.url}/`, (_s, text) => !text.includes(HEADLINE), 1000);
    await waitFor(`${b.url}/feeds/latest.rss`, (_s, text) => !text.includes(HEADLINE), 1000);
    await waitFor(`${b.url}${articlePath}`, (status) => status === 410, 1000);

    assert.equal((await post('restore')).status, 303);
    await waitFor(`${b.url}/`, (_s, text) => text.includes(HEADLINE), 1000);
    await waitFor(`${b.url}${articlePath}`, (status) => status === 200, 1000);
  });
});
