import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { closeFetchAgents, fetchUrl, type FetchResult } from './fetch-url.js';
import { publicAddressesOnly, type ResolveHost } from './ssrf-guard.js';
import { startRouteServer, type RouteServer } from './testdata/route-server.js';

const text = (r: FetchResult) => (r.kind === 'failed' ? assert.fail(`fetch failed: ${r.reason}`) : Buffer.from(r.body).toString('utf8'));
const feedXml = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

describe('fetchUrl', () => {
  let server: RouteServer;
  let other: RouteServer | undefined;
  const open = { allowPrivate: true };

  before(async () => {
    server = await startRouteServer({
      '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2026 10:00:00 GMT' }).end(feedXml),
      '/conditional': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else res.writeHead(200, { etag: '"v1"' }).end(feedXml);
      },
      '/since': (req, res) => {
        if (req.headers['if-modified-since'] === 'Wed, 01 Jan 2026 10:00:00 GMT') res.writeHead(304).end();
        else res.writeHead(200).end(feedXml);
      },
      '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
      '/r2': (_req, res) => res.writeHead(302, { location: `${server.url}/feed` }).end(),
      '/perm1': (_req, res) => res.writeHead(301, { location: '/perm2' }).end(),
      '/perm2': (_req, res) => res.writeHead(308, { location: '/feed' }).end(),
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/gone': (_req, res) => res.writeHead(404).end('nope'),
      '/broken': (_req, res) => res.writeHead(500).end('oops'),
      '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
      '/slow-headers': (_req, res) => void setTimeout(() => res.writeHead(200).end(feedXml), 3000).unref(),
      '/never-ends': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss><channel>');
        const drip = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(drip));
      },
      '/endless-flood': (_req, res) => {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        pump();
      },
      '/big': (_req, res) => res.writeHead(200, { 'content-length': String(200_000) }).end(Buffer.alloc(200_000, 'b')),
      '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(feedXml)),
      '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(feedXml)),
      '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(feedXml)),
      '/raw-deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(feedXml)),
      '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000))),
      '/corrupt-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'),
      '/ua': (req, res) => res.writeHead(200).end(String(req.headers['user-agent'])),
      '/to-localhost': (_req, res) => res.writeHead(302, { location: `http://localhost:${server.port}/feed` }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    });
  });
  after(async () => {
    await server.close();
    await other?.close();
    await closeFetchAgents();
  });

  it('keeps at most maxPerHost requests in flight to one host; the rest wait their turn', async () => {
    let inFlight = 0;
    let peak = 0;
    server.route('/slow-page', (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('page');
      }, 40);
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => fetchUrl(`${server.url}/slow-page`, { ...open, maxPerHost: 2 })));
    assert.deepEqual(results.map(text), Array(10).fill('page'));
    assert.equal(peak, 2);
  });

  it('fetches a 200 with its validators and content type, naming Gazette as the user agent', async () => {
    const r = await fetchUrl(`${server.url}/feed`, open);
    assert.equal(r.kind, 'ok');
    assert.equal(text(r), feedXml);
    assert.ok(r.kind === 'ok');
    assert.equal(r.status, 200);
    assert.equal(r.etag, '"v1"');
    assert.equal(r.lastModified, 'Wed, 01 Jan 2026 10:00:00 GMT');
    assert.equal(r.contentType, 'application/rss+xml');
    assert.equal(r.finalUrl, `${server.url}/feed`);
    assert.match(server.hits('/feed')[0]!.headers['user-agent'] ?? '', /^Gazette\//);
  });

  it('answers not-modified to a conditional GET with the stored ETag', async () => {
    const r = await fetchUrl(`${server.url}/conditional`, { ...open, etag: '"v1"' });
    assert.equal(r.kind, 'not-modified');
    assert.equal(server.hits('/conditional').at(-1)!.headers['if-none-match'], '"v1"');
    assert.equal((await fetchUrl(`${server.url}/conditional`, { ...open, etag: '"old"' })).kind, 'ok');
  });

  it('sends If-Modified-Since from the stored Last-Modified', async () => {
    const r = await fetchUrl(`${server.url}/since`, { ...open, lastModified: 'Wed, 01 Jan 2026 10:00:00 GMT' });
    assert.equal(r.kind, 'not-modified');
  });

  it('follows a 301 → 302 chain and reports the final URL', async () => {
    const r = await fetchUrl(`${server.url}/r1`, open);
    assert.equal(text(r), feedXml);
    assert.ok(r.kind === 'ok');
    assert.equal(r.finalUrl, `${server.url}/feed`);
    assert.equal(r.movedPermanently, false);
  });

  it('says when every hop moved the resource permanently', async () => {
    const r = await fetchUrl(`${server.url}/perm1`, open);
    assert.ok(r.kind === 'ok');
    assert.equal(r.movedPermanently, true);
  });

  it('stops after too many redirects', async () => {
    const before = server.hits('/loop').length;
    const r = await fetchUrl(`${server.url}/loop`, { ...open, maxRedirects: 3 });
    assert.equal(r.kind, 'failed');
    assert.ok(r.kind === 'failed');
    assert.match(r.reason, /too many redirects/);
    assert.equal(server.hits('/loop').length - before, 4);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const r = await fetchUrl(`${server.url}/to-file`, open);
    assert.ok(r.kind === 'failed');
    assert.match(r.reason, /only http and https/);
  });

  it('reports 404 and 500 with the status, in plain words', async () => {
    const gone = await fetchUrl(`${server.url}/gone`, open);
    assert.ok(gone.kind === 'failed');
    assert.equal(gone.status, 404);
    assert.equal(gone.reason, 'the server answered 404 Not Found');
    const broken = await fetchUrl(`${server.url}/broken`, open);
    assert.ok(broken.kind === 'failed');
    assert.equal(broken.status, 500);
  });

  it('passes on Retry-After of a 503', async () => {
    const r = await fetchUrl(`${server.url}/busy`, open);
    assert.ok(r.kind === 'failed');
    assert.equal(r.status, 503);
    assert.equal(r.retryAfter, '120');
  });

  it('gives up on a server that does not answer in time', async () => {
    const r = await fetchUrl(`${server.url}/slow-headers`, { ...open, timeoutMs: 300 });
    assert.ok(r.kind === 'failed');
    assert.match(r.reason, /no complete response within 0\.3 s/);
  });

  it('gives up on a response that never ends', async () => {
    const r = await fetchUrl(`${server.url}/never-ends`, { ...open, timeoutMs: 400 });
    assert.ok(r.kind === 'failed');
    assert.match(r.reason, /no complete response within/);
  });

  it('refuses a response larger than the limit, declared or streamed without end', async () => {
    const big = await fetchUrl(`${server.url}/big`, { ...open, maxBytes: 100_000 });
    assert.ok(big.kind === 'failed');
    assert.match(big.reason, /larger than the 97\.7 KB limit/);
    const flood = await fetchUrl(`${server.url}/endless-flood`, { ...open, maxBytes: 1_000_000, timeoutMs: 20_000 });
    assert.ok(flood.kind === 'failed');
    assert.match(flood.reason, /larger than the/);
  });

  it('decodes gzip, br and deflate (zlib and raw) bodies', async () => {
    for (const path of ['/gzip', '/br', '/deflate', '/raw-deflate']) {
      const r = await fetchUrl(`${server.url}${path}`, open);
      assert.equal(text(r), feedXml, path);
    }
    assert.match(String(server.hits('/gzip')[0]!.headers['accept-encoding']), /gzip/);
  });

  it('bounds the decompressed size, and reports a corrupt body', async () => {
    const bomb = await fetchUrl(`${server.url}/gzip-bomb`, { ...open, maxBytes: 1_000_000 });
    assert.ok(bomb.kind === 'failed');
    assert.match(bomb.reason, /decompressed response is larger/);
    const corrupt = await fetchUrl(`${server.url}/corrupt-gzip`, open);
    assert.ok(corrupt.kind === 'failed');
    assert.match(corrupt.reason, /corrupt/);
  });

  describe('SSRF guard', () => {
    it('refuses the local test server when private addresses are not allowed, without connecting', async () => {
      const before = server.requests.length;
      const r = await fetchUrl(`${server.url}/feed`);
      assert.ok(r.kind === 'failed');
      assert.equal(r.refused, true);
      assert.match(r.reason, /127\.0\.0\.1 is a loopback address/);
      assert.equal(server.requests.length, before);
    });

    it('refuses numeric tricks for loopback and the metadata address', async () => {
      for (const host of ['2130706433', '0x7f.1', '0177.0.0.1', '[::ffff:127.0.0.1]', '[::1]', '169.254.169.254', '0']) {
        const r = await fetchUrl(`http://${host}:${server.port}/feed`, { timeoutMs: 2000 });
        assert.ok(r.kind === 'failed', host);
        assert.equal(r.refused, true, `${host}: ${r.reason}`);
      }
    });

    it('refuses a public-looking name that resolves to 127.0.0.1, and pins the checked address when allowed', async () => {
      const resolve: ResolveHost = async (name) => (name === 'news.example.com' ? [{ address: '127.0.0.1', family: 4 }] : []);
      const before = server.requests.length;
      const r = await fetchUrl(`http://news.example.com:${server.port}/feed`, { resolve });
      assert.ok(r.kind === 'failed');
      assert.equal(r.refused, true);
      assert.match(r.reason, /news\.example\.com: 127\.0\.0\.1 is a loopback address/);
      assert.equal(server.requests.length, before);
      // The same name with private addresses allowed connects to exactly the address the resolver gave.
      const allowed = await fetchUrl(`http://news.example.com:${server.port}/feed`, { resolve, allowPrivate: true });
      assert.equal(text(allowed), feedXml);
      assert.equal(server.hits('/feed').at(-1)!.headers.host, `news.example.com:${server.port}`);
    });

    it('refuses localhost reached through a redirect', async () => {
      // Treat 127.0.0.1 as if it were a public address, so the first hop is allowed and the
      // redirect to "localhost" is what the guard judges.
      const policy = (a: string) => (a === '127.0.0.1' ? null : publicAddressesOnly(a));
      const resolve: ResolveHost = async (name) => (name === 'localhost' ? [{ address: '::1', family: 6 }] : []);
      const r = await fetchUrl(`${server.url}/to-localhost`, { addressPolicy: policy, resolve });
      assert.ok(r.kind === 'failed');
      assert.equal(r.refused, true);
      assert.match(r.reason, /localhost.*loopback/);
    });

    it('refuses a redirect to a private address and never reaches it', async () => {
      other = await startRouteServer({ '/secret': (_req, res) => res.writeHead(200).end('internal') }, '127.0.0.2');
      server.route('/to-private', (_req, res) => res.writeHead(302, { location: `${other!.url}/secret` }).end());
      const policy = (a: string) => (a === '127.0.0.1' ? null : publicAddressesOnly(a));
      const r = await fetchUrl(`${server.url}/to-private`, { addressPolicy: policy });
      assert.ok(r.kind === 'failed');
      assert.equal(r.refused, true);
      assert.match(r.reason, /127\.0\.0\.2 is a loopback address/);
      assert.equal(other.requests.length, 0);
      // With private addresses allowed the same redirect is followed.
      assert.equal(text(await fetchUrl(`${server.url}/to-private`, open)), 'internal');
    });
  });

  it('returns failures as data for a bad URL and a closed port', async () => {
    const bad = await fetchUrl('not a url', open);
    assert.ok(bad.kind === 'failed');
    assert.match(bad.reason, /not a valid URL/);
    const closed = await startRouteServer();
    const port = closed.port;
    await closed.close();
    const refused = await fetchUrl(`http://127.0.0.1:${port}/`, open);
    assert.ok(refused.kind === 'failed');
    assert.equal(refused.reason, 'the server refused the connection');
  });
});
