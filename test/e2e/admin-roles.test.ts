/**
 * Role boundaries with direct URLs, hostile input shown as text, and bad input answered
 * with a message, through the real app on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { generateApiKey } from '../../src/domain/api-key.js';
import type { Store } from '../../src/store/store.js';
import { articleDraft } from '../support/article-draft.js';
import { adminClient, type AdminClient } from '../support/admin-session.js';
import { openEmptyAppOn } from '../support/demo-app.js';
import { skipPostgres } from '../support/postgres.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`admin roles and input (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let app: Hono;
    let store: Store;
    let drop: () => Promise<void>;
    let own: { providerId: number; articleId: number; feedId: number };
    let other: { providerId: number; slug: string; articleId: number; feedId: number; keyId: string };
    let providerUser: AdminClient;
    let editor: AdminClient;
    let admin: AdminClient;

    before(async () => {
      ({ app, store, drop } = await openEmptyAppOn(engine));
      const a = await store.providers.create({ slug: 'own-agency', name: 'Own Agency' });
      const b = await store.providers.create({ slug: 'other-agency', name: 'Other Agency' });
      const key = generateApiKey();
      await store.apiKeys.create({ providerId: b.id, keyId: key.keyId, secretHash: key.secretHash });
      own = {
        providerId: a.id,
        articleId: (await store.articles.upsert(articleDraft({ providerId: a.id, guid: 'own-1', headline: 'Own agency story' }))).article.id,
        feedId: (await store.feeds.create({ providerId: a.id, url: 'https://own.example/feed.xml', pollIntervalSeconds: 900 })).id,
      };
      other = {
        providerId: b.id,
        slug: b.slug,
        articleId: (await store.articles.upsert(articleDraft({ providerId: b.id, guid: 'other-1', headline: 'Other agency story' }))).article.id,
        feedId: (await store.feeds.create({ providerId: b.id, url: 'https://other.example/feed.xml', pollIntervalSeconds: 900 })).id,
        keyId: key.keyId,
      };
      providerUser = await adminClient(app, store, 'provider', a.id);
      editor = await adminClient(app, store, 'editor');
      admin = await adminClient(app, store, 'admin');
    });
    after(async () => drop());

    it('keeps a provider user to its own provider’s stories, keys and feeds, whatever URL it types', async () => {
      const forbidden = [
        ['GET', `/admin/articles/${other.articleId}`],
        ['GET', `/admin/articles/${other.articleId}/take-down`],
        ['POST', `/admin/articles/${other.articleId}/take-down`],
        ['GET', `/admin/providers/${other.providerId}`],
        ['POST', `/admin/providers/${other.providerId}/keys`],
        ['POST', `/admin/providers/${other.providerId}/keys/${other.keyId}/revoke`],
        ['GET', `/admin/feeds/${other.feedId}`],
        ['POST', `/admin/feeds/${other.feedId}`],
        ['POST', `/admin/feeds/${other.feedId}/pause`],
        ['POST', `/admin/feeds/${other.feedId}/remove`],
        // Editorial calls on its own stories are the editors’.
        ['POST', `/admin/articles/${own.articleId}`],
        ['POST', `/admin/articles/${own.articleId}/unpublish`],
        ['GET', '/admin/users'],
        ['POST', '/admin/users'],
        ['GET', '/admin/partner-keys'],
        ['POST', '/admin/partner-keys'],
        ['GET', '/admin/providers/new'],
        ['POST', '/admin/providers'],
      ] as const;
      for (const [method, path] of forbidden) {
        const res = method === 'GET' ? await providerUser.get(path) : await providerUser.post(path, { reason: 'x', headline: 'x', name: 'x', email: 'x@example.org', role: 'admin', url: 'https://x.example/', interval: '5', slug: 'x' });
        assert.equal(res.status, 403, `${method} ${path} answered ${res.status}`);
      }
      assert.equal((await store.articles.findById(other.articleId))?.status, 'published');
      assert.equal((await store.apiKeys.listByProvider(other.providerId)).length, 1, 'no key made');
      assert.equal((await store.apiKeys.listByProvider(other.providerId))[0]?.revokedAt, null, 'none revoked');
      assert.equal((await store.feeds.findById(other.feedId))?.pausedAt, null);

      const list = await (await providerUser.get(`/admin/articles?provider=${other.slug}`)).text();
      assert.match(list, /Own agency story/);
      assert.doesNotMatch(list, /Other agency story/, 'the provider filter cannot widen its view');
      const feeds = await (await providerUser.get('/admin/feeds')).text();
      assert.match(feeds, /own\.example/);
      assert.doesNotMatch(feeds, /other\.example/);
      await admin.post(`/admin/feeds/${other.feedId}/poll`);
      assert.doesNotMatch(await (await providerUser.get('/admin/audit')).text(), /other\.example/, 'nor others’ audit entries');

      // What it may do: its own keys, its own feeds, retract its own story.
      assert.equal((await providerUser.post(`/admin/providers/${own.providerId}/keys`)).status, 200);
      assert.equal((await providerUser.post(`/admin/feeds/${own.feedId}/pause`)).status, 303);
      assert.equal((await providerUser.post(`/admin/articles/${own.articleId}/take-down`, { reason: 'Sent by mistake' })).status, 303);
      assert.equal((await store.articles.findById(own.articleId))?.status, 'taken_down');
    });

    it('shows views per day on the dashboards: every provider’s to editors, its own to a provider user', async () => {
      const now = new Date();
      await store.popularity.record([{ articleId: own.articleId, views: 7, at: now }, { articleId: other.articleId, views: 5, at: now }], 24);
      const today = now.toISOString().slice(0, 10);
      const all = await (await editor.get('/admin')).text();
      assert.match(all, /Views per day, last 7 days/);
      assert.match(all, new RegExp(`${today}: 12`), 'both providers’ views');
      const mine = await (await providerUser.get('/admin')).text();
      assert.match(mine, new RegExp(`${today}: 7`), 'only its own provider’s views');
    });

    it('lets an editor set and remove a story’s lead picture from the edit form', async () => {
      const { article } = await store.articles.upsert(articleDraft({ providerId: own.providerId, guid: 'own-picture', headline: 'Harbour story' }));
      const fields = { headline: 'Harbour story', summary: article.summary, primary: '', image_url: 'https://photos.example/harbour.jpg', image_alt: 'Ships at dawn', image_caption: 'The harbour reopened.', image_credit: 'Wire Photo' };
      assert.equal((await editor.post(`/admin/articles/${article.id}`, fields)).status, 303);
      const set = (await store.articles.findById(article.id))!.leadImage;
      assert.equal(set?.url, 'https://photos.example/harbour.jpg');
      assert.equal(set?.status, 'pending', 'fetched and measured before pages show it');
      assert.match(await (await editor.get(`/admin/articles/${article.id}`)).text(), /value="Ships at dawn"/);
      const bad = await editor.post(`/admin/articles/${article.id}`, { ...fields, image_url: 'javascript:alert(1)' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /must start with http/);
      assert.equal((await editor.post(`/admin/articles/${article.id}`, { ...fields, image_url: '' })).status, 303);
      assert.equal((await store.articles.findById(article.id))!.leadImage, null);
    });

    it('lets an editor do editorial work but not manage users', async () => {
      assert.equal((await editor.get('/admin/users')).status, 403);
      const before = (await store.users.page(undefined, 200)).length;
      assert.equal((await editor.post('/admin/users', { email: 'new@example.org', role: 'admin' })).status, 403);
      assert.equal((await editor.post(`/admin/users/${admin.userId}/disable`)).status, 403);
      assert.equal((await store.users.page(undefined, 200)).length, before);
      assert.equal((await store.users.findById(admin.userId))?.disabledAt, null);
      assert.doesNotMatch(await (await editor.get('/admin')).text(), /href="\/admin\/users"/, 'no Users entry in its nav');
      assert.equal((await editor.get(`/admin/articles/${other.articleId}`)).status, 200);
      assert.equal((await editor.get('/admin/partner-keys')).status, 200);
    });

    it('shows script payloads as text on every admin page they reach', async () => {
      const created = await editor.post('/admin/providers', { slug: 'hostile', name: XSS, homepage: '', contact: '', disclaimer: XSS });
      assert.equal(created.status, 303);
      const providerId = Number(/\/admin\/providers\/(\d+)/.exec(created.headers.get('location')!)![1]);
      assert.equal((await editor.post(`/admin/articles/${other.articleId}`, { headline: XSS, summary: XSS })).status, 303);
      assert.equal((await editor.post(`/admin/articles/${other.articleId}/unpublish`, { reason: XSS })).status, 303);
      for (const path of ['/admin/providers', `/admin/providers/${providerId}`, `/admin/articles/${other.articleId}`, '/admin/articles?status=unpublished', '/admin/audit', '/admin']) {
        const html = await (await editor.get(path)).text();
        assert.doesNotMatch(html, /<script>alert|<img src=x/i, `${path} carries a live payload`);
        if (path !== '/admin') assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${path} shows it as text`);
      }
    });

    it('answers bad input with a message and keeps what was typed', async () => {
      const long = 'x'.repeat(1001);
      const headline = await editor.post(`/admin/articles/${own.articleId}`, { headline: long, summary: 'kept summary' });
      assert.equal(headline.status, 400);
      const page = await headline.text();
      assert.match(page, /The headline has at most 1000 characters/);
      assert.match(page, /kept summary/);
      const email = await admin.post('/admin/users', { email: 'not an email', role: 'editor', provider: '' });
      assert.equal(email.status, 400);
      const emailPage = await email.text();
      assert.match(emailPage, /This is not an email address/);
      assert.match(emailPage, /value="not an email"/);
      const feed = await editor.post('/admin/feeds', { provider: 'own-agency', url: 'ftp://files.example/feed', interval: '0' });
      assert.equal(feed.status, 400);
      const feedPage = await feed.text();
      assert.match(feedPage, /Only http and https feeds/);
      assert.match(feedPage, /A whole number of minutes/);
      assert.match(feedPage, /value="ftp:\/\/files\.example\/feed"/);
      const reason = await editor.post(`/admin/articles/${own.articleId}/unpublish`, { reason: '   ' });
      assert.equal(reason.status, 400);
      assert.match(await reason.text(), /Give a reason/);
      const nul = await editor.post('/admin/providers', { slug: 'nul', name: 'Bad\u0000Name' });
      assert.equal(nul.status, 400);
      assert.equal(await store.providers.findBySlug('nul'), undefined);
      const huge = await editor.post('/admin/partner-keys', { name: 'y'.repeat(300 * 1024), perMinute: '10' });
      assert.equal(huge.status, 413);
      assert.match(await huge.text(), /This form is too large/);
    });
  });
}
