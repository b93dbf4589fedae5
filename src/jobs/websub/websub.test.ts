import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { loadConfig } from '../../config/load-config.js';
import type { Provider } from '../../domain/provider.js';
import { closeFetchAgents } from '../../ingest/fetch/fetch-url.js';
import { startRouteServer, type RouteServer } from '../../ingest/fetch/testdata/route-server.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import { buildApp } from '../../web/app.js';
import { pollFeed, type PollContext } from '../poll-feed.js';
import { defaultScheduleRules } from '../schedule-rules.js';
import { signBody } from './websub-signature.js';

const fixture = (name: string) => readFileSync(new URL(`../testdata/${name}`, import.meta.url), 'utf8');
const hour = 3_600_000;

describe('WebSub', () => {
  let store: KyselyStore;
  let drop: () => Promise<void>;
  let server: RouteServer;
  let provider: Provider;
  let app: ReturnType<typeof buildApp>;
  const publicUrl = 'http://gazette.test';
  const ctx = (): PollContext => ({ store, rules: defaultScheduleRules, now: () => new Date(), random: () => 0, publicUrl });

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    provider = await store.providers.create({ slug: 'press-desk', name: 'Press Desk' });
    server = await startRouteServer({
      '/hub': (_req, res) => res.writeHead(202).end(),
      '/feed': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(fixture('websub-atom.xml').replace('HUB_URL', `${server.url}/hub`).replace('HUB_SELF', `${server.url}/feed`)),
    });
    app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false' }), logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await server.close();
    await closeFetchAgents();
    await drop();
  });

  it('subscribes, answers the verification, polls rarely, and ingests signed pushes only', async () => {
    const feed = await store.feeds.create({ providerId: provider.id, url: `${server.url}/feed`, pollIntervalSeconds: 900, allowPrivate: true });
    const first = await pollFeed(feed, ctx());
    assert.equal(first.result, 'ok');

    // The subscription request the hub received (W3C WebSub §5.1).
    const request = server.hits('/hub')[0];
    assert.ok(request, 'the hub got a subscription request');
    assert.equal(request.method, 'POST');
    const form = new URLSearchParams(request.body);
    assert.equal(form.get('hub.mode'), 'subscribe');
    assert.equal(form.get('hub.topic'), `${server.url}/feed`);
    const callback = form.get('hub.callback')!;
    assert.match(callback, new RegExp(`^${publicUrl}/websub/${feed.id}/[\\w-]{32}$`), 'the callback carries an unguessable token');
    const path = callback.slice(publicUrl.length);
    const secret = form.get('hub.secret');
    assert.ok(secret && secret.length >= 32);

    // Verification of intent (§5.3): the wrong topic is refused, the right one echoed.
    const wrong = await app.request(`${path}?hub.mode=subscribe&hub.topic=${encodeURIComponent('https://evil.example/feed')}&hub.challenge=abc`);
    assert.equal(wrong.status, 404);
    const verify = await app.request(
      `${path}?hub.mode=subscribe&hub.topic=${encodeURIComponent(`${server.url}/feed`)}&hub.challenge=c-123&hub.lease_seconds=864000`,
    );
    assert.equal(verify.status, 200);
    assert.equal(await verify.text(), 'c-123');
    const subscribed = (await store.feeds.findById(feed.id))!;
    assert.ok(subscribed.websubLeaseUntil && subscribed.websubLeaseUntil.getTime() > Date.now() + 9 * 24 * hour);

    // With a valid lease the feed is polled only as a daily safety net, and not re-subscribed.
    const second = await pollFeed(subscribed, ctx());
    assert.ok(second.nextPollAt.getTime() - Date.now() >= 23 * hour, `next poll ${second.nextPollAt.toISOString()}`);
    assert.equal(server.hits('/hub').length, 1);

    // A signed push is ingested through the pipeline (§7, §8).
    const push = fixture('websub-push.xml');
    const before = await store.articles.count();
    const bad = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(push, 'not-the-secret') },
      body: push,
    });
    assert.equal(bad.status, 403);
    const unsigned = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/atom+xml' }, body: push });
    assert.equal(unsigned.status, 403);
    assert.equal(await store.articles.count(), before, 'refused pushes store nothing');

    const good = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': signBody(push, secret, 'sha1') },
      body: push,
    });
    assert.equal(good.status, 202);
    assert.equal(await store.articles.count(), before + 1);
    assert.equal((await store.articles.findByGuid(provider.id, 'urn:press-desk:2002'))?.headline, 'Bridge closure extended by a week');
    assert.equal((await store.feeds.findById(feed.id))?.itemsNew, 1);
  });

  it('subscribes again, with a callback token, a feed subscribed before tokens existed', async () => {
    const feed = await store.feeds.create({ providerId: provider.id, url: `${server.url}/feed?old`, pollIntervalSeconds: 900, allowPrivate: true });
    await store.feeds.update(feed.id, {
      websubHub: `${server.url}/hub`,
      websubTopic: `${server.url}/feed`,
      websubSecret: 'x'.repeat(48),
      websubLeaseUntil: new Date(Date.now() + 5 * 24 * hour),
    });
    const hubHits = server.hits('/hub').length;
    await pollFeed((await store.feeds.findById(feed.id))!, ctx());
    const request = server.hits('/hub')[hubHits];
    assert.ok(request, 'the hub got a new subscription request');
    assert.match(new URLSearchParams(request.body).get('hub.callback') ?? '', new RegExp(`/websub/${feed.id}/[\\w-]{32}$`));
    assert.ok((await store.feeds.findById(feed.id))!.websubToken);
  });

  it('skips the same bytes while the lease runs, and reads them again to renew it', async () => {
    const feed = await store.feeds.create({ providerId: provider.id, url: `${server.url}/feed?renew`, pollIntervalSeconds: 900, allowPrivate: true });
    await pollFeed(feed, ctx());
    const callback = new URLSearchParams(server.hits('/hub').at(-1)!.body).get('hub.callback')!;
    const verify = await app.request(`${callback.slice(publicUrl.length)}?hub.mode=subscribe&hub.topic=${encodeURIComponent(`${server.url}/feed`)}&hub.challenge=c-9&hub.lease_seconds=864000`);
    assert.equal(verify.status, 200);
    const hubHits = server.hits('/hub').length;
    const quiet = await pollFeed((await store.feeds.findById(feed.id))!, ctx());
    assert.equal(quiet.result, 'not-modified', 'the same bytes while the lease runs');
    assert.equal(server.hits('/hub').length, hubHits);
    await store.feeds.update(feed.id, { websubLeaseUntil: new Date(Date.now() + hour) });
    const renewing = await pollFeed((await store.feeds.findById(feed.id))!, ctx());
    assert.equal(renewing.result, 'ok', 'read again: the lease ends within a day');
    assert.equal(server.hits('/hub').length, hubHits + 1, 'and subscribed again');
  });

  it('refuses to confirm a subscription Gazette never asked for', async () => {
    const feed = await store.feeds.create({ providerId: provider.id, url: 'https://press.example/other', pollIntervalSeconds: 900 });
    const res = await app.request(`/websub/${feed.id}?hub.mode=subscribe&hub.topic=${encodeURIComponent(feed.url)}&hub.challenge=x`);
    assert.equal(res.status, 404);
    assert.equal((await app.request('/websub/999999?hub.mode=subscribe&hub.topic=x&hub.challenge=x')).status, 404);
    const push = await app.request(`/websub/${feed.id}`, { method: 'POST', body: '<feed/>', headers: { 'x-hub-signature': 'sha256=00' } });
    assert.equal(push.status, 404);
  });
});
