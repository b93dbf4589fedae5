import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { startRouteServer } from '../ingest/fetch/testdata/route-server.js';
import { openConfiguredStore } from '../command-context.js';
import { startGazette } from '../main.js';
import { loadConfig } from '../config/load-config.js';

describe('the scheduler in a running Gazette', () => {
  it('polls a registered feed by itself, and stops with the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-sched-'));
    const server = await startRouteServer({ '/feed': (_req, res) => res.writeHead(200).end(readFileSync(new URL('./testdata/wire-v1.xml', import.meta.url))) });
    const env = { DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' };
    try {
      const setup = await openConfiguredStore(loadConfig(env));
      const provider = await setup.providers.create({ slug: 'wire', name: 'Wire Agency' });
      const feed = await setup.feeds.create({ providerId: provider.id, url: `${server.url}/feed`, pollIntervalSeconds: 900, allowPrivate: true });
      await setup.close();

      const gazette = await startGazette(env);
      try {
        assert.ok(gazette.scheduler);
        let polled = await gazette.store.feeds.findById(feed.id);
        // Up to a minute: the first poll starts the ingest workers, slow on a busy machine.
        for (let i = 0; i < 600 && !polled?.lastSuccessAt; i++) {
          await sleep(100);
          polled = await gazette.store.feeds.findById(feed.id);
        }
        assert.equal(polled?.lastStatus, 200);
        assert.equal(polled?.itemsNew, 2);
        assert.equal((await gazette.store.articles.findByGuid(provider.id, 'wire-1002'))?.headline, 'Council approves new tram line');
      } finally {
        await gazette.stop();
      }
      assert.equal(server.hits('/feed').length, 1);

      const off = await startGazette({ ...env, SCHEDULER: 'false' });
      assert.equal(off.scheduler, null);
      await off.stop();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
