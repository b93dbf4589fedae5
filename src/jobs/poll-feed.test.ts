import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { startRouteServer, type RouteServer } from '../ingest/fetch/testdata/route-server.js';
import type { Provider } from '../domain/provider.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import { pollFeed, type PollContext } from './poll-feed.js';
import { defaultScheduleRules } from './schedule-rules.js';
import { createScheduler } from './scheduler.js';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const minute = 60_000;
const hour = 60 * minute;

describe('pollFeed', () => {
  let store: KyselyStore;
  let drop: () => Promise<void>;
  let server: RouteServer;
  let provider: Provider;
  let clock: Date;
  let n = 0;
  const ctx = (): PollContext => ({
    store,
    rules: defaultScheduleRules,
    now: () => clock,
    random: () => 0.5,
    publicUrl: null,
    fetch: { timeoutMs: 2000 },
  });
  /** A fresh allowPrivate feed on its own path of the test server. */
  const addFeed = async (path: string, options: { allowPrivate?: boolean; interval?: number; fullText?: boolean } = {}) =>
    store.feeds.create({
      providerId: provider.id,
      url: `${server.url}${path}`,
      pollIntervalSeconds: options.interval ?? 900,
      allowPrivate: options.allowPrivate ?? true,
      fullText: options.fullText ?? false,
      nextPollAt: clock,
    });
  const poll = async (id: number) => pollFeed((await store.feeds.findById(id))!, ctx());
  const feed = async (id: number) => (await store.feeds.findById(id))!;

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    provider = await store.providers.create({ slug: 'wire', name: 'Wire Agency', disclaimer: 'Wire copy.' });
    server = await startRouteServer();
  });
  beforeEach(() => {
    clock = new Date(Date.UTC(2026, 2, 2, 12, 0, 0) + ++n * 24 * hour);
  });
  after(async () => {
    await server.close();
    await closeFetchAgents();
    await drop();
  });

  it('reads a 200, stores its items through the pipeline and records health', async () => {
    server.route('/ok', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(fixture('wire-v1.xml')));
    const f = await addFeed('/ok');
    const outcome = await poll(f.id);
    assert.equal(outcome.result, 'ok');
    assert.deepEqual([outcome.summary?.read, outcome.summary?.created], [2, 2]);
    const stored = await store.articles.findByGuid(provider.id, 'wire-1001');
    assert.equal(stored?.headline, 'Harbour reopens after storm repairs');
    const health = await feed(f.id);
    assert.equal(health.lastStatus, 200);
    assert.equal(health.title, 'Wire Agency: World');
    assert.equal(health.etag, '"v1"');
    assert.equal(health.lastError, null);
    assert.deepEqual([health.itemsSeen, health.itemsNew, health.itemsUpdated], [2, 2, 0]);
    assert.equal(health.lastSuccessAt?.toISOString(), clock.toISOString());
    assert.equal(health.claimedBy, null);
    // 15 minutes plus jitter (random 0.5 → 5 % of 15 minutes).
    assert.equal(health.nextPollAt.getTime() - clock.getTime(), 15 * minute * 1.05);
  });

  it('sends the stored ETag and takes a 304 as "not modified", storing nothing new', async () => {
    server.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"e1"') res.writeHead(304, { etag: '"e1"' }).end();
      else res.writeHead(200, { etag: '"e1"' }).end(fixture('wire-v1.xml'));
    });
    const f = await addFeed('/etag');
    await poll(f.id);
    const count = await store.articles.count();
    const outcome = await poll(f.id);
    assert.equal(outcome.result, 'not-modified');
    assert.equal(server.hits('/etag').at(-1)!.headers['if-none-match'], '"e1"');
    assert.equal(await store.articles.count(), count);
    const health = await feed(f.id);
    assert.equal(health.lastStatus, 304);
    assert.deepEqual([health.itemsSeen, health.itemsNew], [0, 0]);
  });

  it('takes the same bytes as last time as "not modified" without reading them, from a server that sends no validators', async () => {
    let version = 'wire-v1.xml';
    server.route('/same', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture(version)));
    const other = await store.providers.create({ slug: `same-${n}`, name: 'Same' });
    const f = await store.feeds.create({ providerId: other.id, url: `${server.url}/same`, pollIntervalSeconds: 900, allowPrivate: true });
    const first = await poll(f.id);
    assert.deepEqual([first.result, first.summary?.created], ['ok', 2]);
    assert.match((await feed(f.id)).bodyHash ?? '', /^[0-9a-f]{64}$/);
    const again = await poll(f.id);
    assert.deepEqual([again.result, again.httpStatus, again.summary], ['not-modified', 200, null]);
    const health = await feed(f.id);
    assert.deepEqual([health.lastStatus, health.itemsSeen, health.lastError], [200, 0, null]);
    version = 'wire-v2.xml';
    const changed = await poll(f.id);
    assert.deepEqual([changed.result, changed.summary?.created, changed.summary?.updated], ['ok', 1, 1]);
  });

  it('reads the same bytes again when an item of them was refused', async () => {
    const body = fixture('wire-v1.xml').toString('utf8').replace('<title>Harbour reopens after storm repairs</title>', '<title> </title>');
    server.route('/refused', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const f = await addFeed('/refused');
    const first = await poll(f.id);
    assert.deepEqual([first.result, first.summary?.rejected.length], ['ok', 1]);
    assert.equal((await feed(f.id)).bodyHash, null);
    const again = await poll(f.id);
    assert.deepEqual([again.result, again.summary?.unchanged, again.summary?.rejected.length], ['ok', 1, 1]);
  });

  it('counts new and updated items when the feed changes', async () => {
    let version = 'wire-v1.xml';
    server.route('/changing', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture(version)));
    const other = await store.providers.create({ slug: `changing-${n}`, name: 'Changing' });
    const f = await store.feeds.create({ providerId: other.id, url: `${server.url}/changing`, pollIntervalSeconds: 900, allowPrivate: true });
    await poll(f.id);
    version = 'wire-v2.xml';
    const outcome = await poll(f.id);
    assert.deepEqual([outcome.summary?.read, outcome.summary?.created, outcome.summary?.updated], [3, 1, 1]);
    assert.equal((await store.articles.findByGuid(other.id, 'wire-1001'))?.headline, 'Harbour reopens after storm repairs, ferries resume');
    assert.deepEqual([(await feed(f.id)).itemsNew, (await feed(f.id)).itemsUpdated], [1, 1]);
  });

  it('follows a 301/302 chain; a permanent move updates the feed URL', async () => {
    server.route('/old', (_req, res) => res.writeHead(301, { location: '/new' }).end());
    server.route('/new', (_req, res) => res.writeHead(200).end(fixture('wire-v1.xml')));
    server.route('/temp', (_req, res) => res.writeHead(302, { location: '/new' }).end());
    const moved = await addFeed('/old');
    assert.equal((await poll(moved.id)).result, 'ok');
    assert.equal((await feed(moved.id)).url, `${server.url}/new`);
    const temp = await addFeed('/temp');
    assert.equal((await poll(temp.id)).result, 'ok');
    assert.equal((await feed(temp.id)).url, `${server.url}/temp`, 'a temporary redirect keeps the URL');
  });

  it('records a 404 in plain words and stores nothing', async () => {
    const count = await store.articles.count();
    const f = await addFeed('/missing');
    const outcome = await poll(f.id);
    assert.equal(outcome.result, 'failed');
    const health = await feed(f.id);
    assert.equal(health.lastStatus, 404);
    assert.equal(health.lastError, 'the server answered 404 Not Found');
    assert.equal(health.consecutiveFailures, 1);
    assert.equal(health.lastSuccessAt, null);
    assert.equal(await store.articles.count(), count);
  });

  it('records 500s, backs off further each time, then recovers and clears the error', async () => {
    let failing = true;
    server.route('/flaky', (_req, res) => (failing ? res.writeHead(500).end('boom') : res.writeHead(200).end(fixture('wire-v1.xml'))));
    const f = await addFeed('/flaky');
    const first = await poll(f.id);
    const second = await poll(f.id);
    assert.equal((await feed(f.id)).consecutiveFailures, 2);
    assert.equal((await feed(f.id)).lastError, 'the server answered 500 Internal Server Error');
    assert.ok(second.nextPollAt.getTime() - clock.getTime() > first.nextPollAt.getTime() - clock.getTime(), 'the wait grows');
    failing = false;
    const recovered = await poll(f.id);
    assert.equal(recovered.result, 'ok');
    const health = await feed(f.id);
    assert.equal(health.consecutiveFailures, 0);
    assert.equal(health.lastError, null);
    assert.equal(health.lastStatus, 200);
    assert.equal(health.nextPollAt.getTime() - clock.getTime(), 15 * minute * 1.05, 'back to its own interval');
  });

  it('records a malformed feed as an error and changes nothing stored', async () => {
    server.route('/html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', etag: '"html"' }).end(fixture('malformed.xml')));
    server.route('/garbage', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from([0, 1, 2, 255, 254, 60, 63])));
    const count = await store.articles.count();
    for (const path of ['/html', '/garbage']) {
      const f = await addFeed(path);
      const outcome = await poll(f.id);
      assert.equal(outcome.result, 'failed', path);
      const health = await feed(f.id);
      assert.match(health.lastError ?? '', /^the feed could not be read: /, path);
      assert.equal(health.etag, null, 'validators of an unreadable body are not kept');
      assert.equal(health.consecutiveFailures, 1);
    }
    assert.equal(await store.articles.count(), count);
  });

  it('honours Retry-After on a 429 and Cache-Control max-age on a success', async () => {
    server.route('/limited', (_req, res) => res.writeHead(429, { 'retry-after': '7200' }).end());
    server.route('/cached', (_req, res) => res.writeHead(200, { 'cache-control': 'max-age=10800' }).end(fixture('wire-v1.xml')));
    const limited = await addFeed('/limited');
    const o1 = await poll(limited.id);
    assert.ok(o1.nextPollAt.getTime() - clock.getTime() >= 2 * hour);
    assert.equal((await feed(limited.id)).lastStatus, 429);
    const cached = await addFeed('/cached');
    const o2 = await poll(cached.id);
    assert.ok(o2.nextPollAt.getTime() - clock.getTime() >= 3 * hour);
  });

  it('gives up on a slow server and records the timeout', async () => {
    server.route('/slow', (_req, res) => void setTimeout(() => res.writeHead(200).end(fixture('wire-v1.xml')), 5000).unref());
    const f = await addFeed('/slow');
    const outcome = await pollFeed(f, { ...ctx(), fetch: { timeoutMs: 300 } });
    assert.equal(outcome.result, 'failed');
    assert.equal((await feed(f.id)).lastError, 'no complete response within 0.3 s');
  });

  it('reads a gzip-encoded feed', async () => {
    server.route('/gz', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }).end(gzipSync(fixture('wire-v2.xml'))));
    const f = await addFeed('/gz');
    const outcome = await poll(f.id);
    assert.equal(outcome.summary?.read, 3);
  });

  it('refuses a feed on a private address unless it is marked as allowed', async () => {
    server.route('/private', (_req, res) => res.writeHead(200).end(fixture('wire-v1.xml')));
    const f = await addFeed('/private', { allowPrivate: false });
    const outcome = await poll(f.id);
    assert.equal(outcome.result, 'failed');
    assert.match((await feed(f.id)).lastError ?? '', /127\.0\.0\.1 is a loopback address/);
    assert.equal(server.hits('/private').length, 0);
  });

  it('flags a feed as quiet when it goes silent for much longer than its rhythm', async () => {
    let version = 'wire-v1.xml';
    server.route('/rhythm', (_req, res) => res.writeHead(200).end(fixture(version)));
    const other = await store.providers.create({ slug: `rhythm-${n}`, name: 'Rhythm' });
    const f = await store.feeds.create({ providerId: other.id, url: `${server.url}/rhythm`, pollIntervalSeconds: 900, allowPrivate: true });
    const start = clock;
    await poll(f.id);
    clock = new Date(start.getTime() + 2 * hour);
    version = 'wire-v2.xml';
    await poll(f.id); // one new item two hours later: the rhythm is "every 2 h"
    assert.equal((await feed(f.id)).typicalIntervalSeconds, 7200);
    clock = new Date(start.getTime() + 6 * hour);
    await poll(f.id);
    assert.equal((await feed(f.id)).quietSince, null);
    clock = new Date(start.getTime() + 12 * hour);
    await poll(f.id);
    assert.equal((await feed(f.id)).quietSince?.toISOString(), clock.toISOString());
  });

  it('a scheduler round polls only the feeds that are due', async () => {
    const s = await openTestSqliteStore();
    try {
      await seedTaxonomy(s.store);
      const p = await s.store.providers.create({ slug: 'due', name: 'Due' });
      server.route('/due-a', (_req, res) => res.writeHead(200).end(fixture('wire-v1.xml')));
      server.route('/due-b', (_req, res) => res.writeHead(200).end(fixture('wire-v1.xml')));
      const a = await s.store.feeds.create({ providerId: p.id, url: `${server.url}/due-a`, pollIntervalSeconds: 900, allowPrivate: true, nextPollAt: clock });
      await s.store.feeds.create({ providerId: p.id, url: `${server.url}/due-b`, pollIntervalSeconds: 900, allowPrivate: true, nextPollAt: new Date(clock.getTime() + hour) });
      const scheduler = createScheduler({ store: s.store, now: () => clock, random: () => 0 });
      const round1 = await scheduler.runOnce();
      assert.deepEqual(round1.map((o) => o.feedId), [a.id]);
      assert.deepEqual(await scheduler.runOnce(), [], 'nothing is due again right away');
      clock = new Date(clock.getTime() + 2 * hour);
      assert.equal((await scheduler.runOnce()).length, 2);
    } finally {
      await s.drop();
    }
  });

  it('completes a teaser feed from the linked pages, and does not refetch stored stories', async () => {
    const paragraphs = [
      'The harbour authority approved a plan on Tuesday to deepen the main channel by two metres, so that larger container ships can dock without waiting for high tide.',
      'Work is due to start next spring and last about eighteen months, the authority said, with dredging limited to the winter to protect spawning fish.',
      'Shipping lines welcomed the decision, while a fishermen’s association said it would ask for the plan to be reviewed by independent ecologists.',
    ];
    server.route('/story/channel', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html><head><title>Harbour channel to be deepened</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>` +
            `<article><h1>Harbour channel to be deepened</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>` +
            `<aside><h2>Most read</h2><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another story</a></li></ul></aside></body></html>`,
        ),
    );
    // A build date that changes on every request, as many servers send: each poll reads the feed.
    let built = 0;
    server.route('/teasers', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><link>${server.url}/</link><lastBuildDate>${new Date(Date.UTC(2026, 2, 3, 9, built++)).toUTCString()}</lastBuildDate>` +
          `<item><title>Harbour channel to be deepened</title><link>${server.url}/story/channel</link><guid>channel-1</guid>` +
          `<description>The harbour authority approved a plan on Tuesday… Read more</description><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>` +
          `</channel></rss>`,
      ),
    );
    const f = await addFeed('/teasers', { fullText: true });
    const first = await poll(f.id);
    assert.equal(first.result, 'ok', first.error ?? '');
    assert.equal(first.summary?.created, 1);
    const article = await store.articles.findByGuid(provider.id, 'channel-1');
    assert.match(article!.bodyText, /deepen the main channel by two metres/);
    assert.match(article!.bodyText, /independent ecologists/);
    assert.doesNotMatch(article!.bodyText, /Most read|Other story|Read more/);
    assert.equal(server.hits('/story/channel').length, 1);

    clock = new Date(clock.getTime() + hour);
    const second = await poll(f.id);
    assert.equal(second.result, 'ok');
    assert.equal(server.hits('/story/channel').length, 1, 'a stored story is not fetched again');
    assert.match((await store.articles.findByGuid(provider.id, 'channel-1'))!.bodyText, /independent ecologists/, 'full text kept');
  });
});
