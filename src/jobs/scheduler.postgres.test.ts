import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openTestPostgresStore, skipPostgres } from '../../test/support/postgres.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { startRouteServer, type RouteServer } from '../ingest/fetch/testdata/route-server.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { openPostgresStore } from '../store/postgres/open-postgres-store.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import { createScheduler } from './scheduler.js';

const feedXml = readFileSync(new URL('./testdata/wire-v1.xml', import.meta.url));
const feedCount = 40;

describe('two schedulers on one PostgreSQL', { skip: skipPostgres }, () => {
  let nodeA: KyselyStore;
  let nodeB: KyselyStore;
  let drop: () => Promise<void>;
  let server: RouteServer;

  before(async () => {
    let schema: string;
    let url: string;
    ({ store: nodeA, schema, url, drop } = await openTestPostgresStore());
    // The second "node" has its own connection pool to the same database.
    nodeB = await openPostgresStore(url, { schema, maxConnections: 4 });
    await seedTaxonomy(nodeA);
    server = await startRouteServer();
    for (let i = 0; i < feedCount; i++) {
      // One provider per feed: the same items under one provider would race in the article upsert.
      const provider = await nodeA.providers.create({ slug: `wire-${i}`, name: `Wire ${i}` });
      // A little latency per feed, so the two nodes' rounds really overlap.
      server.route(`/feed/${i}`, (_req, res) => void setTimeout(() => res.writeHead(200).end(feedXml), 10));
      await nodeA.feeds.create({ providerId: provider.id, url: `${server.url}/feed/${i}`, pollIntervalSeconds: 900, allowPrivate: true, nextPollAt: new Date(Date.now() - 1000) });
    }
  });
  after(async () => {
    await server.close();
    await closeFetchAgents();
    await nodeB.close();
    await drop();
  });

  it('polls every feed exactly once per round between them', async () => {
    let clock = new Date();
    const options = { now: () => clock, batchSize: 5, concurrency: 3 };
    const a = createScheduler({ ...options, store: nodeA, nodeId: 'node-a' });
    const b = createScheduler({ ...options, store: nodeB, nodeId: 'node-b' });

    for (let round = 1; round <= 2; round++) {
      const [fromA, fromB] = await Promise.all([a.runOnce(), b.runOnce()]);
      const ids = [...fromA, ...fromB].map((o) => o.feedId);
      assert.equal(new Set(ids).size, ids.length, `round ${round}: no feed polled by both nodes`);
      assert.equal(ids.length, feedCount, `round ${round}: every feed polled`);
      assert.ok(fromA.length > 0 && fromB.length > 0, `round ${round}: both nodes did work (${fromA.length} + ${fromB.length})`);
      for (let i = 0; i < feedCount; i++) assert.equal(server.hits(`/feed/${i}`).length, round, `feed ${i} fetched once in round ${round}`);
      // Nothing is due again until the interval has passed.
      assert.deepEqual([...(await a.runOnce()), ...(await b.runOnce())], []);
      clock = new Date(clock.getTime() + 2 * 3_600_000);
    }
  });
});
