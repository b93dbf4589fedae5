import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import type { Provider } from '../../src/domain/provider.js';
import { createImageService } from '../../src/images/image-service.js';
import { openImageStore } from '../../src/images/image-store.js';
import { createLeadImageProber, type LeadImageProber } from '../../src/images/lead-image-prober.js';
import { closeFetchAgents } from '../../src/ingest/fetch/fetch-url.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { createIngestService } from '../../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import { launchBrowser, skipBrowser } from '../support/browser.js';
import { loopbackTestServerOnly, startImageServer } from '../support/image-server.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const paragraph = 'The harbour reopened on Tuesday after a two-day closure, and ships that had waited outside the breakwater came in one by one under a clear sky. ';

/** An RSS feed whose items name a good picture, a bomb, a 404 and a private redirect, and carry a picture in a body. */
function feed(base: string): string {
  const item = (n: number, picture: string, body = `<p>${paragraph.repeat(3)}</p>`) => `
    <item><title>Story ${n} about the harbour</title><link>https://wire.example/story-${n}</link><guid>story-${n}</guid>
      <pubDate>Tue, 03 Jun 2025 0${n}:30:00 GMT</pubDate><description><![CDATA[${body}]]></description>
      <media:content url="${base}${picture}" medium="image">
        <media:description>Ships entering the harbour at dawn.</media:description><media:credit>Wire Photo/Ana Lima</media:credit>
      </media:content></item>`;
  return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title><link>https://wire.example/</link>
    ${item(1, '/photo.jpg', `<p>${paragraph.repeat(2)}</p><figure><img src="${base}/picture.webp" alt="The breakwater"><figcaption>The breakwater</figcaption></figure><p>${paragraph}</p>`)}
    ${item(2, '/bomb.png')}${item(3, '/missing.jpg')}${item(4, '/to-private.jpg')}
  </channel></rss>`;
}

describe('lead images from a feed to the reader’s screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-lead-images-'));
  let pictures: Awaited<ReturnType<typeof startImageServer>>;
  let store: Store;
  let drop: () => Promise<void>;
  let prober: LeadImageProber;
  let server: Server;
  let site: string;
  let provider: Provider;
  let summary: Awaited<ReturnType<ReturnType<typeof createIngestService>['ingest']>>;

  before(async () => {
    pictures = await startImageServer();
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    const images = createImageService({
      store: await openImageStore({ dir, maxCacheBytes: 20 * 1024 * 1024 }),
      limits: { maxBytes: 2 * 1024 * 1024, maxPixels: 40_000_000, widths: [320, 640, 960, 1280] },
      fetch: { addressPolicy: loopbackTestServerOnly },
    });
    const logger = pino({ level: 'silent' });
    prober = createLeadImageProber({ store, images, logger });
    const ingest = createIngestService({ store, leadImages: prober });
    provider = await store.providers.create({ slug: 'wire', name: 'Wire Agency' });
    const parsed = parseFeed(feed(pictures.base), { url: 'https://wire.example/feed.xml' });
    assert.equal(parsed.kind, 'feed');
    summary = await ingest.ingest(provider, parsed.kind === 'feed' ? parsed.items : []);
    await prober.idle();
    const app = buildApp({ store, config: loadConfig({ PUBLIC_URL: 'http://gazette.test', DEMO_CONTENT: 'false' }), logger, images: { service: images, secret: 'e2e-secret-of-at-least-32-characters!!' } });
    server = createServer(getRequestListener(app.fetch));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await prober?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await pictures?.close();
    await closeFetchAgents();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const articleId = (n: number) => summary.items[n - 1]!.outcome !== 'rejected' ? (summary.items[n - 1] as { articleId: number }).articleId : 0;

  it('stores every story, and a picture that cannot be had leaves its story without one', async () => {
    assert.equal(summary.created, 4, 'a bad picture never fails ingest');
    const statuses = await Promise.all([1, 2, 3, 4].map(async (n) => (await store.articles.findById(articleId(n)))?.leadImage?.status));
    assert.deepEqual(statuses, ['ready', 'failed', 'failed', 'failed']);
    for (const n of [2, 3, 4]) {
      const html = await (await fetch(`${site}/article/${articleId(n)}`, { redirect: 'follow' })).text();
      assert.doesNotMatch(html, /lead-image|<img/, `story ${n} shows no picture, not a broken one`);
    }
  });

  it('writes the lead picture with its size, caption, credit and a signed srcset, and no provider URL anywhere', async () => {
    const html = await (await fetch(`${site}/article/${articleId(1)}`, { redirect: 'follow' })).text();
    assert.match(html, /<figure class="lead-image"><img src="\/img\/[\w-]+\/640\/[\w-]+" srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 960w, [^"]+ 1280w"[^>]* width="1600" height="900"/);
    assert.match(html, /<figcaption>Ships entering the harbour at dawn\.<span class="credit">Wire Photo\/Ana Lima<\/span><\/figcaption>/);
    assert.ok(!html.includes(pictures.base), 'the page never points a browser at the provider’s server');
    const api = (await (await fetch(`${site}/api/v1/articles/${articleId(1)}`)).json()) as { image: Record<string, unknown> };
    assert.match(String(api.image.url), /^http:\/\/gazette\.test\/img\/[\w-]+\/1280\/[\w-]+$/);
    assert.deepEqual({ ...api.image, url: undefined }, { url: undefined, sourceUrl: `${pictures.base}/photo.jpg`, alt: null, caption: 'Ships entering the harbour at dawn.', credit: 'Wire Photo/Ana Lima', width: 1600, height: 900 });
    const failed = (await (await fetch(`${site}/api/v1/articles/${articleId(2)}`)).json()) as { image: unknown };
    assert.equal(failed.image, null);
    const home = await (await fetch(`${site}/`)).text();
    assert.match(home, /<article class="teaser teaser-lead has-picture"[\s\S]*?<div class="teaser-picture"><img [^>]* width="1600" height="900"/);
  });

  it('renders in Chromium at its size without layout shift, with every picture from the site itself', { skip: skipBrowser }, async () => {
    const browser: Browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const imageHosts = new Set<string>();
      page.on('request', (r) => r.resourceType() === 'image' && imageHosts.add(new URL(r.url()).origin));
      await page.goto(`${site}/article/${articleId(1)}`);
      const lead = page.locator('.lead-image img');
      // The box has the picture's proportions before a byte of it arrives (width/height attributes).
      const reserved = await lead.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().height);
      await lead.evaluate((img: HTMLImageElement) => (img.complete ? null : new Promise((resolve) => (img.onload = resolve))));
      const shown = await lead.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, box: img.getBoundingClientRect().toJSON(), current: img.currentSrc }));
      assert.ok(shown.natural >= 320, 'the picture loaded');
      assert.ok(Math.abs(shown.box.height / shown.box.width - 900 / 1600) < 0.01, 'shown at its own proportions');
      assert.ok(Math.abs(reserved - shown.box.height) < 1, 'its space was reserved before it loaded');
      assert.match(shown.current, /\/img\/[\w-]+\/(640|960|1280)\//, 'the browser picks the offered width its column needs');
      const body = page.locator('.story-body img');
      await body.scrollIntoViewIfNeeded();
      await body.evaluate((img: HTMLImageElement) => (img.complete ? null : new Promise((resolve) => (img.onload = resolve))));
      assert.ok(await body.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), 'a picture inside the body loads through the endpoint');
      assert.deepEqual([...imageHosts], [site], 'every picture comes from the site');
    } finally {
      await browser.close();
    }
  });
});
