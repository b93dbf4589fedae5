/**
 * The admin area's webhook pages on both engines: every partner endpoint with its state,
 * its delivery log paged by cursor, and secret rotation (the new secret shown once, the old
 * one kept for the overlap, audited), editors only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { adminClient, type AdminClient } from '../support/admin-session.js';
import { openEmptyAppOn } from '../support/demo-app.js';
import { skipPostgres } from '../support/postgres.js';

const XSS = '<script>alert(1)</script>';

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`admin webhook pages (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let app: Hono;
    let store: Store;
    let drop: () => Promise<void>;
    let editor: AdminClient;
    let providerUser: AdminClient;
    let hookId: number;

    before(async () => {
      ({ app, store, drop } = await openEmptyAppOn(engine));
      const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
      const partner = await store.partnerKeys.create({ name: 'Aggregator Ltd', keyId: 'aggkey1', secretHash: 'x', perMinute: 100 });
      hookId = (await store.webhooks.create({ partnerKeyId: partner.id, url: 'https://partner.example/hooks/gazette', secret: 'whsec_first', filter: { category: 'world' } })).id;
      // 55 deliveries: a full page of the log and five more; one failed with a hostile error text.
      await store.webhooks.enqueue(Array.from({ length: 55 }, (_, i) => ({ webhookId: hookId, eventId: `ev-${i}`, eventType: 'article.created', articleId: 100 + i, payload: '{}' })));
      const [first] = await store.webhooks.deliveries(hookId, { limit: 1 });
      await store.webhooks.recordAttempt(first!.id, { delivered: false, status: 500, error: `the server answered 500 ${XSS}`, nextAttemptAt: null, at: new Date() });
      editor = await adminClient(app, store, 'editor');
      providerUser = await adminClient(app, store, 'provider', provider.id);
    });
    after(async () => drop());

    it('lists every endpoint with its partner, filter and state, and pages its delivery log, newest first', async () => {
      const list = await (await editor.get('/admin/webhooks')).text();
      assert.match(list, /Aggregator Ltd/);
      assert.match(list, /https:\/\/partner\.example\/hooks\/gazette/);
      assert.match(list, /category: world/);
      assert.match(list, /href="\/admin\/webhooks"[^>]*>Webhooks</, 'in the nav');

      const page = await editor.get(`/admin/webhooks/${hookId}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.equal((html.match(/<tr>/g) ?? []).length - 1, 50, 'fifty deliveries and the head row');
      assert.match(html, /article\.created/);
      assert.match(html, /500 · the server answered 500 &lt;script&gt;/, 'a receiver’s error shown as text');
      assert.doesNotMatch(html, /<script>alert/);
      const next = /href="(\/admin\/webhooks\/\d+\?before=\d+)" rel="next"/.exec(html)![1]!;
      const older = await (await editor.get(next)).text();
      assert.equal((older.match(/<tr>/g) ?? []).length - 1, 5);
      assert.doesNotMatch(older, /rel="next"/);
      assert.equal((await editor.get('/admin/webhooks/999999')).status, 404);
      assert.equal((await editor.get('/admin/webhooks/nope')).status, 404);
    });

    it('rotates the secret after a confirm page: shown once, the old one signing for the overlap, audited', async () => {
      const confirm = await (await editor.get(`/admin/webhooks/${hookId}/rotate`)).text();
      assert.match(confirm, /name="overlapHours"[^>]*value="24"/);

      const bad = await editor.post(`/admin/webhooks/${hookId}/rotate`, { overlapHours: '1000' });
      assert.equal(bad.status, 400);
      const badPage = await bad.text();
      assert.match(badPage, /A whole number of hours from 0 to 168/);
      assert.match(badPage, /value="1000"/);
      assert.equal((await store.webhooks.findById(hookId))!.secret, 'whsec_first', 'nothing changed');

      const done = await editor.post(`/admin/webhooks/${hookId}/rotate`, { overlapHours: '48' });
      assert.equal(done.status, 200);
      const shown = /<p class="secret">(whsec_[A-Za-z0-9_-]+)<\/p>/.exec(await done.text())?.[1];
      assert.ok(shown, 'the new secret is on the page');
      const stored = (await store.webhooks.findById(hookId))!;
      assert.match(stored.secret, /^v1\./, 'kept sealed');
      assert.ok(!stored.secret.includes(shown!));
      assert.equal(stored.previousSecret, 'whsec_first', 'the one it replaces signs on');
      assert.ok(Math.abs(stored.previousSecretUntil!.getTime() - (Date.now() + 48 * 3_600_000)) < 60_000);
      const list = await (await editor.get('/admin/webhooks')).text();
      assert.doesNotMatch(list, new RegExp(shown!), 'never shown again');
      assert.match(list, /the old one also signs until/);
      const audit = await (await editor.get('/admin/audit')).text();
      assert.match(audit, /Rotated the signing secret of webhook/);
    });

    it('keeps provider users out', async () => {
      for (const [method, path] of [
        ['GET', '/admin/webhooks'],
        ['GET', `/admin/webhooks/${hookId}`],
        ['GET', `/admin/webhooks/${hookId}/rotate`],
        ['POST', `/admin/webhooks/${hookId}/rotate`],
      ] as const) {
        const res = method === 'GET' ? await providerUser.get(path) : await providerUser.post(path, { overlapHours: '0' });
        assert.equal(res.status, 403, `${method} ${path}`);
      }
      assert.notEqual((await store.webhooks.findById(hookId))!.previousSecretUntil, null, 'the provider user’s rotation did nothing');
    });
  });
}
