/**
 * Webhooks end to end, on both engines: a real local HTTP receiver that verifies every
 * signature as a partner would, the real dispatcher and the real store. Delivery, a retry
 * after 500s, giving up (the endpoint is disabled), the SSRF guard, and durability: events
 * written before a restart, and a retry interrupted by one, are delivered exactly once.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../src/domain/webhook-signature.js';
import { closeFetchAgents } from '../../src/ingest/fetch/fetch-url.js';
import { createWebhookDispatcher } from '../../src/jobs/webhooks/webhook-dispatcher.js';
import { registerWebhook } from '../../src/jobs/webhooks/register-webhook.js';
import { rotateWebhookSecret } from '../../src/jobs/webhooks/rotate-webhook-secret.js';
import { webhookSecretBox } from '../../src/domain/webhook-secret-box.js';
import { generateWebhookSecret } from '../../src/domain/webhook-signature.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { generateApiKey } from '../../src/domain/api-key.js';
import { buildApp } from '../../src/web/app.js';
import { articleDraft } from '../support/article-draft.js';
import { responseValidator } from '../support/openapi-validator.js';
import { startLocalServer } from '../support/local-server.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

/** An engine: a fresh store, and how to open it again as a restarted process would. */
interface Engine {
  name: string;
  skip: string | false;
  open(): Promise<{ store: Store; reopen: () => Promise<Store>; drop: () => Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const { store, dir, drop } = await openTestSqliteStore();
      return { store, drop, reopen: async () => openSqliteStore(join(dir, 'gazette.sqlite')) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: skipPostgres,
    async open() {
      const { store, schema, url, drop } = await openTestPostgresStore();
      return { store, drop, reopen: async () => openPostgresStore(url, { schema, maxConnections: 2 }) };
    },
  },
];

/** A partner's receiver: answers each POST with the next scripted status (then 204), checking signatures. */
async function startReceiver(secretOf: (path: string) => string) {
  const received: { status: number; verified: string | null; body: Record<string, any>; eventId: string; raw: string; timestamp: string; signature: string }[] = [];
  let script: number[] = [];
  const server = await startLocalServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const status = script.shift() ?? 204;
      const timestamp = req.headers[WEBHOOK_HEADERS.timestamp] as string;
      const signature = req.headers[WEBHOOK_HEADERS.signature] as string;
      const verified = verifyWebhook(secretOf(req.url ?? ''), { timestamp, signature }, raw);
      received.push({ status, verified, body: JSON.parse(raw), eventId: String(req.headers[WEBHOOK_HEADERS.id]), raw, timestamp, signature });
      res.writeHead(status).end(status >= 400 ? 'not now' : '');
    });
  });
  return { ...server, received, answer: (...statuses: number[]) => (script = statuses) };
}

for (const engine of engines) {
  describe(`webhooks: ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let drop: () => Promise<void>;
    let providerId: number;
    let partnerKeyId: number;
    const secrets = new Map<string, string>();
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let n = 0;
    const retry = { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 40 };
    /** Seals secrets as every node of one site does: keyed from the server secret they share. */
    const box = webhookSecretBox('the-server-secret-every-node-of-this-site-shares');
    const dispatcher = (on: Store = store, secrets = box) => createWebhookDispatcher({ store: on, secrets, publicUrl: 'https://news.example', retry });
    /** Registers an endpoint at the receiver (an operator allowed the loopback address). */
    const hook = async (path: string, filter = {}) => {
      const made = await registerWebhook(store, box, { partnerKeyId, url: `${receiver.base}${path}`, filter, allowPrivate: true });
      secrets.set(path, made.secret);
      return made.webhook;
    };
    const publish = (on: Store = store, overrides: Record<string, unknown> = {}) =>
      on.articles.upsert(articleDraft({ providerId, guid: `hook-${++n}`, headline: `Story ${n}`, categories: ['world'], ...overrides }));
    /** Retries are due 40–60 ms after a failure. */
    const untilRetryIsDue = () => delay(80);

    before(async () => {
      ({ store, reopen, drop } = await engine.open());
      providerId = (await store.providers.create({ slug: 'wire', name: 'Wire' })).id;
      await store.categories.upsert({ slug: 'world', name: 'World', iptcCode: null });
      await store.categories.upsert({ slug: 'business', name: 'Business', iptcCode: null });
      partnerKeyId = (await store.partnerKeys.create({ name: 'Partner', keyId: 'partner1', secretHash: 'x', perMinute: 10 })).id;
      receiver = await startReceiver((path) => secrets.get(path) ?? '');
    });
    afterEach(async () => {
      for (const h of await store.webhooks.list()) await store.webhooks.remove(h.id);
      await dispatcher().runOnce(); // drains the outbox of what a test left
      receiver.received.length = 0;
      receiver.answer();
    });
    after(async () => {
      await receiver?.close();
      await closeFetchAgents();
      await drop?.();
    });

    it('delivers a signed event for a new story that the receiver verifies, only to endpoints whose filter matches', async () => {
      const world = await hook('/world', { category: 'world', language: 'en' });
      await hook('/business', { category: 'business' });
      const { article } = await publish();
      assert.equal(await dispatcher().runOnce(), 1);
      assert.equal(receiver.received.length, 1);
      const [got] = receiver.received;
      assert.equal(got!.verified, null, 'the signature verifies with the endpoint’s secret');
      assert.equal(got!.body.type, 'article.created');
      assert.equal(got!.body.id, got!.eventId);
      assert.equal(got!.body.article.id, article.id);
      assert.equal(got!.body.article.headline, article.headline);
      assert.match(got!.body.article.url, /^https:\/\/news\.example\/article\/\d+\//);
      const [logged] = await store.webhooks.deliveries(world.id);
      assert.deepEqual([logged!.status, logged!.attempts, logged!.lastStatus], ['delivered', 1, 204]);

      assert.equal(verifyWebhook('whsec_wrong', { timestamp: String(Math.floor(Date.now() / 1000)), signature: 'v1=00' }, '{}'), 'the signature does not match');
      assert.match(verifyWebhook(secrets.get('/world')!, { timestamp: '1000000000', signature: 'v1=00' }, '{}')!, /too old/);
    });

    it('tells of an update and of a takedown', async () => {
      await hook('/all');
      const { article } = await publish();
      await store.articles.upsert(articleDraft({ providerId, guid: article.guid, headline: 'Corrected', categories: ['world'] }));
      await dispatcher().runOnce();
      await store.articles.setStatus(article.id, 'taken_down');
      await dispatcher().runOnce();
      assert.deepEqual(
        receiver.received.map((r) => r.body.type),
        ['article.created', 'article.updated', 'article.taken_down'],
      );
      assert.equal(receiver.received[2]!.body.article.headline, undefined, 'a taken-down story is identified, not repeated');
    });

    it('retries after a 500 and delivers the same event on the next attempt', async () => {
      const endpoint = await hook('/flaky');
      receiver.answer(500, 500);
      await publish();
      await dispatcher().runOnce();
      await untilRetryIsDue();
      await dispatcher().runOnce();
      await untilRetryIsDue();
      await dispatcher().runOnce();
      assert.deepEqual(receiver.received.map((r) => r.status), [500, 500, 204]);
      assert.equal(new Set(receiver.received.map((r) => r.eventId)).size, 1, 'one event id on every attempt');
      const [logged] = await store.webhooks.deliveries(endpoint.id);
      assert.deepEqual([logged!.status, logged!.attempts], ['delivered', 3]);
    });

    it('gives up after the last attempt and disables the endpoint', async () => {
      const endpoint = await hook('/down');
      receiver.answer(500, 502, 503, 500);
      await publish();
      for (let i = 0; i < 4; i++) {
        await dispatcher().runOnce();
        await untilRetryIsDue();
      }
      assert.equal(receiver.received.length, 3, 'three attempts, then no more');
      const [logged] = await store.webhooks.deliveries(endpoint.id);
      assert.deepEqual([logged!.status, logged!.attempts, logged!.lastStatus], ['failed', 3, 503]);
      const after = (await store.webhooks.list()).find((h) => h.id === endpoint.id)!;
      assert.match(after.disabledReason ?? '', /stopped after 3 failed attempts/);
      await publish();
      await dispatcher().runOnce();
      assert.equal(receiver.received.length, 3, 'a disabled endpoint gets nothing');
    });

    it('refuses a private address when registering, and at delivery time unless allowed', async () => {
      await assert.rejects(registerWebhook(store, box, { partnerKeyId, url: `${receiver.base}/inside` }), (e: any) => e.code === 'VALIDATION_FAILED' && /loopback/.test(e.message));
      await assert.rejects(registerWebhook(store, box, { partnerKeyId, url: 'http://169.254.169.254/latest' }), { code: 'VALIDATION_FAILED' });
      await assert.rejects(registerWebhook(store, box, { partnerKeyId, url: 'ftp://partner.example/x' }), { code: 'VALIDATION_FAILED' });
      // A name that pointed elsewhere when registered and now resolves to loopback.
      const sneaky = await store.webhooks.create({ partnerKeyId, url: `${receiver.base}/rebound`, secret: box.seal(generateWebhookSecret()), filter: {} });
      await publish();
      await dispatcher().runOnce();
      assert.equal(receiver.received.length, 0, 'nothing reached the private address');
      const [logged] = await store.webhooks.deliveries(sneaky.id);
      assert.equal(logged!.status, 'failed');
      assert.match(logged!.lastError ?? '', /refused to connect/);
      assert.ok((await store.webhooks.list()).find((h) => h.id === sneaky.id)!.disabledAt, 'the endpoint is disabled');
    });

    it('lets a partner register, list, read the log of and remove its webhooks over the API, and no one else’s', async () => {
      const app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PAGE_CACHE_MB: '0' }), logger: pino({ level: 'silent' }) });
      const validate = responseValidator((await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> });
      const keyOf = async (name: string) => {
        const made = generateApiKey('gzp');
        await store.partnerKeys.create({ name, keyId: made.keyId, secretHash: made.secretHash, perMinute: 100 });
        return { authorization: `Bearer ${made.token}`, 'content-type': 'application/json' };
      };
      const mine = await keyOf('Mine');
      const theirs = await keyOf('Theirs');
      const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown, documented = path) => {
        const res = await app.request(`/api/v1${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
        const json = res.status === 204 ? null : await res.json();
        if (json !== null) assert.deepEqual(validate(documented, method.toLowerCase(), res.status, 'application/json', json), [], `${method} ${path} as documented`);
        return { status: res.status, json: json as any, res };
      };

      assert.equal((await call('GET', '/webhooks', {})).status, 401);
      assert.equal((await call('POST', '/webhooks', { 'content-type': 'application/json' }, { url: 'https://93.184.215.14/hook' })).status, 401);
      const privateUrl = await call('POST', '/webhooks', mine, { url: `${receiver.base}/inside` });
      assert.deepEqual([privateUrl.status, privateUrl.json.error.code], [400, 'VALIDATION_FAILED']);
      assert.equal((await call('POST', '/webhooks', mine, { url: 'https://93.184.215.14/hook', filter: { colour: 'red' } })).status, 400);

      const made = await call('POST', '/webhooks', mine, { url: 'https://93.184.215.14/hook', filter: { category: 'world' } });
      assert.equal(made.status, 201);
      assert.match(made.json.secret, /^whsec_/);
      assert.equal(made.res.headers.get('cache-control'), 'private, no-store');
      const id = made.json.data.id as number;
      assert.deepEqual((await call('GET', '/webhooks', mine)).json.data.map((h: any) => h.id), [id]);
      assert.deepEqual((await call('GET', '/webhooks', theirs)).json.data, [], 'another partner sees none of it');
      assert.equal((await call('GET', `/webhooks/${id}/deliveries`, theirs, undefined, '/webhooks/{id}/deliveries')).status, 404);
      assert.equal((await call('DELETE', `/webhooks/${id}`, theirs, undefined, '/webhooks/{id}')).status, 404);

      await store.webhooks.enqueue([1, 2, 3].map((i) => ({ webhookId: id, eventId: `api-${i}`, eventType: 'article.created', articleId: i, payload: '{}' })));
      const first = await call('GET', `/webhooks/${id}/deliveries?limit=2`, mine, undefined, '/webhooks/{id}/deliveries');
      assert.deepEqual(first.json.data.map((d: any) => [d.eventId, d.status]), [['api-3', 'pending'], ['api-2', 'pending']]);
      const second = await call('GET', `/webhooks/${id}/deliveries?limit=2&cursor=${first.json.next}`, mine, undefined, '/webhooks/{id}/deliveries');
      assert.deepEqual(second.json.data.map((d: any) => d.eventId), ['api-1']);
      assert.equal(second.json.next, null);

      // Rotating: the new secret once, the overlap in the endpoint; nobody else may rotate it.
      assert.equal((await call('POST', `/webhooks/${id}/rotate-secret`, theirs, {}, '/webhooks/{id}/rotate-secret')).status, 404);
      assert.equal((await call('POST', `/webhooks/${id}/rotate-secret`, mine, { overlapHours: 1000 }, '/webhooks/{id}/rotate-secret')).status, 400);
      const rotated = await call('POST', `/webhooks/${id}/rotate-secret`, mine, { overlapHours: 2 }, '/webhooks/{id}/rotate-secret');
      assert.equal(rotated.status, 200);
      assert.match(rotated.json.secret, /^whsec_/);
      assert.notEqual(rotated.json.secret, made.json.secret);
      assert.ok(Math.abs(Date.parse(rotated.json.data.previousSecretUntil) - (Date.now() + 2 * 3_600_000)) < 60_000);
      const stored = (await store.webhooks.findById(id))!;
      assert.match(stored.previousSecret!, /^v1\./, 'the replaced secret is kept, sealed');
      for (const value of [stored.secret, stored.previousSecret!]) assert.ok(!value.includes('whsec_'), 'no secret is stored in plain text');
      const byDefault = await app.request(`/api/v1/webhooks/${id}/rotate-secret`, { method: 'POST', headers: { authorization: mine.authorization } });
      assert.equal(byDefault.status, 200, 'no body: the default overlap');
      assert.equal((await call('GET', '/webhooks', mine)).json.data[0].secretRotatedAt !== null, true);

      assert.equal((await call('DELETE', `/webhooks/${id}`, mine, undefined, '/webhooks/{id}')).status, 204);
      assert.deepEqual((await call('GET', '/webhooks', mine)).json.data, []);
    });

    it('rotates a secret without losing an event: during the overlap a receiver on the old secret and one on the new both verify', async () => {
      const made = await hook('/rotating');
      const old = secrets.get('/rotating')!;
      const { secret: fresh, webhook } = await rotateWebhookSecret(store, box, made.id, { overlapHours: 24 });
      assert.notEqual(fresh, old);
      assert.match(fresh, /^whsec_/);
      assert.ok(webhook.previousSecretUntil!.getTime() > Date.now() + 23 * 3_600_000);
      await publish();
      assert.equal(await dispatcher().runOnce(), 1);
      const [during] = receiver.received;
      assert.equal(during!.verified, null, 'the receiver still holding the old secret accepts it');
      assert.equal(verifyWebhook(fresh, during!, during!.raw), null, 'a receiver already switched to the new secret accepts it too');
      assert.equal(during!.signature.split(' ').length, 2);

      // The partner switched; then a leak: rotated again with no overlap, only the newest signs.
      secrets.set('/rotating', fresh);
      const { secret: third } = await rotateWebhookSecret(store, box, made.id, { overlapHours: 0 });
      await publish();
      await dispatcher().runOnce();
      const after = receiver.received[1]!;
      assert.equal(after.signature.split(' ').length, 1);
      assert.equal(after.verified, 'the signature does not match', 'the replaced secret no longer verifies anything');
      assert.equal(verifyWebhook(third, after, after.raw), null);
      await assert.rejects(rotateWebhookSecret(store, box, made.id, { overlapHours: 24 * 8 }), { code: 'VALIDATION_FAILED' });
    });

    it('keeps signing secrets sealed: the database alone holds no secret, and a node keyed otherwise cannot sign', async () => {
      const made = await hook('/sealed');
      const stored = (await store.webhooks.findById(made.id))!;
      assert.match(stored.secret, /^v1\./);
      assert.ok(!stored.secret.includes(secrets.get('/sealed')!));
      assert.equal(box.open(stored.secret), secrets.get('/sealed'));

      await publish();
      const elsewhere = webhookSecretBox('a-node-that-was-given-another-server-secret');
      assert.equal(await dispatcher(store, elsewhere).runOnce(), 1);
      assert.equal(receiver.received.length, 0, 'nothing unsigned or wrongly signed leaves');
      const [failed] = await store.webhooks.deliveries(made.id);
      assert.equal(failed!.status, 'pending', 'kept for a node that can open it');
      assert.match(failed!.lastError!, /IMAGE_SECRET on every node/);
      await untilRetryIsDue();
      assert.equal(await dispatcher().runOnce(), 1);
      assert.equal(receiver.received[0]!.verified, null, 'a node with the site’s server secret delivers it, signed');
    });

    it('seals a secret stored in plain text before sealing, and goes on signing with it', async () => {
      const old = generateWebhookSecret();
      const made = await store.webhooks.create({ partnerKeyId, url: `${receiver.base}/older`, secret: old, filter: {}, allowPrivate: true });
      secrets.set('/older', old);
      await publish();
      assert.equal(await dispatcher().runOnce(), 1);
      assert.equal(receiver.received[0]!.verified, null, 'the partner’s secret is unchanged');
      const stored = (await store.webhooks.findById(made.id))!;
      assert.match(stored.secret, /^v1\./);
      assert.equal(box.open(stored.secret), old);
    });

    it('delivers events written before a restart, and a retry interrupted by one, exactly once', async () => {
      await hook('/durable');
      receiver.answer(500);
      await publish();
      await dispatcher().runOnce(); // the first attempt fails
      await publish(); // and this one is only in the outbox when the process stops
      const restarted = await reopen();
      try {
        await untilRetryIsDue();
        // Two nodes now run at once: each event still goes once. (Two SQLite connections in
        // one process would wait on each other's locks synchronously, so they take turns.)
        if (engine.name === 'PostgreSQL') await Promise.all([dispatcher(restarted).runOnce(), dispatcher(store).runOnce()]);
        else for (const on of [restarted, store]) await dispatcher(on).runOnce();
        await dispatcher(restarted).runOnce();
      } finally {
        await restarted.close();
      }
      const delivered = receiver.received.filter((r) => r.status === 204);
      assert.equal(delivered.length, 2);
      assert.equal(new Set(delivered.map((r) => r.eventId)).size, 2, 'no event delivered twice');
      assert.equal(receiver.received.length, 3, 'one failed attempt, two deliveries');
    });
  });
}
