import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loopbackTestServerOnly, startImageServer } from '../../../test/support/image-server.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { loadConfig } from '../../config/load-config.js';
import { createImageService } from '../../images/image-service.js';
import { openImageStore } from '../../images/image-store.js';
import { closeFetchAgents } from '../../ingest/fetch/fetch-url.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';
import { imageUrls } from './image-urls.js';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('GET /img/…', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-image-route-'));
  let server: Awaited<ReturnType<typeof startImageServer>>;
  let app: ReturnType<typeof buildApp>;
  let store: Store;
  let drop: () => Promise<void>;
  const urls = imageUrls(secret, [320, 640]);

  before(async () => {
    server = await startImageServer();
    ({ store, drop } = await openTestSqliteStore());
    const images = createImageService({
      store: await openImageStore({ dir, maxCacheBytes: 10 * 1024 * 1024 }),
      limits: { maxBytes: 2 * 1024 * 1024, maxPixels: 40_000_000, widths: [320, 640] },
      fetch: { addressPolicy: loopbackTestServerOnly },
    });
    app = buildApp({ store, config: loadConfig({ PUBLIC_URL: 'http://gazette.test' }), logger: pino({ level: 'silent' }), images: { service: images, secret } });
  });
  after(async () => {
    await server?.close();
    await closeFetchAgents();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers AVIF, WebP or JPEG by Accept, varying on it, cached for a year as immutable', async () => {
    const path = urls.src(`${server.base}/photo.jpg`, 320);
    for (const [accept, type] of [
      ['image/avif,image/webp,image/apng,*/*;q=0.8', 'image/avif'],
      ['image/webp,*/*', 'image/webp'],
      ['image/avif;q=0,image/webp', 'image/webp'],
      ['*/*', 'image/jpeg'],
    ]) {
      const res = await app.request(path, { headers: { accept: accept! } });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers.get('content-type'), type, accept);
      assert.equal(res.headers.get('vary'), 'Accept');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.ok((await res.arrayBuffer()).byteLength > 100);
    }
  });

  it('refuses a tampered signature, source or width with 403: it is not an open proxy', async () => {
    const path = urls.src(`${server.base}/photo.jpg`, 320);
    const [, , sig, width, source] = path.split('/');
    const other = urls.src(`${server.base}/graphic.png`, 320).split('/')[4];
    const flipped = `${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`;
    for (const tampered of [`/img/${flipped}/${width}/${source}`, `/img/${sig}/640/${source}`, `/img/${sig}/${width}/${other}`, `/img/x/${width}/${source}`]) {
      const res = await app.request(tampered);
      assert.equal(res.status, 403, tampered);
      assert.match(await res.text(), /not signed/);
    }
    const forged = imageUrls('another-secret-of-at-least-32-characters', [320]).src('http://169.254.169.254/latest/meta-data', 320);
    assert.equal((await app.request(forged)).status, 403);
  });

  it('answers a picture that cannot be had with a 404 in words, never a 500', async () => {
    for (const file of ['/bomb.png', '/page.jpg', '/missing.jpg', '/to-private.jpg']) {
      const res = await app.request(urls.src(`${server.base}${file}`, 320));
      assert.equal(res.status, 404, file);
      assert.match(await res.text(), /^No picture: /, file);
    }
  });

  it('answers a signed width the endpoint no longer offers with a 404', async () => {
    const res = await app.request(imageUrls(secret, [1280]).src(`${server.base}/photo.jpg`, 1280));
    assert.equal(res.status, 404);
  });
});
