/**
 * A polled feed whose items carry NUL, control and bidi characters or impossible dates, on
 * both engines: every item is stored with a per-item note, the feed's title (with a NUL of
 * its own) is stored clean, and the next poll works too (PostgreSQL used to refuse NUL and
 * year 0000, failing every later poll of the feed).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openTestPostgresStore, skipPostgres } from '../../test/support/postgres.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { describeOutcome } from '../cli/feed.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { startRouteServer, type RouteServer } from '../ingest/fetch/testdata/route-server.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import type { Store } from '../store/store.js';
import { pollFeed } from './poll-feed.js';
import { defaultScheduleRules } from './schedule-rules.js';

const feedJson = readFileSync(new URL('./testdata/unsafe-items.json', import.meta.url));
const engines = [
  { name: 'SQLite', open: openTestSqliteStore, skip: false as const },
  { name: 'PostgreSQL', open: openTestPostgresStore, skip: skipPostgres },
];

for (const engine of engines) {
  describe(`polling a feed with unsafe characters and dates on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let server: RouteServer;

    before(async () => {
      ({ store, drop } = await engine.open());
      await seedTaxonomy(store);
      server = await startRouteServer({ '/feed.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end(feedJson) });
    });
    after(async () => {
      await server.close();
      await closeFetchAgents();
      await drop?.();
    });

    it('stores every item with a note on each one changed, and polls again without error', async () => {
      const provider = await store.providers.create({ slug: 'harbour', name: 'Harbour Wire' });
      const created = await store.feeds.create({ providerId: provider.id, url: `${server.url}/feed.json`, pollIntervalSeconds: 900, allowPrivate: true });
      const ctx = { store, rules: defaultScheduleRules, now: () => new Date(), random: () => 0.5, publicUrl: null };
      const first = await pollFeed(created, ctx);
      assert.equal(first.result, 'ok', first.error ?? '');
      assert.deepEqual([first.summary!.created, first.summary!.rejected.length], [4, 0]);
      assert.deepEqual(first.summary!.flagged.map((f) => f.item), ['harbour-1', 'harbour-2', 'harbour-3']);

      const port = (await store.articles.findByGuid(provider.id, 'harbour-1'))!;
      assert.equal(port.headline, 'Port reopens [31mafter[0m strike gnp.exe');
      assert.ok(!/[\u0000\u200b]/.test(port.bodyText));
      for (const guid of ['harbour-2', 'harbour-3']) {
        const dated = (await store.articles.findByGuid(provider.id, guid))!.publishedAt.getTime();
        assert.ok(Math.abs(dated - Date.now()) < 60_000, `${guid} is dated when it was received`);
      }

      // What `gazette feed poll` prints names each flagged item, and no control character reaches the terminal.
      const printed = describeOutcome(first);
      assert.match(printed, /flagged harbour-2: publishedAt 0000-01-01/);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(printed), printed);

      // The same bytes are read again in full (as if the server had changed some other part),
      // and every item is recognised as the one stored.
      const second = await pollFeed({ ...(await store.feeds.findById(created.id))!, bodyHash: null }, ctx);
      assert.equal(second.result, 'ok', second.error ?? '');
      assert.equal(second.summary!.unchanged, 4);
      const third = await pollFeed((await store.feeds.findById(created.id))!, ctx);
      assert.deepEqual([third.result, third.error], ['not-modified', null], 'the same bytes again are not read');
      const stored = (await store.feeds.findById(created.id))!;
      assert.equal(stored.lastError, null);
      assert.equal(stored.title, 'Harbour ]0;ownedWire', 'the feed title is stored without its control characters');
    });
  });
}
