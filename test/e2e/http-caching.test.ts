/**
 * HTTP caching and the page cache, over real sockets: validators and 304s, compressed
 * variants, Cache-Control per kind of page, and invalidation — at once for this node's own
 * writes, within a poll for another process on the same SQLite file, and within a second
 * for another node on the same PostgreSQL database (LISTEN/NOTIFY).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { spawnServe } from '../support/gazette-process.js';
import { request } from 'node:http';
import { addProvider, createProviderKey } from '../../src/cli/provider.js';
import { startGazette, type RunningGazette } from '../../src/main.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';

/** A GET with raw bytes back (fetch would decompress and hide Content-Encoding). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Polls `url` until its page matches `pattern`; returns how long that took. */
async function waitForPage(url: string, pattern: RegExp, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (pattern.test(await (await fetch(url)).text())) return Date.now() - start;
    await delay(25);
  }
  throw new Error(`${url} did not show ${pattern} within ${timeoutMs} ms`);
}

const pushStory = (gazette: { url: string }, token: string, story: Record<string, unknown>) =>
  fetch(`${gazette.url}/api/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ body_html: '<p>The council met on Monday and agreed the plan after a long debate.</p>', published_at: new Date().toISOString(), ...story }),
  });

describe('HTTP caching on one node (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-cache-'));
  let gazette: RunningGazette;
  let samplePath: string;
  let token: string;

  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false' });
    await addProvider(gazette.store, 'desk', { name: 'Desk Wire' });
    token = (await createProviderKey(gazette.store, 'desk')).token;
    const page = await gazette.store.listings.page({ kind: 'latest' });
    samplePath = `/article/${page.items[0]!.id}/${page.items[0]!.slug}`;
  });
  after(async () => {
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends validators, caching headers and a compressed body, and answers 304 to a conditional request', async () => {
    for (const path of ['/', samplePath]) {
      const first = await rawGet(`${gazette.url}${path}`, { 'accept-encoding': 'gzip, br' });
      assert.equal(first.status, 200);
      assert.equal(first.headers['content-encoding'], 'br', 'brotli when the client takes it');
      const html = brotliDecompressSync(first.body).toString('utf8');
      assert.match(html, /<!DOCTYPE html>/);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/, 'a strong ETag');
      assert.ok(first.headers['last-modified']);
      assert.equal(first.headers.vary, 'Accept-Encoding');
      const expected = path === '/' ? /s-maxage=30\b/ : /s-maxage=300\b/;
      assert.match(String(first.headers['cache-control']), expected);
      assert.match(String(first.headers['cache-control']), /stale-while-revalidate=600/);

      const gz = await rawGet(`${gazette.url}${path}`, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.body).toString('utf8'), html, 'every encoding carries the same page');
      assert.notEqual(gz.headers.etag, etag, 'each encoding has its own strong validator');
      const plain = await rawGet(`${gazette.url}${path}`);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString('utf8'), html);

      const revalidated = await rawGet(`${gazette.url}${path}`, { 'accept-encoding': 'gzip, br', 'if-none-match': etag });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body.length, 0);
      assert.equal(revalidated.headers.etag, etag);
      const since = await rawGet(`${gazette.url}${path}`, { 'if-modified-since': String(first.headers['last-modified']) });
      assert.equal(since.status, 304);
      const stale = await rawGet(`${gazette.url}${path}`, { 'if-none-match': '"something-else"' });
      assert.equal(stale.status, 200);
    }
  });

  it('drops cached pages the moment a story is pushed or taken down here', async () => {
    await fetch(`${gazette.url}/`); // cached
    const res = await pushStory(gazette, token, { guid: 'fresh-1', headline: 'Council agrees the harbour plan' });
    assert.equal(res.status, 201);
    const { id, url } = (await res.json()).articles[0] as { id: number; url: string };
    assert.match(await (await fetch(`${gazette.url}/`)).text(), /Council agrees the harbour plan/);
    const path = new URL(url).pathname;
    assert.equal((await fetch(`${gazette.url}${path}`)).status, 200);
    await gazette.store.articles.setStatus(id, 'taken_down');
    assert.equal((await fetch(`${gazette.url}${path}`)).status, 410, 'a takedown takes effect at once: the page says the story was taken down');
    assert.doesNotMatch(await (await fetch(`${gazette.url}/`)).text(), /Council agrees the harbour plan/);
  });

  it('keeps a search results page in the page cache, and drops it when a matching story arrives or one shown is taken down', async () => {
    const hitCount = async () => [...(await gazette.metrics.registry.metrics()).matchAll(/gazette_page_cache_requests_total\{result="hit",layer="\w+"\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const search = `${gazette.url}/search?q=lighthouse`;
    assert.doesNotMatch(await (await fetch(search)).text(), /keepers return to the island/);
    const before = await hitCount();
    await fetch(search);
    assert.equal(await hitCount(), before + 1, 'the second request is answered from the cache');
    const res = await pushStory(gazette, token, { guid: 'lighthouse-1', headline: 'Lighthouse keepers return to the island' });
    const { id } = (await res.json()).articles[0] as { id: number };
    assert.match(await (await fetch(search)).text(), /keepers return to the island/, 'a new story drops the cached results');
    await fetch(search);
    await gazette.store.articles.setStatus(id, 'taken_down');
    assert.doesNotMatch(await (await fetch(search)).text(), /keepers return to the island/, 'a takedown drops them too');
  });

  it('drops cached pages when another process writes to the same SQLite file', async () => {
    const before = await (await fetch(`${gazette.url}${samplePath}`)).text();
    assert.match(before, /<h1>/);
    const other = openSqliteStore(gazette.config.sqliteFile);
    try {
      const id = Number(samplePath.split('/')[2]);
      await other.articles.setStatus(id, 'unpublished');
      const start = Date.now();
      while ((await fetch(`${gazette.url}${samplePath}`)).status !== 404) {
        assert.ok(Date.now() - start < 2000, 'the other process’s change reaches this node’s cache');
        await delay(25);
      }
      await other.articles.setStatus(id, 'published');
    } finally {
      await other.close();
    }
  });
});

describe('HTTP caching with the page cache turned off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-nocache-'));
  let gazette: RunningGazette;
  before(async () => {
    gazette = await startGazette({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', PAGE_CACHE_MB: '0' });
  });
  after(async () => {
    await gazette?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still validates, compresses and answers 304', async () => {
    const first = await rawGet(`${gazette.url}/`, { 'accept-encoding': 'gzip' });
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(first.body).toString('utf8'), /Latest stories/);
    const again = await rawGet(`${gazette.url}/`, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    const missing = await rawGet(`${gazette.url}/article/999999/nothing`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['cache-control'], 'no-store', 'an error page is not kept by a CDN');
  });
});

describe('page caches of two gazette serve processes on one PostgreSQL database', { skip: skipPostgres }, () => {
  let schemaDrop: () => Promise<void>;
  let a: { url: string; stop: () => Promise<void> };
  let b: { url: string; stop: () => Promise<void> };
  let token: string;

  before(async () => {
    const opened = await openTestPostgresStore();
    schemaDrop = opened.drop;
    await addProvider(opened.store, 'desk', { name: 'Desk Wire' });
    token = (await createProviderKey(opened.store, 'desk')).token;
    const env = { DATABASE_URL: opened.url, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'false', DEMO_CONTENT: 'false' };
    [a, b] = await Promise.all([spawnServe(env), spawnServe(env)]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await schemaDrop?.();
  });

  it('shows on node B, within a second, a story updated through node A’s push API', async () => {
    const created = await pushStory(a, token, { guid: 'two-nodes', headline: 'Harbour plan first draft' });
    assert.equal(created.status, 201);
    const path = new URL(((await created.json()).articles[0] as { url: string }).url).pathname;
    assert.match(await (await fetch(`${b.url}${path}`)).text(), /Harbour plan first draft/);
    assert.match(await (await fetch(`${b.url}/`)).text(), /Harbour plan first draft/); // both now cached on B
    const updated = await pushStory(a, token, { guid: 'two-nodes', headline: 'Harbour plan final version' });
    assert.equal(updated.status, 200);
    const newPath = new URL(((await updated.json()).articles[0] as { url: string }).url).pathname;
    const articleMs = await waitForPage(`${b.url}${newPath}`, /Harbour plan final version/, 1000);
    const homeMs = await waitForPage(`${b.url}/`, /Harbour plan final version/, 1000);
    assert.ok(articleMs < 1000 && homeMs < 1000);
  });
});
