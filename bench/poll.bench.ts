/**
 * Feeds polled per second by the scheduler, from a local server, into SQLite: a first round
 * (200, every item new), an unchanged round answered 304, then rounds without validators: the
 * same bytes again (200, recognised by the hash of the body), and bytes that differ (a comment
 * that changes on every request, as a server stamping its build time does) with every item
 * unchanged. The baseline is plain fetchUrl of the same URLs with the same concurrency,
 * measured in the same run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeFetchAgents, fetchUrl } from '../src/ingest/fetch/fetch-url.js';
import { startRouteServer } from '../src/ingest/fetch/testdata/route-server.js';
import { createScheduler } from '../src/jobs/scheduler.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Benchmark } from './benchmark.js';

const feedCount = 200;
const concurrency = 4;

const bench: Benchmark = {
  name: 'feed polling',
  group: 'speed',
  async run() {
    const body = readFileSync(new URL('../src/jobs/testdata/wire-v2.xml', import.meta.url));
    let sendValidators = true;
    let stampEachResponse = false;
    let stamp = 0;
    const server = await startRouteServer();
    for (let i = 0; i < feedCount; i++) {
      server.route(`/feed/${i}`, (req, res) => {
        if (sendValidators && req.headers['if-none-match'] === `"f${i}"`) return res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', ...(sendValidators && { etag: `"f${i}"` }) }).end(stampEachResponse ? Buffer.concat([body, Buffer.from(`<!-- built ${stamp++} -->\n`)]) : body);
      });
    }
    const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-poll-'));
    const store = openSqliteStore(join(dir, 'gazette.sqlite'));
    try {
      await store.migrate();
      await seedTaxonomy(store);
      let clock = new Date();
      for (let i = 0; i < feedCount; i++) {
        const p = await store.providers.create({ slug: `p-${i}`, name: `Provider ${i}` });
        await store.feeds.create({ providerId: p.id, url: `${server.url}/feed/${i}`, pollIntervalSeconds: 900, allowPrivate: true, nextPollAt: clock });
      }
      const urls = Array.from({ length: feedCount }, (_, i) => `${server.url}/feed/${i}`);

      const baselineStart = performance.now();
      const queue = [...urls];
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            const r = await fetchUrl(url, { allowPrivate: true });
            if (r.kind === 'failed') throw new Error(r.reason);
          }
        }),
      );
      const baseline = feedCount / ((performance.now() - baselineStart) / 1000);

      const scheduler = createScheduler({ store, now: () => clock, concurrency, batchSize: 50 });
      const round = async () => {
        const start = performance.now();
        const outcomes = await scheduler.runOnce();
        const seconds = (performance.now() - start) / 1000;
        if (outcomes.length !== feedCount) throw new Error(`polled ${outcomes.length} of ${feedCount}`);
        clock = new Date(clock.getTime() + 24 * 3_600_000);
        return { perSecond: feedCount / seconds, results: [...new Set(outcomes.map((o) => o.result))].join(',') };
      };
      const first = await round();
      const unchanged = await round();
      sendValidators = false;
      const sameBytes = await round();
      stampEachResponse = true;
      const refetched = await round();
      const rows = [
        { case: 'baseline: fetchUrl only', 'feeds/s': Math.round(baseline), 'vs baseline': 1 },
        { case: 'poll, 200, 3 new items each', 'feeds/s': Math.round(first.perSecond), 'vs baseline': first.perSecond / baseline },
        { case: 'poll, 304 not modified', 'feeds/s': Math.round(unchanged.perSecond), 'vs baseline': unchanged.perSecond / baseline },
        { case: 'poll, 200, the same bytes as last time', 'feeds/s': Math.round(sameBytes.perSecond), 'vs baseline': sameBytes.perSecond / baseline },
        { case: 'poll, 200, other bytes, items unchanged', 'feeds/s': Math.round(refetched.perSecond), 'vs baseline': refetched.perSecond / baseline },
      ];
      return {
        rows,
        notes: [`${feedCount} feeds of ${body.length} bytes from 127.0.0.1, ${concurrency} at a time, into SQLite (WAL). Results: ${first.results} / ${unchanged.results} / ${sameBytes.results} / ${refetched.results}.`],
      };
    } finally {
      await store.close();
      await server.close();
      await closeFetchAgents();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
