/**
 * Search as readers, feed readers and API clients meet it, over real HTTP handling on both
 * engines: the results page (highlights escaped, filters, "no results", paging), the search
 * feeds parsed by an independent parser, and GET /api/v1/search checked against its OpenAPI
 * schema. Hostile queries get a page, never an error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFeed as parseIndependently } from 'feedsmith';
import type { Store } from '../../src/store/store.js';
import { articleDraft } from '../support/article-draft.js';
import { openDemoApp } from '../support/demo-app.js';
import { responseValidator } from '../support/openapi-validator.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`search pages, feeds and API: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let demo: Awaited<ReturnType<typeof openDemoApp>>;
    let dropStore: () => Promise<void>;
    let validate: ReturnType<typeof responseValidator>;
    let ids: { pipeline: number; older: number; arabic: number };

    before(async () => {
      const opened = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore();
      dropStore = opened.drop;
      demo = await openDemoApp({ store: opened.store, demo: false });
      const store: Store = demo.store;
      const wire = await store.providers.create({ slug: 'wire', name: 'Wire & Co' });
      const agency = await store.providers.create({ slug: 'agency', name: 'Agency' });
      const add = async (providerId: number, guid: string, headline: string, bodyText: string, extra: Partial<Parameters<typeof articleDraft>[0]> = {}) =>
        (await store.articles.upsert(articleDraft({ providerId, guid, headline, bodyText, publishedAt: new Date('2026-02-03T10:00:00Z'), ...extra }))).article;
      const pipeline = await add(wire.id, 'p1', 'Pipeline <b>talks</b> resume in Geneva', 'Negotiators met in Geneva on Tuesday to discuss the gas pipeline. Talks continue.', { categories: ['business'], publishedAt: new Date(Date.now() - 3_600_000) });
      const older = await add(agency.id, 'p2', 'Geneva motor show opens', 'The motor show in Geneva opened with electric cars.', { categories: ['world'], publishedAt: new Date('2026-01-10T10:00:00Z') });
      const arabic = await add(wire.id, 'p3', 'محادثات خط الأنابيب في جنيف', 'اجتمع المفاوضون في جنيف لمناقشة خط أنابيب الغاز.', { language: 'ar', categories: ['world'] });
      ids = { pipeline: pipeline.id, older: older.id, arabic: arabic.id };
      const document = await (await demo.app.request('/api/v1/openapi.json')).json();
      validate = responseValidator(document as { paths: Record<string, unknown> });
    });
    after(async () => {
      await demo?.drop();
      await dropStore?.();
    });

    it('shows ranked results with the matched words highlighted and the markup of headlines escaped', async () => {
      const res = await demo.app.request('/search?q=geneva');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1>Results for “geneva”<\/h1>/);
      assert.ok(html.indexOf(`/article/${ids.pipeline}/`) < html.indexOf(`/article/${ids.older}/`), 'today’s story first: the recency boost outweighs a shorter headline');
      assert.match(html, /Pipeline &lt;b&gt;talks&lt;\/b&gt; resume in <mark>Geneva<\/mark>/);
      assert.match(html, /<p class="snippet">Negotiators met in <mark>Geneva<\/mark>/);
      assert.match(html, /<input id="search-page-q" type="search" name="q" value="geneva"/);
      assert.match(html, /<link rel="alternate" type="application\/rss\+xml" href="\/feeds\/search.rss\?q=geneva"/);
    });

    it('applies filters from the form, and says so when nothing matches', async () => {
      const inWorld = await (await demo.app.request('/search?q=geneva&category=world')).text();
      assert.ok(inWorld.includes(`/article/${ids.older}/`) && !inWorld.includes(`/article/${ids.pipeline}/`));
      assert.match(inWorld, /<option value="world" selected="">World<\/option>|<option value="world" selected>World<\/option>/);
      const byAgency = await (await demo.app.request('/search?q=geneva&provider=agency')).text();
      assert.ok(byAgency.includes(`/article/${ids.older}/`) && !byAgency.includes(`/article/${ids.pipeline}/`));
      const inJanuary = await (await demo.app.request('/search?q=geneva&from=2026-01-01&to=2026-01-31')).text();
      assert.ok(inJanuary.includes(`/article/${ids.older}/`) && !inJanuary.includes(`/article/${ids.pipeline}/`));
      const arabic = await (await demo.app.request(`/search?q=${encodeURIComponent('جنيف')}&lang=ar`)).text();
      assert.ok(arabic.includes(`/article/${ids.arabic}/`));
      assert.match(arabic, /<li class="teaser" lang="ar" dir="rtl">/);
      const none = await demo.app.request('/search?q=zanzibar');
      assert.equal(none.status, 200);
      assert.match(await none.text(), /No stories match your search/);
    });

    it('answers a bad filter with a 400 page that says what is wrong', async () => {
      for (const [query, message] of [
        ['q=x&category=nope', 'There is no category'],
        ['q=x&provider=nope', 'There is no provider'],
        ['q=x&from=2026-02-30', 'must be a day written YYYY-MM-DD'],
        ['q=x&from=2026-02-03&to=2026-02-01', 'is later than'],
        ['q=x&after=garbage', 'malformed'],
      ] as const) {
        const res = await demo.app.request(`/search?${query}`);
        assert.equal(res.status, 400, query);
        assert.ok((await res.text()).includes(message), `${query}: says "${message}"`);
      }
    });

    it('answers hostile queries with a page, never an error', async () => {
      for (const q of ['"unbalanced', 'geneva OR', "'; DROP TABLE articles; --", 'NEAR(a b)', '*', '-', '\u0000geneva', '\u202egeneva', '😀', 'x'.repeat(10_000), '<script>alert(1)</script>']) {
        const res = await demo.app.request(`/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q.slice(0, 30));
        assert.doesNotMatch(await res.text(), /<script>alert/);
      }
    });

    it('serves a search as RSS, Atom and JSON Feed that an independent parser reads', async () => {
      for (const format of ['rss', 'atom', 'json'] as const) {
        const res = await demo.app.request(`/feeds/search.${format}?q=geneva&category=business`);
        assert.equal(res.status, 200, format);
        const { feed } = parseIndependently(await res.text()) as { feed: any };
        const titles = (feed.items ?? feed.entries).map((i: any) => (typeof i.title === 'string' ? i.title : i.title?.value ?? i.title));
        assert.deepEqual(titles, ['Pipeline <b>talks</b> resume in Geneva'], format);
      }
      const empty = await demo.app.request('/feeds/search.rss');
      assert.equal(empty.status, 400);
    });

    it('answers GET /api/v1/search as its OpenAPI schema says, with highlights and a next link', async () => {
      const res = await demo.app.request('/api/v1/search?q=geneva&limit=1');
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.deepEqual(validate('/search', 'get', 200, 'application/json', body), []);
      assert.equal(body.data[0].id, ids.pipeline);
      assert.deepEqual(body.data[0].highlight.headline.filter((r: any) => r.mark).map((r: any) => r.text), ['Geneva']);
      assert.match(body.next, /^http:\/\/gazette\.test\/api\/v1\/search\?q=geneva&after=.+&limit=1$/);
      const second = (await (await demo.app.request(body.next.replace('http://gazette.test', ''))).json()) as any;
      assert.deepEqual(second.data.map((a: any) => a.id), [ids.older]);
      const bad = await demo.app.request('/api/v1/search?q=x&lang=not a tag');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as any).error.code, 'VALIDATION_FAILED');
    });
  });
}
