/**
 * Outbound feeds over HTTP on both engines: every listing in RSS, Atom and JSON Feed, read
 * back with an independent parser, with caching headers and without taken-down stories.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFeed as parseIndependently } from 'feedsmith';
import { trustSanitizedHtml } from '../../src/domain/safe-html.js';
import type { Store } from '../../src/store/store.js';
import { articleDraft } from '../support/article-draft.js';
import { openDemoApp } from '../support/demo-app.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';
import { openTestImages, TEST_IMAGE_SECRET } from '../support/test-images.js';
import { signedImagePath } from '../../src/images/image-signature.js';

const PICTURE = 'https://cdn.wire.example/markets.jpg';
/** The picture as feeds name it: this site's signed copy 1,280 pixels wide (2400×1600 scaled). */
const PICTURE_URL = `http://gazette.test${signedImagePath(TEST_IMAGE_SECRET, PICTURE, 1280)}`;
const HOSTILE = `Q&A: <b>"bold"</b> & 'quoted' ]]> — مرحبا بالعالم 😀🇺🇦`;

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`outbound feeds: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let demo: Awaited<ReturnType<typeof openDemoApp>>;
    let dropStore: () => Promise<void>;
    let dropImages: () => Promise<void>;
    let ids: { hostile: number; business: number; takenDown: number };

    before(async () => {
      const opened = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore();
      dropStore = opened.drop;
      const images = await openTestImages();
      dropImages = images.drop;
      demo = await openDemoApp({ store: opened.store, demo: false, images: images.images });
      const store: Store = demo.store;
      const wire = await store.providers.create({ slug: 'wire', name: 'Wire & Co' });
      const hostile = await store.articles.upsert(
        articleDraft({
          providerId: wire.id,
          guid: 'hostile',
          headline: HOSTILE,
          summary: `Summary ${HOSTILE}`,
          bodyHtml: trustSanitizedHtml('<p>Body &amp; &lt;tags&gt; ]]&gt; مرحبا 😀</p>'),
          language: 'ar',
          categories: ['world'],
          publishedAt: new Date('2026-02-03T10:00:00Z'),
          updatedAt: new Date('2026-02-04T11:00:00Z'),
        }),
      );
      const business = await store.articles.upsert(
        articleDraft({
          providerId: wire.id,
          guid: 'biz',
          headline: 'Markets rally',
          bodyText: 'Shares rose.',
          categories: ['business'],
          publishedAt: new Date('2026-02-02T10:00:00Z'),
          leadImage: { url: PICTURE, alt: 'Traders & <screens>', caption: 'Traders watch the screens ]]> in Frankfurt.', credit: 'Wire/Jane Doe' },
        }),
      );
      // As the image job leaves it: fetched and measured.
      await store.articles.recordLeadImage(business.article.id, PICTURE, { width: 2400, height: 1600 });
      const takenDown = await store.articles.upsert(
        articleDraft({ providerId: wire.id, guid: 'gone', headline: 'Withdrawn story', bodyText: 'Gone.', categories: ['business'], publishedAt: new Date('2026-02-05T10:00:00Z') }),
      );
      await store.articles.setStatus(takenDown.article.id, 'taken_down');
      await store.entities.saveForArticle(hostile.article.id, [{ slug: 'mark-rutte', name: 'Mark Rutte', type: 'person', mentions: 2, role: null }], []);
      ids = { hostile: hostile.article.id, business: business.article.id, takenDown: takenDown.article.id };
    });
    after(async () => {
      await demo?.drop();
      await dropStore?.();
      await dropImages?.();
    });

    it('serves the latest stories as RSS 2.0 with absolute URLs, full bodies, provider, categories and rel="self"', async () => {
      const res = await demo.app.request('/feeds/latest.rss');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
      assert.ok(res.headers.get('etag'));
      assert.ok(res.headers.get('last-modified'));
      const xml = await res.text();
      const { format, feed } = parseIndependently(xml) as { format: string; feed: any };
      assert.equal(format, 'rss');
      assert.equal(feed.link, 'http://gazette.test/');
      assert.deepEqual(feed.items.map((i: any) => i.title), [HOSTILE, 'Markets rally'], 'newest first, taken-down story absent');
      const item = feed.items[0];
      assert.equal(item.link, `http://gazette.test/article/${ids.hostile}/${encodeURIComponent('q-a-b-bold-b-quoted-مرحبا-بالعالم')}`);
      assert.deepEqual(item.guid, { value: `http://gazette.test/article/${ids.hostile}`, isPermaLink: true });
      assert.equal(item.pubDate, 'Tue, 03 Feb 2026 10:00:00 GMT');
      assert.deepEqual(item.dc.creators, ['Wire & Co']);
      assert.deepEqual(item.categories.map((c: any) => c.name), ['world']);
      assert.equal(item.description, `Summary ${HOSTILE}`);
      assert.match(xml, /<atom:link rel="self" type="application\/rss\+xml" href="http:\/\/gazette.test\/feeds\/latest.rss"\/>/);
      assert.match(xml, /<content:encoded>&lt;p&gt;Body &amp;amp; &amp;lt;tags&amp;gt; \]\]&amp;gt; مرحبا 😀&lt;\/p&gt;<\/content:encoded>/);
    });

    it('carries a measured lead picture in every format: RSS enclosure and media:content, Atom enclosure, JSON Feed image', async () => {
      const rss = parseIndependently(await (await demo.app.request('/feeds/category/business.rss')).text()) as { feed: any };
      const item = rss.feed.items[0];
      assert.deepEqual(item.enclosures, [{ url: PICTURE_URL, length: 0, type: 'image/jpeg' }]);
      assert.deepEqual(item.media.contents, [
        {
          url: PICTURE_URL,
          type: 'image/jpeg',
          medium: 'image',
          width: 1280,
          height: 853,
          title: { value: 'Traders & <screens>', type: 'plain' },
          description: { value: 'Traders watch the screens ]]> in Frankfurt.', type: 'plain' },
          credits: [{ value: 'Wire/Jane Doe' }],
        },
      ]);
      const atom = parseIndependently(await (await demo.app.request('/feeds/category/business.atom')).text()) as { feed: any };
      assert.deepEqual(
        atom.feed.entries[0].links.find((l: any) => l.rel === 'enclosure'),
        { href: PICTURE_URL, rel: 'enclosure', type: 'image/jpeg', title: 'Traders & <screens>' },
      );
      assert.equal(atom.feed.entries[0].media.contents[0].credits[0].value, 'Wire/Jane Doe');
      const json = (await (await demo.app.request('/feeds/category/business.json')).json()) as any;
      assert.equal(json.items[0].image, PICTURE_URL);
      assert.deepEqual(json.items[0]._gazette.image, { url: PICTURE_URL, type: 'image/jpeg', width: 1280, height: 853, alt: 'Traders & <screens>', caption: 'Traders watch the screens ]]> in Frankfurt.', credit: 'Wire/Jane Doe' });
      // A story without a picture carries none.
      const latest = (await (await demo.app.request('/feeds/latest.json')).json()) as any;
      assert.equal(latest.items.find((i: any) => i.id === `http://gazette.test/article/${ids.hostile}`).image, undefined);
      // The URL is one the image endpoint signed, not a 403 for a forged one.
      assert.notEqual((await demo.app.request(PICTURE_URL.replace('http://gazette.test', ''))).status, 403);
      assert.equal((await demo.app.request(PICTURE_URL.replace('http://gazette.test', '').replace('/img/', '/img/x'))).status, 403);
    });

    it('answers 304 to a conditional request for an unchanged feed', async () => {
      const first = await demo.app.request('/feeds/latest.atom');
      const etag = first.headers.get('etag')!;
      const again = await demo.app.request('/feeds/latest.atom', { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
    });

    it('serves category, provider and entity feeds in Atom and JSON Feed, each holding only its listing', async () => {
      const atom = parseIndependently(await (await demo.app.request('/feeds/category/business.atom')).text()) as { feed: any };
      assert.deepEqual(atom.feed.entries.map((e: any) => e.title.value), ['Markets rally']);
      assert.equal(atom.feed.links.find((l: any) => l.rel === 'self').href, 'http://gazette.test/feeds/category/business.atom');
      const entry = atom.feed.entries[0];
      assert.equal(entry.id, `http://gazette.test/article/${ids.business}`);
      assert.deepEqual(entry.authors, [{ name: 'Wire & Co', uri: 'http://gazette.test/provider/wire' }]);
      assert.equal(entry.content.value, '<p>Shares rose.</p>');

      const providerRes = await demo.app.request('/feeds/provider/wire.json');
      assert.equal(providerRes.headers.get('content-type'), 'application/feed+json; charset=utf-8');
      const json = (await providerRes.json()) as any;
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(json.feed_url, 'http://gazette.test/feeds/provider/wire.json');
      assert.deepEqual(json.items.map((i: any) => i.title), [HOSTILE, 'Markets rally']);
      assert.equal(json.items[0].content_html, '<p>Body &amp; &lt;tags&gt; ]]&gt; مرحبا 😀</p>');
      assert.equal(json.items[0].date_modified, '2026-02-04T11:00:00.000Z');
      assert.equal(json.items[0].language, 'ar');

      const entity = (await (await demo.app.request('/feeds/entity/mark-rutte.json')).json()) as any;
      assert.deepEqual(entity.items.map((i: any) => i.id), [`http://gazette.test/article/${ids.hostile}`]);
      const arabic = (await (await demo.app.request('/feeds/lang/ar.json')).json()) as any;
      assert.deepEqual(arabic.items.map((i: any) => i.id), [`http://gazette.test/article/${ids.hostile}`]);
      const english = parseIndependently(await (await demo.app.request('/feeds/lang/en.rss')).text()) as { feed: any };
      assert.deepEqual(english.feed.items.map((i: any) => i.title), ['Markets rally']);
      assert.equal(english.feed.language, 'en');
      assert.equal(arabic.language, 'ar');
    });

    it('drops a story from its feeds once it is taken down', async () => {
      await demo.store.articles.setStatus(ids.business, 'taken_down');
      const json = (await (await demo.app.request('/feeds/category/business.json')).json()) as any;
      assert.deepEqual(json.items, []);
      await demo.store.articles.setStatus(ids.business, 'published');
    });

    it('answers 404 for an unknown listing or format', async () => {
      for (const path of ['/feeds/category/nope.rss', '/feeds/provider/nope.atom', '/feeds/entity/nope.json', '/feeds/latest.xml', '/feeds/other.rss', '/feeds/lang/not a tag.rss']) {
        const res = await demo.app.request(path);
        assert.equal(res.status, 404, path);
        assert.equal(((await res.json()) as any).error.code, 'NOT_FOUND');
      }
    });

    it('links each listing page to its feeds in the head and the footer', async () => {
      const html = await (await demo.app.request('/category/business')).text();
      for (const [type, ext] of [['application/rss+xml', 'rss'], ['application/atom+xml', 'atom'], ['application/feed+json', 'json']] as const) {
        assert.match(html, new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" href="/feeds/category/business.${ext}"`));
      }
      const footer = html.slice(html.indexOf('<footer'));
      assert.match(footer, /<a href="\/feeds\/category\/business.rss" type="application\/rss\+xml">Business \(RSS\)<\/a>/);
      const home = await (await demo.app.request('/')).text();
      assert.match(home, /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/latest.atom" title="Latest stories \(Atom\)"/);
      const article = await (await demo.app.request(`/article/${ids.business}/markets-rally`)).text();
      assert.match(article, /<link rel="alternate" type="application\/rss\+xml" href="\/feeds\/latest.rss"/, 'a page without a listing links the latest feeds');
    });
  });
}
