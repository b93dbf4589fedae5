/**
 * The WebSub callback against forged requests, through a real server on a real socket:
 * verifications and pushes that do not name a live subscription with its token are refused,
 * leases are bounded, and a huge chunked push is cut off at the limit without growing memory.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { pino } from 'pino';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { loadConfig } from '../../config/load-config.js';
import type { Feed } from '../../domain/feed.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import { leaseBounds } from '../../jobs/websub/receive-websub.js';
import { hubMayReceiveSecret, subscribeToHub } from '../../jobs/websub/subscribe-to-hub.js';
import { signBody } from '../../jobs/websub/websub-signature.js';
import { buildApp } from '../app.js';
import { maxWebsubPushBytes } from './websub-routes.js';

const topic = 'https://press.example/feed';
const token = 'tok-Abcdefghijklmnopqrstuvwxyz0123';
const secret = 's'.repeat(48);

describe('WebSub callback under attack', () => {
  let store: KyselyStore;
  let drop: () => Promise<void>;
  let server: ServerType;
  let base: string;
  let n = 0;

  /** A feed with a pending subscription (hub asked, not yet verified). */
  const pendingFeed = async (): Promise<Feed> => {
    const provider = await store.providers.create({ slug: `press-${++n}`, name: `Press ${n}` });
    const feed = await store.feeds.create({ providerId: provider.id, url: `${topic}?n=${n}`, pollIntervalSeconds: 900 });
    return store.feeds.update(feed.id, { websubHub: 'https://hub.example/', websubTopic: topic, websubSecret: secret, websubToken: token });
  };
  const verify = (path: string, params: Record<string, string>) => fetch(`${base}${path}?${new URLSearchParams(params)}`);

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    const app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false' }), logger: pino({ level: 'silent' }) });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    (server as import('node:http').Server).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await drop();
  });

  it('refuses forged verifications: no token, a wrong token, a wrong topic; the subscription is untouched', async () => {
    const feed = await pendingFeed();
    const subscribe = { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': 'c-1', 'hub.lease_seconds': '3153600000' };
    for (const path of [`/websub/${feed.id}`, `/websub/${feed.id}/wrong-token-wrong-token-wrong-tok`, `/websub/${feed.id}/${token}x`]) {
      const res = await verify(path, subscribe);
      assert.equal(res.status, 404, path);
      assert.notEqual(await res.text(), 'c-1');
    }
    const denied = await verify(`/websub/${feed.id}/not-the-token`, { 'hub.mode': 'denied', 'hub.topic': topic });
    assert.equal(denied.status, 404);
    const otherTopic = await verify(`/websub/${feed.id}/${token}`, { ...subscribe, 'hub.topic': 'https://evil.example/feed' });
    assert.equal(otherTopic.status, 404);
    const unsubscribe = await verify(`/websub/${feed.id}/${token}`, { ...subscribe, 'hub.mode': 'unsubscribe' });
    assert.equal(unsubscribe.status, 404, 'Gazette never asked to unsubscribe');
    const after = (await store.feeds.findById(feed.id))!;
    assert.equal(after.websubLeaseUntil, null, 'still pending');
    assert.equal(after.websubSecret, secret);
  });

  it('bounds the lease a hub grants, and answers hub.lease_seconds=1e308 or garbage without a 500', async () => {
    const feed = await pendingFeed();
    for (const lease of ['1e308', '3153600000', 'Infinity', '-5', 'soon']) {
      const res = await verify(`/websub/${feed.id}/${token}`, { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': `c-${lease}`, 'hub.lease_seconds': lease });
      assert.equal(res.status, 200, lease);
      assert.equal(await res.text(), `c-${lease}`);
      const until = (await store.feeds.findById(feed.id))!.websubLeaseUntil!.getTime();
      assert.ok(until <= Date.now() + leaseBounds.maxSeconds * 1000, `lease for ${lease} is bounded`);
    }
  });

  it('refuses pushes to a callback with no subscription, a wrong token, an expired lease, or no signature', async () => {
    const feed = await pendingFeed();
    const body = '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>';
    const post = (path: string, headers: Record<string, string> = { 'x-hub-signature': signBody(body, secret) }) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/atom+xml', ...headers }, body });
    assert.equal((await post(`/websub/${feed.id}`)).status, 404);
    assert.equal((await post(`/websub/${feed.id}/wrong-token`)).status, 404);
    assert.equal((await post(`/websub/${feed.id}/${token}`, {})).status, 403);
    assert.equal((await post(`/websub/${feed.id}/${token}`, { 'x-hub-signature': signBody(body, 'guessed') })).status, 403);
    await store.feeds.update(feed.id, { websubLeaseUntil: new Date(Date.now() - 1000) });
    assert.equal((await post(`/websub/${feed.id}/${token}`)).status, 404, 'an expired subscription takes nothing');
    const none = await pendingFeed();
    await store.feeds.update(none.id, { websubHub: null, websubSecret: null });
    assert.equal((await post(`/websub/${none.id}/${token}`)).status, 404, 'no subscription pending or active');
  });

  it('cuts a 1 GB chunked push off at the limit, and memory stays flat', async (t) => {
    const feed = await pendingFeed();
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const total = 1024 * chunk.length;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let sent = 0;
    const status = await new Promise<number | 'closed'>((resolve) => {
      const req = httpRequest(`${base}/websub/${feed.id}/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/atom+xml', 'x-hub-signature': `sha256=${'0'.repeat(64)}`, 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => {
        if (!answered) resolve('closed');
      });
      const write = () => {
        while (sent < total && !answered && !req.destroyed) {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        if (sent >= total) req.end();
        else req.destroy();
      };
      write();
    });
    // The server answers 413 and closes; on a busy machine the close can reach the client
    // before the answer does. Either way the upload was refused, and the server lives on.
    assert.ok(status === 413 || status === 'closed', `refused, not ${status}`);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.ok(sent < total / 4, `the upload was cut off early (${Math.round(sent / 2 ** 20)} MB sent of 1024)`);
    const grew = (peakRss - rssBefore) / 2 ** 20;
    t.diagnostic(`sent ${Math.round(sent / 2 ** 20)} MB before the cut-off; RSS grew ${grew.toFixed(1)} MB`);
    assert.ok(grew < 8 * (maxWebsubPushBytes / 2 ** 20), `RSS grew ${grew.toFixed(0)} MB`);
  });

  it('sends the secret only to https hubs (or this machine), never over plain http on a network', async () => {
    assert.equal(hubMayReceiveSecret('https://pubsubhubbub.appspot.com/'), true);
    assert.equal(hubMayReceiveSecret('http://127.0.0.1:8080/hub'), true);
    assert.equal(hubMayReceiveSecret('http://hub.example/'), false);
    assert.equal(hubMayReceiveSecret('http://10.0.0.5/hub'), false);
    const provider = await store.providers.create({ slug: 'plain-http', name: 'Plain HTTP' });
    const feed = await store.feeds.create({ providerId: provider.id, url: 'https://plain.example/feed', pollIntervalSeconds: 900 });
    const result = await subscribeToHub(store, feed, { hubUrl: 'http://hub.example/', topicUrl: feed.url, publicUrl: 'https://gazette.example' });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /not https/);
    assert.equal((await store.feeds.findById(feed.id))!.websubSecret, null, 'no secret was made or sent');
  });
});
