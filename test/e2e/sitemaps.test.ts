/**
 * Sitemaps over HTTP on both engines: a valid index of monthly sitemaps split at a small
 * limit, every story exactly once across them, a Google News sitemap of the last 48 hours
 * and robots.txt naming them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import { articleDraft } from '../support/article-draft.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';
import { openTestImages, TEST_IMAGE_SECRET } from '../support/test-images.js';
import { signedImagePath } from '../../src/images/image-signature.js';

const PUBLIC = 'http://gazette.test';
const PICTURE = 'https://cdn.wire.example/fresh.jpg';
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`sitemaps: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dropImages: () => Promise<void>;
    let app: ReturnType<typeof buildApp>;
    const storyUrls: string[] = [];
    const recentUrls: string[] = [];

    /** Fetches an XML document, checks it is well-formed and returns it parsed. */
    async function xml(path: string): Promise<any> {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'application/xml; charset=utf-8');
      const text = await res.text();
      assert.equal(XMLValidator.validate(text), true, `${path} is well-formed XML`);
      return parser.parse(text);
    }

    before(async () => {
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore());
      await seedTaxonomy(store);
      const images = await openTestImages();
      dropImages = images.drop;
      app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: PUBLIC, SITEMAP_MAX_URLS: '2' }), logger: pino({ level: 'silent' }), images: images.images });
      const provider = await store.providers.create({ slug: 'wire', name: 'Wire' });
      const dates = [
        ...[1, 2, 3].map((d) => new Date(Date.UTC(2025, 10, d))),
        ...[1, 2, 3, 4, 5].map((d) => new Date(Date.UTC(2025, 11, d))),
        new Date(Date.UTC(2026, 0, 31, 23, 59)),
      ];
      let n = 0;
      for (const publishedAt of dates) {
        const { article } = await store.articles.upsert(articleDraft({ providerId: provider.id, guid: `old-${++n}`, headline: `Old story ${n} & <more>`, publishedAt }));
        storyUrls.push(`${PUBLIC}/article/${article.id}/${article.slug}`);
      }
      for (const hoursAgo of [1, 30]) {
        const leadImage = hoursAgo === 1 ? { url: PICTURE, alt: null, caption: null, credit: null } : null;
        const { article } = await store.articles.upsert(
          articleDraft({ providerId: provider.id, guid: `new-${hoursAgo}`, headline: `Fresh story ${hoursAgo} h & <b>`, language: 'ar', publishedAt: new Date(Date.now() - hoursAgo * 3600_000), leadImage }),
        );
        if (leadImage) await store.articles.recordLeadImage(article.id, PICTURE, { width: 800, height: 600 });
        storyUrls.push(`${PUBLIC}/article/${article.id}/${article.slug}`);
        recentUrls.push(`${PUBLIC}/article/${article.id}/${article.slug}`);
      }
      const gone = await store.articles.upsert(articleDraft({ providerId: provider.id, guid: 'gone', headline: 'Withdrawn', publishedAt: new Date(Date.UTC(2025, 11, 6)) }));
      await store.articles.setStatus(gone.article.id, 'taken_down');
    });
    after(async () => {
      await drop?.();
      await dropImages?.();
    });

    it('indexes monthly sitemaps split at the configured limit, listing every story once', async () => {
      const index = await xml('/sitemap.xml');
      const locs: string[] = index.sitemapindex.sitemap.map((s: any) => s.loc);
      const thisMonth = new Date().toISOString().slice(0, 7);
      assert.deepEqual(locs.slice(0, 7), [
        `${PUBLIC}/sitemaps/news.xml`,
        `${PUBLIC}/sitemaps/2025-11.xml`,
        `${PUBLIC}/sitemaps/2025-11-2.xml`,
        `${PUBLIC}/sitemaps/2025-12.xml`,
        `${PUBLIC}/sitemaps/2025-12-2.xml`,
        `${PUBLIC}/sitemaps/2025-12-3.xml`,
        `${PUBLIC}/sitemaps/2026-01.xml`,
      ]);
      assert.ok(locs.some((l) => l.includes(thisMonth)), 'the current month, where the fresh stories are');
      const listed: string[] = [];
      for (const loc of locs.slice(1)) {
        const sitemap = await xml(loc.replace(PUBLIC, ''));
        const urls = sitemap.urlset.url ?? [];
        assert.ok(urls.length >= 1 && urls.length <= 2, `${loc} holds 1 or 2 URLs`);
        for (const u of urls) assert.ok(!Number.isNaN(Date.parse(u.lastmod)));
        listed.push(...urls.map((u: any) => u.loc));
      }
      assert.deepEqual([...listed].sort(), [...storyUrls].sort(), 'every story exactly once, the taken-down one never');
    });

    it('names a story’s measured lead picture as an image:image, this site’s signed copy', async () => {
      const picture = `${PUBLIC}${signedImagePath(TEST_IMAGE_SECRET, PICTURE, 640)}`;
      const month = await xml(`/sitemaps/${new Date(Date.now() - 3600_000).toISOString().slice(0, 7)}.xml`);
      const fresh = month.urlset.url.find((u: any) => u.loc === recentUrls[0]);
      assert.deepEqual(fresh['image:image'], { 'image:loc': picture });
      assert.equal(month['urlset']['@_xmlns:image'], 'http://www.google.com/schemas/sitemap-image/1.1');
      const news = await xml('/sitemaps/news.xml');
      assert.deepEqual(news.urlset.url[0]['image:image'], { 'image:loc': picture });
      assert.equal(news.urlset.url[1]['image:image'], undefined, 'a story without a picture names none');
    });

    it('answers 404 for a sitemap part or month that does not exist', async () => {
      for (const path of ['/sitemaps/2025-11-3.xml', '/sitemaps/2025-13.xml', '/sitemaps/nonsense.xml', '/sitemaps/1999-01-99999999.xml']) {
        assert.equal((await app.request(path)).status, 404, path);
      }
    });

    it('lists the last 48 hours in a Google News sitemap', async () => {
      const news = await xml('/sitemaps/news.xml');
      const urls = news.urlset.url;
      assert.deepEqual(urls.map((u: any) => u.loc), recentUrls);
      assert.equal(urls[0]['news:news']['news:title'], 'Fresh story 1 h & <b>');
      assert.equal(urls[0]['news:news']['news:publication']['news:name'], 'Gazette');
      assert.equal(urls[0]['news:news']['news:publication']['news:language'], 'ar');
    });

    it('names both in robots.txt', async () => {
      const text = await (await app.request('/robots.txt')).text();
      assert.match(text, /^Sitemap: http:\/\/gazette\.test\/sitemap\.xml$/m);
      assert.match(text, /^Sitemap: http:\/\/gazette\.test\/sitemaps\/news\.xml$/m);
    });
  });
}
