import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { articleDraft } from '../../../test/support/article-draft.js';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import type { Store } from '../../store/store.js';
import { connectHubPings } from './ping-hub.js';

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`WebSub hub pings: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let hub: Server;
    let hubUrl: string;
    let status = 204;
    const received: { contentType: string | undefined; body: URLSearchParams }[] = [];

    before(async () => {
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore());
      await seedTaxonomy(store);
      hub = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          received.push({ contentType: req.headers['content-type'], body: new URLSearchParams(body) });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
      hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
    });
    after(async () => {
      await new Promise((resolve) => hub.close(resolve));
      await drop?.();
    });

    it('pings the hub once per changed feed after a burst of stories, and survives a hub error', async () => {
      const stop = connectHubPings({ store, logger: pino({ level: 'silent' }), hubUrl, publicUrl: 'https://news.example', delayMs: 1_000, fetch: { allowPrivate: true } });
      try {
        const wire = await store.providers.create({ slug: 'wire', name: 'Wire' });
        for (const guid of ['a', 'b', 'c']) await store.articles.upsert(articleDraft({ providerId: wire.id, guid, categories: ['world'] }));
        // Three commits well inside the 1 s gathering window: one ping per feed.
        for (let i = 0; i < 300 && received.length < 12; i++) await delay(20);
        await delay(300);
        assert.ok(received.every((r) => r.contentType === 'application/x-www-form-urlencoded' && r.body.get('hub.mode') === 'publish'));
        const topics = received.map((r) => r.body.get('hub.url')).sort();
        const expected = ['latest', 'category/world', 'provider/wire', 'lang/en'].flatMap((f) =>
          ['rss', 'atom', 'json'].map((x) => `https://news.example/feeds/${f}.${x}`),
        );
        assert.deepEqual(topics, expected.sort(), 'each changed feed once, in every format');

        status = 500;
        received.length = 0;
        await store.articles.upsert(articleDraft({ providerId: wire.id, guid: 'd' }));
        for (let i = 0; i < 300 && received.length < 9; i++) await delay(20);
        status = 204;
        received.length = 0;
        await store.articles.upsert(articleDraft({ providerId: wire.id, guid: 'e' }));
        for (let i = 0; i < 300 && received.length < 9; i++) await delay(20);
        assert.ok(received.length >= 9, 'pings go on after the hub failed once');
      } finally {
        await stop();
      }
    });
  });
}
