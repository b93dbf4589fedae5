import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { addProvider, createProviderKey } from '../../cli/provider.js';
import { loadConfig } from '../../config/load-config.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';
import { rateLimit } from './rate-limit.js';

describe('rateLimit', () => {
  it('lets a burst of perMinute through per key, then answers 429 with Retry-After until tokens refill', async () => {
    let clock = 0;
    const app = new Hono();
    app.use('*', rateLimit({ perMinute: 6, key: (c) => c.req.header('x-who') ?? '', refuse: (c) => c.text('slow down', 429), now: () => clock }));
    app.get('/', (c) => c.text('ok'));
    const as = (who: string) => app.request('/', { headers: { 'x-who': who } });

    for (let i = 0; i < 6; i++) assert.equal((await as('a')).status, 200);
    const refused = await as('a');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '10', 'one token every 10 s at 6 a minute');
    assert.equal((await as('b')).status, 200, 'another key has its own budget');
    clock += 10_000;
    assert.equal((await as('a')).status, 200);
    assert.equal((await as('a')).status, 429);
  });

  it('is off at 0', async () => {
    const app = new Hono();
    app.use('*', rateLimit({ perMinute: 0, key: () => 'k', refuse: (c) => c.text('no', 429) }));
    app.get('/', (c) => c.text('ok'));
    for (let i = 0; i < 50; i++) assert.equal((await app.request('/')).status, 200);
  });
});

describe('rate limits on the push API and the WebSub callback', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let app: Hono;
  let keys: string[];

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    await addProvider(store, 'wire', { name: 'Wire' });
    keys = [(await createProviderKey(store, 'wire')).token, (await createProviderKey(store, 'wire')).token];
    const config = loadConfig({ DEMO_CONTENT: 'false', PUSH_RATE_LIMIT: '3', WEBSUB_RATE_LIMIT: '2' });
    app = buildApp({ store, config, logger: pino({ level: 'silent' }) });
  });
  after(async () => drop());

  it('limits each API key on its own, answering 429 RATE_LIMITED with Retry-After', async () => {
    const push = (key: string, i: number) =>
      app.request('/api/v1/articles', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ guid: `rl-${i}`, headline: `Rate limited story ${i}`, body_text: `A short body for story ${i}.` }),
      });
    for (let i = 0; i < 3; i++) assert.equal((await push(keys[0]!, i)).status, 201);
    const refused = await push(keys[0]!, 3);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal((await refused.json()).error.code, 'RATE_LIMITED');
    assert.equal(await store.articles.count(), 3, 'the refused push stored nothing');
    assert.equal((await push(keys[1]!, 4)).status, 201, 'the second key has its own budget');
  });

  it('limits WebSub callbacks per client address', async () => {
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const hit = (address: string) => app.request('/websub/1/token?hub.mode=subscribe', {}, from(address));
    assert.equal((await hit('203.0.113.5')).status, 404);
    assert.equal((await hit('203.0.113.5')).status, 404);
    const refused = await hit('203.0.113.5');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal((await hit('198.51.100.7')).status, 404, 'another address is not limited');
  });
});
