import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseTextArticle } from '../ingest/parse-text-article.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import type { KyselyStore } from '../store/kysely-store.js';
import type { Store } from '../store/store.js';
import { startLocalServer } from '../../test/support/local-server.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { emptyRawItem } from '../domain/raw-item.js';
import { isRepeat, legacySourceHash, sourceHash } from './item-identity.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { createProcessPool, inlineProcessor, type ItemProcessor } from './process-pool.js';
import { createIngestService, ingestItems } from './run-ingest.js';

describe('ingestItems', () => {
  let store: Store;
  let drop: () => Promise<void>;
  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
  });
  after(() => drop());

  const item = (guid: string, text: string) => ({ ...emptyRawItem(`Headline ${guid}`), guid, text });

  it('says what became of each item, in input order', async () => {
    const provider = await store.providers.create({ slug: 'outcomes', name: 'Outcomes' });
    await ingestItems(store, provider, [item('a', 'The first story has a body of its own.')]);
    const summary = await ingestItems(store, provider, [
      item('a', 'The first story has a body of its own.'),
      { ...emptyRawItem('   '), guid: 'no-headline', text: 'A body without a headline.' },
      item('b', 'The second story is new to the store.'),
      item('a', 'The first story, corrected by its provider.'),
    ]);
    assert.deepEqual(
      summary.items.map((o) => o.outcome),
      ['unchanged', 'rejected', 'created', 'updated'],
    );
    const [first, , , last] = summary.items;
    assert.ok(first?.outcome === 'unchanged' && last?.outcome === 'updated' && first.articleId === last.articleId);
    assert.equal(summary.rejected[0]?.reason, 'The item has no headline.');
  });

  it('recognises an identical copy by its bytes, and remembers new bytes that change nothing a reader sees', async () => {
    const provider = await store.providers.create({ slug: 'repeats', name: 'Repeats' });
    const original = { ...item('r', ''), text: null, html: '<p>A story told in one paragraph, long enough to count.</p>' };
    await ingestItems(store, provider, [original]);
    const stored = await store.articles.findByGuid(provider.id, 'r');
    assert.equal(stored?.sourceHash, sourceHash(original));

    const same = await ingestItems(store, provider, [{ ...original }]);
    assert.deepEqual(same.items, [{ outcome: 'unchanged', articleId: stored!.id }]);

    // Other markup, same story: unchanged for readers, but the new bytes are remembered.
    const reformatted = { ...original, html: `\n  ${original.html}\n` };
    const again = await ingestItems(store, provider, [reformatted]);
    assert.equal(again.items[0]?.outcome, 'unchanged');
    assert.equal((await store.articles.findByGuid(provider.id, 'r'))?.sourceHash, sourceHash(reformatted));

    const corrected = await ingestItems(store, provider, [{ ...original, html: '<p>A story told in one paragraph, now corrected.</p>' }]);
    assert.equal(corrected.items[0]?.outcome, 'updated');
  });

  it('still recognises a copy whose hash an earlier version made, and hashes each field apart', async () => {
    const provider = await store.providers.create({ slug: 'legacy-hashes', name: 'Legacy hashes' });
    const original = { ...item('old', ''), text: null, html: '<p>“A story stored by an earlier version,” she said. Café.</p>' };
    await ingestItems(store, provider, [original]);
    const stored = (await store.articles.findByGuid(provider.id, 'old'))!;
    assert.match(stored.sourceHash, /^v2:[0-9a-f]{64}$/);
    // As an earlier version stored it: the hash of the fields as JSON, with no prefix.
    await (store as KyselyStore).db.updateTable('articles').set({ source_hash: legacySourceHash(original) }).where('id', '=', stored.id).execute();
    assert.ok(isRepeat(legacySourceHash(original), original));
    const again = await ingestItems(store, provider, [{ ...original }]);
    assert.deepEqual(again.items, [{ outcome: 'unchanged', articleId: stored.id }]);
    const changed = await ingestItems(store, provider, [{ ...original, html: '<p>“A story stored by an earlier version,” she said, corrected.</p>' }]);
    assert.equal(changed.items[0]?.outcome, 'updated');
    assert.match((await store.articles.findById(stored.id))!.sourceHash, /^v2:/, 'a changed item is stored with the new hash');

    // Where one field ends and the next begins, and an absent field against an empty one.
    const base = { ...emptyRawItem('ab'), guid: 'g', html: 'c' };
    assert.notEqual(sourceHash(base), sourceHash({ ...base, headline: 'a', html: 'bc' }));
    assert.notEqual(sourceHash({ ...base, summary: null }), sourceHash({ ...base, summary: '' }));
    assert.notEqual(sourceHash({ ...base, categories: ['a', 'b'] }), sourceHash({ ...base, categories: ['a,b'] }));
    assert.equal(sourceHash({ ...base }), sourceHash(base));
  });

  it('keeps the first-seen time of an undated item when it comes again', async () => {
    const provider = await store.providers.create({ slug: 'undated', name: 'Undated' });
    const undated = item('u', 'A story whose feed gives it no date at all.');
    const first = await ingestItems(store, provider, [undated], { now: () => new Date('2026-03-01T08:00:00Z') });
    const again = await ingestItems(store, provider, [undated], { now: () => new Date('2026-03-01T09:00:00Z') });
    assert.equal(first.created, 1);
    assert.equal(again.unchanged, 1, 'seen again, not updated');
    const stored = await store.articles.findByGuid(provider.id, 'u');
    assert.equal(stored?.publishedAt.toISOString(), '2026-03-01T08:00:00.000Z');
  });

  it('adopts a disclaimer found in a body as the provider’s, and keeps it out of the body', async () => {
    const provider = await store.providers.create({ slug: 'menafn-test', name: 'MENAFN' });
    const page = parseTextArticle(readFileSync(new URL('../../demo/menafn-nato-article.txt', import.meta.url), 'utf8'));
    const summary = await ingestItems(store, provider, [{ ...page, guid: 'nato' }]);
    assert.equal(summary.created, 1);
    const updated = await store.providers.findById(provider.id);
    assert.match(updated!.disclaimer, /^MENAFN provides the information “as is” without warranty/);
    const article = await store.articles.findByGuid(provider.id, 'nato');
    assert.doesNotMatch(article!.bodyText, /Legal Disclaimer|without warranty|Most popular/);
  });
});

describe('the ingest service', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  const paragraph = '<p>The harbour authority said on Monday that the new ferry line would start in spring, after two years of delays caused by the rebuilding of the north pier.</p>';
  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    server = await startLocalServer((req, res) => {
      if (req.url === '/ferry') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><article><h1>Ferry</h1>${paragraph.repeat(5)}</article></body></html>`);
      else res.writeHead(404).end();
    });
  });
  after(async () => {
    await closeFetchAgents();
    await server.close();
    await drop();
  });

  const story = (guid: string, n: number) => ({
    ...emptyRawItem(`Council story ${guid}`),
    guid,
    html: `<p>The council met on Monday to discuss item ${n} of the budget, Mayor Anna Berg said, and voted for it.</p>`,
    publishedAt: new Date(Date.UTC(2026, 0, 1, n)),
  });

  it('stores the same on the worker pool as on one thread', async () => {
    const items = Array.from({ length: 12 }, (_, n) => story(`s-${n}`, n));
    const inline = await store.providers.create({ slug: 'inline', name: 'Inline' });
    const pooled = await store.providers.create({ slug: 'pooled', name: 'Pooled' });
    const pool = createProcessPool({ threads: 2 });
    try {
      const a = await createIngestService({ store }).ingest(inline, items);
      const b = await createIngestService({ store, processor: pool }).ingest(pooled, items);
      assert.deepEqual([b.created, b.rejected.length], [12, 0]);
      const view = async (providerId: number, guid: string) => {
        const { id, providerId: _p, slug: _s, ingestedAt: _i, ...rest } = (await store.articles.findByGuid(providerId, guid))!;
        return { ...rest, entities: (await store.entities.ofArticle(id)).map((e) => e.slug) };
      };
      for (const n of [0, 5, 11]) assert.deepEqual(await view(pooled.id, `s-${n}`), await view(inline.id, `s-${n}`));
      assert.equal(a.created, 12);
    } finally {
      await pool.close();
    }
  });

  it('completes a teaser from its page when the feed asks for full text, and not otherwise', async () => {
    const provider = await store.providers.create({ slug: 'teasers', name: 'Teasers' });
    const teaser = (guid: string) => ({ ...emptyRawItem('Ferry line opens'), guid, url: `${server.base}/ferry`, summary: 'The ferry line starts in spring…', text: 'The ferry line starts in spring…' });
    const service = createIngestService({ store });
    const completed = await service.ingest(provider, [teaser('t-1')], { fullText: { minWords: 0 }, allowPrivate: true });
    assert.equal(completed.fullText.fetched, 1);
    assert.match((await store.articles.findByGuid(provider.id, 't-1'))!.bodyText, /rebuilding of the north pier/);
    const kept = await service.ingest(provider, [teaser('t-2')], { fullText: null });
    assert.equal(kept.fullText.fetched, 0);
    assert.doesNotMatch((await store.articles.findByGuid(provider.id, 't-2'))!.bodyText, /north pier/);
  });

  it('stores nothing of a batch the pipeline refuses in part', async () => {
    const provider = await store.providers.create({ slug: 'batch', name: 'Batch' });
    const service = createIngestService({ store });
    const refused = await service.ingestBatch(provider, [story('b-1', 1), { ...emptyRawItem(''), guid: 'b-2', text: 'No headline.' }]);
    assert.deepEqual(refused, { kind: 'refused', refused: [{ index: 1, reason: 'The item has no headline.' }] });
    assert.equal(await store.articles.findByGuid(provider.id, 'b-1'), undefined);
    const stored = await service.ingestBatch(provider, [story('b-1', 1), story('b-3', 3)]);
    assert.equal(stored.kind === 'stored' && stored.summary.created, 2);
  });

  it('rejects only the item a worker thread fails on', async () => {
    const provider = await store.providers.create({ slug: 'failing', name: 'Failing' });
    const inline = inlineProcessor();
    const failing: ItemProcessor = {
      concurrency: 1,
      process: async (task) => {
        if (task.item.guid === 'f-2') throw new Error('Worker terminated due to reaching memory limit: JS heap out of memory');
        return inline.process(task);
      },
      close: async () => {},
    };
    const summary = await createIngestService({ store, processor: failing }).ingest(provider, [story('f-1', 1), story('f-2', 2), story('f-3', 3)]);
    assert.deepEqual(summary.items.map((o) => o.outcome), ['created', 'rejected', 'created']);
    assert.match(summary.rejected[0]!.reason, /could not be processed: Worker terminated/);
  });

  it('commits up to fifty items of a window per transaction, with a turn of the event loop between transactions', async () => {
    const statements: string[] = [];
    const counted = await openTestSqliteStore({ onQuery: (sql) => statements.push(sql) });
    try {
      await seedTaxonomy(counted.store);
      const provider = await counted.store.providers.create({ slug: 'grouped', name: 'Grouped' });
      const items = Array.from({ length: 120 }, (_, n) => story(`g-${n}`, n));
      let turns = 0;
      const ticking = setInterval(() => turns++, 0);
      statements.length = 0;
      const summary = await createIngestService({ store: counted.store, groupBudgetMs: 60_000 }).ingest(provider, items);
      clearInterval(ticking);
      assert.equal(summary.created, 120);
      assert.equal(await counted.store.articles.count(), 120);
      // Articles inserted per write transaction: at most 50 each, and the items of one
      // window (64 read at a time) commit together as far as that allows.
      const perTransaction: number[] = [];
      for (const sql of statements) {
        if (sql === 'begin immediate') perTransaction.push(0);
        if (sql.startsWith('insert into "articles"')) perTransaction[perTransaction.length - 1]! += 1;
      }
      assert.deepEqual(perTransaction, [50, 14, 50, 6]);
      assert.equal(statements.filter((s) => s === 'commit').length, 4);
      assert.ok(turns >= 2, `the event loop turned ${turns} times`);
    } finally {
      await counted.drop();
    }
  });

  it('processes the next window while the one before is stored, and stores an item sent in both once', async () => {
    const events: string[] = [];
    const counted = await openTestSqliteStore({ onQuery: (sql, parameters) => sql.startsWith('insert into "articles"') && events.push(`store ${String(parameters[1])}`) });
    const inline = inlineProcessor();
    const recording: ItemProcessor = {
      concurrency: 1,
      process: (task) => {
        events.push(`process ${task.item.guid}`);
        return inline.process(task);
      },
      close: async () => {},
    };
    try {
      await seedTaxonomy(counted.store);
      const provider = await counted.store.providers.create({ slug: 'ahead', name: 'Ahead' });
      // Windows of 64 items: the second window repeats an item of the first, byte for byte.
      const items = Array.from({ length: 128 }, (_, n) => story(`w-${n}`, n));
      items[100] = story('w-10', 10);
      const summary = await createIngestService({ store: counted.store, processor: recording }).ingest(provider, items);
      assert.equal(events.indexOf('process w-64') < events.indexOf('store w-63'), true, 'the second window was on its way before the first was stored');
      assert.deepEqual([summary.created, summary.unchanged, summary.rejected.length], [127, 1, 0]);
      assert.equal(summary.items[100]?.outcome === 'unchanged' && summary.items[100].articleId, summary.items[10]?.outcome === 'created' && summary.items[10].articleId);
      assert.equal(await counted.store.articles.count(), 127);
    } finally {
      await counted.drop();
    }
  });
});
