import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { cacheAs, streamAsIs } from './cache-as.js';
import { httpCaching } from './http-caching.js';
import { PageCache } from './page-cache.js';

const policy = { listingSeconds: 30, articleSeconds: 300, staleSeconds: 600 };
const page = `<!doctype html><p>${'A story worth caching. '.repeat(100)}</p>`;

function app(cache = new PageCache(1_000_000)) {
  const renders = { count: 0 };
  const a = new Hono();
  a.use('*', httpCaching(cache, policy));
  a.get('/listing', (c) => {
    renders.count++;
    cacheAs(c, 'listing', ['scope:latest']);
    return c.html(page);
  });
  a.get('/own-policy', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text('static');
  });
  a.get('/stream', (c) => {
    streamAsIs(c);
    const body = new ReadableStream({ start: (ctl) => (ctl.enqueue(new TextEncoder().encode('<urlset/>')), ctl.close()) });
    return c.body(body, 200, { 'content-type': 'application/xml' });
  });
  return { app: a, renders, cache };
}

describe('httpCaching', () => {
  it('renders a cacheable page once and answers later requests from the cache until its tag changes', async () => {
    const { app: a, renders, cache } = app();
    const first = await a.request('/listing', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(first.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await first.arrayBuffer())).toString(), page);
    assert.match(first.headers.get('cache-control') ?? '', /s-maxage=30, stale-while-revalidate=600/);
    await a.request('/listing');
    assert.equal(renders.count, 1);
    cache.invalidate(['scope:other']);
    await a.request('/listing');
    assert.equal(renders.count, 1, 'another scope changed: still cached');
    cache.invalidate(['scope:latest']);
    await a.request('/listing');
    assert.equal(renders.count, 2);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and 200 to anything else', async () => {
    const { app: a } = app();
    const first = await a.request('/listing');
    const etag = first.headers.get('etag')!;
    assert.equal((await a.request('/listing', { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await a.request('/listing', { headers: { 'if-none-match': `"other", ${etag}` } })).status, 304);
    assert.equal((await a.request('/listing', { headers: { 'if-modified-since': first.headers.get('last-modified')! } })).status, 304);
    assert.equal((await a.request('/listing', { headers: { 'if-none-match': '"other"' } })).status, 200);
    assert.equal((await a.request('/listing', { headers: { 'if-modified-since': new Date(0).toUTCString() } })).status, 200);
  });

  it('keeps a handler’s own Cache-Control, and passes a stream through untouched', async () => {
    const { app: a } = app();
    const own = await a.request('/own-policy');
    assert.equal(own.headers.get('cache-control'), 'public, max-age=3600');
    assert.ok(own.headers.get('etag'));
    const stream = await a.request('/stream', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(await stream.text(), '<urlset/>');
    assert.equal(stream.headers.get('etag'), null);
    assert.equal(stream.headers.get('content-encoding'), null);
  });

  it('honours q-values: a client refusing brotli gets gzip, one refusing both gets identity', async () => {
    const { app: a } = app();
    assert.equal((await a.request('/listing', { headers: { 'accept-encoding': 'br;q=0, gzip' } })).headers.get('content-encoding'), 'gzip');
    assert.equal((await a.request('/listing', { headers: { 'accept-encoding': 'gzip;q=0.5, br;q=1' } })).headers.get('content-encoding'), 'br');
    assert.equal((await a.request('/listing', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } })).headers.get('content-encoding'), null);
  });
});
