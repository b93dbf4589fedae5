import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { articleDraft } from '../../../test/support/article-draft.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { ViewCounter } from './view-counter.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const silent = pino({ level: 'silent' });

describe('ViewCounter', () => {
  let store: KyselyStore;
  let drop: () => Promise<void>;
  const ids: number[] = [];
  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
    for (let i = 0; i < 3; i++) {
      const { article } = await store.articles.upsert(articleDraft({ providerId: provider.id, guid: `g${i}`, headline: `Story ${i}`, publishedAt: new Date(Date.now() - 3_600_000) }));
      ids.push(article.id);
    }
  });
  after(() => drop());
  const ranking = async () => (await store.listings.popular({ kind: 'latest' }, 0, 10)).map((t) => t.id);

  it('counts each visitor once a day per article, and skips programs and prefetches', async () => {
    let now = Date.now();
    const counter = new ViewCounter({ popularity: store.popularity, halfLifeHours: 24, flushMs: 1000, logger: silent, now: () => now });
    const view = (articleId: number, ip: string, userAgent: string | undefined, headers = {}) => counter.count({ articleId, ip, userAgent, headers });
    const [a, b] = ids as [number, number];
    assert.equal(view(a, '203.0.113.1', chrome), true);
    assert.equal(view(a, '203.0.113.2', chrome), true, 'another visitor');
    assert.equal(view(b, '203.0.113.1', chrome), true);
    // Repeats, programs and prefetches of b would put it first: none of them counts.
    for (let i = 0; i < 5; i++) {
      assert.equal(view(b, '203.0.113.1', chrome), false, 'a repeat');
      assert.equal(view(b, `203.0.113.${10 + i}`, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'), false);
      assert.equal(view(b, `203.0.113.${10 + i}`, 'curl/8.5.0'), false);
      assert.equal(view(b, `203.0.113.${10 + i}`, undefined), false);
      assert.equal(view(b, `203.0.113.${20 + i}`, chrome, { 'sec-purpose': 'prefetch;prerender' }), false);
      assert.equal(view(b, `203.0.113.${20 + i}`, chrome, { purpose: 'prefetch' }), false);
    }
    assert.equal(counter.unflushed, 3);
    await counter.flush();
    assert.equal(counter.unflushed, 0);
    assert.deepEqual((await ranking()).slice(0, 2), [a, b]);
    // The next day the same visitors count again: b overtakes a.
    now += 86_400_000;
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) assert.equal(view(b, ip, chrome), true);
    await counter.flush();
    assert.deepEqual((await ranking()).slice(0, 2), [b, a]);
  });

  it('never keeps an address: what it remembers is a salted hash', () => {
    const counter = new ViewCounter({ popularity: store.popularity, halfLifeHours: 24, flushMs: 1000, logger: silent });
    counter.count({ articleId: 1, ip: '192.0.2.55', userAgent: chrome, headers: {} });
    const held = JSON.stringify([...(counter as unknown as { seen: Set<string> }).seen]);
    assert.doesNotMatch(held, /192\.0\.2\.55|Chrome/);
  });

  it('keeps its counts for the next flush when the database is away', async () => {
    const closed = await openTestSqliteStore();
    await closed.drop();
    const counter = new ViewCounter({ popularity: closed.store.popularity, halfLifeHours: 24, flushMs: 1000, logger: silent });
    for (let i = 0; i < 50; i++) counter.count({ articleId: 1 + (i % 5), ip: `198.51.100.${i}`, userAgent: chrome, headers: {} });
    await counter.flush();
    assert.equal(counter.unflushed, 50);
  });
});
