/**
 * "Most popular" end to end: readers open article pages over real HTTP (some answered from
 * the page cache), programs and prefetches do too, and the ranking on the front page
 * follows the readers only. Then two nodes count views of one PostgreSQL (or SQLite) store
 * at once, and their counts add up.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { emptyRawItem } from '../../src/domain/raw-item.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { ViewCounter } from '../../src/web/popularity/view-counter.js';
import { articleDraft } from '../support/article-draft.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + n}.0 Safari/537.36`;

describe('views counted over HTTP, with the page cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-views-'));
  let gazette: RunningGazette;
  let paths: string[];
  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', INGEST_WORKERS: '0', VIEW_FLUSH_SECONDS: '3600' });
    // Stories of this morning: "most popular" ranks stories of the last day or week.
    const provider = (await gazette.store.providers.findBySlug('menafn'))!;
    const fresh = ['Ministers agree on grid plan', 'Port strike ends after talks', 'Central bank holds rates'].map((headline, i) => ({
      ...emptyRawItem(headline),
      guid: `fresh-${i}`,
      language: 'en',
      text: `${headline}, officials said on Monday. More details followed later.`,
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000),
    }));
    await gazette.ingest.ingest(provider, fresh);
    const items = (await gazette.store.listings.page({ kind: 'latest' }, {}, 3)).items;
    paths = items.map((s) => `/article/${s.id}/${encodeURIComponent(s.slug)}`);
  });
  after(async () => {
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (path: string, headers: Record<string, string>) => fetch(gazette.url + path, { headers, redirect: 'manual' }).then(async (r) => (await r.arrayBuffer(), r));
  const popularOnFront = async () => {
    const html = await (await fetch(`${gazette.url}/`)).text();
    const rail = html.slice(html.indexOf('class="popular-list"'), html.indexOf('</ol>', html.indexOf('class="popular-list"')));
    return [...rail.matchAll(/<a href="(\/article\/[^"]+)"/g)].map((m) => m[1]);
  };

  it('ranks by readers, counts cached pages, and ignores programs, prefetches and repeats', async () => {
    const [a, b, c] = paths as [string, string, string];
    // Nothing read yet: no empty rail, the top stories take the whole width. (Read under a
    // key of its own: the page cache keeps a front page up to a minute, as the ranking ages
    // without any change announced, so "/" is first rendered after the views are flushed.)
    const unread = await (await fetch(`${gazette.url}/?before-any-view`)).text();
    assert.match(unread, /<div class="front-top">/);
    assert.doesNotMatch(unread, /class="front-rail"/);
    // 2 readers open a, 4 open b, 1 opens c; the second reader of each gets the cached page.
    for (let i = 0; i < 2; i++) await open(a, { 'user-agent': browser(i) });
    for (let i = 0; i < 4; i++) await open(b, { 'user-agent': browser(i) });
    await open(c, { 'user-agent': browser(0) });
    const cached = await open(b, { 'user-agent': browser(9) });
    assert.equal(cached.status, 200);
    // Crawlers, link previews, prefetches and the same readers again would put c first: none counts.
    for (let i = 0; i < 10; i++) {
      await open(c, { 'user-agent': `Googlebot/2.1 (+http://www.google.com/bot.html) ${i}` });
      await open(c, { 'user-agent': `curl/8.${i}` });
      await open(c, { 'user-agent': browser(20 + i), 'sec-purpose': 'prefetch' });
      await open(c, { 'user-agent': browser(0) });
      await open(a, { 'user-agent': browser(1) });
    }
    // A redirect (no slug) and a 404 are not views.
    await open(`/article/${b.split('/')[2]}`, { 'user-agent': browser(30) });
    await open('/article/999999/nothing', { 'user-agent': browser(31) });
    assert.equal(gazette.views.unflushed, 2 + 4 + 1 + 1, 'two readers of a, five of b (one served from the cache), one of c');
    await gazette.views.flush();
    const ranking = await popularOnFront();
    assert.deepEqual(ranking.slice(0, 3), [b, a, c]);
    const html = await (await fetch(`${gazette.url}/`)).text();
    const lists = [...html.matchAll(/<h3 id="[^"]+" class="popular-window-heading">([^<]+)<\/h3>\s*<ol class="popular-list">/g)].map((m) => m[1]);
    assert.deepEqual(lists, ['Today', 'This week'], 'both windows shown at once, each under its own heading');
    assert.match(html, /<div class="front-top has-rail">/, 'the rail takes its column once there is something to rank');
  });
});

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`two nodes counting views: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    it('adds up the counts every node flushes', async () => {
      const first = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore();
      const second =
        engine === 'SQLite'
          ? openSqliteStore(join((first as { dir: string }).dir, 'gazette.sqlite'))
          : await openPostgresStore((first as { url: string }).url, { schema: (first as { schema: string }).schema, maxConnections: 2 });
      try {
        const provider = await first.store.providers.create({ slug: 'wire', name: 'Wire' });
        const ids: number[] = [];
        for (let i = 0; i < 2; i++) ids.push((await first.store.articles.upsert(articleDraft({ providerId: provider.id, guid: `n${i}`, headline: `Story ${i}`, publishedAt: new Date(Date.now() - 3_600_000) }))).article.id);
        const [x, y] = ids as [number, number];
        const silent = pino({ level: 'silent' });
        const nodes = [first.store, second].map((store) => new ViewCounter({ popularity: store.popularity, halfLifeHours: 24, flushMs: 60_000, logger: silent }));
        // Each node sees 3 readers of x and 2 of y, at once: the store must hold the sums, 6 and 4.
        for (const [n, node] of nodes.entries()) {
          for (let r = 0; r < 3; r++) node.count({ articleId: x, ip: `203.0.113.${n * 10 + r}`, userAgent: browser(r), headers: {} });
          for (let r = 0; r < 2; r++) node.count({ articleId: y, ip: `203.0.113.${n * 10 + r}`, userAgent: browser(r), headers: {} });
        }
        await Promise.all(nodes.map((node) => node.flush()));
        const scores = await first.store.popularity.scores([x, y]);
        assert.ok(Math.abs(2 ** (scores.get(x)! - scores.get(y)!) - 6 / 4) < 1e-6, 'x holds 6 views to y’s 4, from both nodes');
        assert.deepEqual((await second.listings.popular({ kind: 'latest' }, 0, 2)).map((t) => t.id), [x, y]);
      } finally {
        await second.close();
        await first.drop();
      }
    });
  });
}
