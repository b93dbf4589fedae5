import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loopbackTestServerOnly, startImageServer } from '../../test/support/image-server.js';
import { closeFetchAgents } from '../ingest/fetch/fetch-url.js';
import { createImageService, type ImageService } from './image-service.js';
import { openImageStore } from './image-store.js';

describe('the image service against a real picture server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-images-'));
  let server: Awaited<ReturnType<typeof startImageServer>>;
  let images: ImageService;

  before(async () => {
    server = await startImageServer();
    const store = await openImageStore({ dir, maxCacheBytes: 50 * 1024 * 1024 });
    images = createImageService({ store, limits: { maxBytes: 2 * 1024 * 1024, maxPixels: 40_000_000, widths: [320, 640, 960] }, fetch: { addressPolicy: loopbackTestServerOnly } });
  });
  after(async () => {
    await server?.close();
    await closeFetchAgents();
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures a JPEG, a PNG and a WebP', async () => {
    assert.deepEqual(await images.probe(`${server.base}/photo.jpg`), { kind: 'image', width: 1600, height: 900 });
    assert.deepEqual(await images.probe(`${server.base}/graphic.png`), { kind: 'image', width: 800, height: 600 });
    assert.deepEqual(await images.probe(`${server.base}/picture.webp`), { kind: 'image', width: 1200, height: 800 });
  });

  it('refuses a 50-megapixel bomb, a web page, a body over the byte limit, a 404 and a redirect to a private address', async () => {
    const cases: [string, RegExp][] = [
      ['/bomb.png', /50\.0 megapixels, more than the 40\.0 allowed/],
      ['/page.jpg', /not a picture/],
      ['/huge.jpg', /larger than the 2 MB limit/],
      ['/missing.jpg', /404/],
      ['/to-private.jpg', /private|refused|not allowed/i],
    ];
    for (const [path, reason] of cases) {
      const result = await images.probe(`${server.base}${path}`);
      assert.equal(result.kind, 'failed', path);
      assert.match(result.kind === 'failed' ? result.reason : '', reason, path);
    }
  });

  it('makes each width in AVIF, WebP and JPEG from one fetch of the original, never wider than it', async () => {
    const url = `${server.base}/picture.webp`;
    const before = server.hits.get('/picture.webp') ?? 0;
    for (const [format, magic] of [['avif', 'ftypavif'], ['webp', 'WEBP'], ['jpeg', '\xff\xd8\xff']] as const) {
      for (const width of [320, 640, 960]) {
        const result = await images.variant(url, width, format);
        assert.equal(result.kind, 'image');
        if (result.kind !== 'image') continue;
        assert.ok(result.bytes.toString('latin1', 0, 16).includes(magic), `${format} ${width}`);
        const meta = await sharp(result.bytes).metadata();
        assert.equal(meta.width, width);
        assert.equal(meta.height, Math.round((width * 800) / 1200));
      }
    }
    assert.ok((server.hits.get('/picture.webp') ?? 0) - before <= 1, 'the original is fetched once at most');
  });

  it('serves a variant asked for many times at once from one resize, then from the cache', async () => {
    const url = `${server.base}/photo.jpg`;
    const results = await Promise.all(Array.from({ length: 8 }, () => images.variant(url, 640, 'webp')));
    const first = results[0]!;
    assert.equal(first.kind, 'image');
    for (const r of results) assert.deepEqual(r.kind === 'image' && r.bytes, first.kind === 'image' && first.bytes);
    await server.close();
    const cached = await images.variant(url, 640, 'webp');
    assert.equal(cached.kind, 'image', 'served with the provider gone');
    server = await startImageServer();
  });

  it('turns a PNG with transparency into a JPEG on white', async () => {
    const result = await images.variant(`${server.base}/graphic.png`, 320, 'jpeg');
    assert.equal(result.kind, 'image');
    const { data } = await sharp(result.kind === 'image' ? result.bytes : Buffer.alloc(0)).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([...data.subarray(0, 3)].map((v) => v > 240), [true, true, true], 'transparent pixels become white, not black');
  });

  it('refuses a width it does not offer', async () => {
    const result = await images.variant(`${server.base}/photo.jpg`, 321, 'jpeg');
    assert.deepEqual(result.kind, 'failed');
  });
});
