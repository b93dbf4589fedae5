/**
 * The public JSON API over HTTP on both engines: filters, cursor pagination while stories
 * arrive, bad input as 4xx, ninjs, CORS, rate limits, and every real response checked
 * against the OpenAPI document the API publishes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { addPartner } from '../../src/cli/partner.js';
import { loadConfig } from '../../src/config/load-config.js';
import { parseNinjs } from '../../src/ingest/parse-ninjs.js';
import { seedTaxonomy } from '../../src/store/seed-taxonomy.js';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/web/app.js';
import { articleDraft } from '../support/article-draft.js';
import { openApiDocumentErrors, responseValidator } from '../support/openapi-validator.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';
import { openTestImages, TEST_IMAGE_SECRET } from '../support/test-images.js';
import { signedImagePath } from '../../src/images/image-signature.js';

const PUBLIC = 'http://gazette.test';
const PICTURE = 'https://cdn.wire.example/cairo.jpg';
const signed = (width: number) => `${PUBLIC}${signedImagePath(TEST_IMAGE_SECRET, PICTURE, width)}`;

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`JSON API: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dropImages: () => Promise<void>;
    let app: ReturnType<typeof buildApp>;
    let validate: ReturnType<typeof responseValidator>;
    let wireId: number;
    let ids: { head: number; copy: number; arabic: number };
    let minute = 0;
    /** A new article of `wire`, a minute after the previous one (from 2026-01-01). */
    const add = async (overrides: Partial<Parameters<typeof articleDraft>[0]> = {}) =>
      (await store.articles.upsert(articleDraft({ providerId: wireId, guid: `g-${++minute}`, headline: `Story ${minute}`, publishedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)), ...overrides }))).article;

    /** GETs a path and checks the answer against the OpenAPI document's `documented` path ('' for none). */
    async function get(path: string, documented: string, init?: RequestInit) {
      const res = await app.request(path, init);
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
      const body = type.endsWith('json') ? await res.json() : await res.text();
      if (documented !== '' && res.status !== 304 && res.status !== 429) {
        assert.deepEqual(validate(documented, 'get', res.status, type, body), [], `${path} answers as documented`);
      }
      return { res, body: body as any };
    }

    before(async () => {
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore() : await openTestPostgresStore());
      await seedTaxonomy(store);
      const images = await openTestImages();
      dropImages = images.drop;
      app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: PUBLIC }), logger: pino({ level: 'silent' }), images: images.images });
      const document = await (await app.request('/api/v1/openapi.json')).json();
      validate = responseValidator(document as { paths: Record<string, unknown> });
      wireId = (await store.providers.create({ slug: 'wire', name: 'Wire', disclaimer: 'Supplied as is.' })).id;
      const otherId = (await store.providers.create({ slug: 'agency', name: 'Agency' })).id;
      const head = await add({ categories: ['business'], byline: 'Jane Doe', bodyText: 'NATO said "we act together," Mark Rutte said.' });
      const copy = (await store.articles.upsert(articleDraft({ providerId: otherId, guid: 'copy', headline: 'Copy of story 1', publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 2)) }))).article;
      await store.clusters.assign({ articleId: head.id, clusterId: head.id, match: 'first', similarity: 1, signature: 'AA', bandKeys: [], publishedAt: head.publishedAt });
      await store.clusters.assign({ articleId: copy.id, clusterId: head.id, match: 'near', similarity: 0.9, signature: 'AB', bandKeys: [], publishedAt: copy.publishedAt });
      await store.entities.saveForArticle(
        head.id,
        [{ slug: 'mark-rutte', name: 'Mark Rutte', type: 'person', mentions: 1, role: 'Secretary General' }],
        [{ text: 'we act together', speakerSlug: 'mark-rutte', speakerName: 'Mark Rutte', position: 0 }],
      );
      const arabic = await add({ language: 'ar', headline: 'خبر عاجل', categories: ['world'], leadImage: { url: PICTURE, alt: 'ميدان التحرير', caption: 'Cairo at dusk.', credit: 'Wire/Amr' } });
      // Measured by the image job: 1000×750, so only the 320, 640 and 960 widths are offered.
      await store.articles.recordLeadImage(arabic.id, PICTURE, { width: 1000, height: 750 });
      for (let i = 0; i < 8; i++) await add({ categories: ['business'] });
      ids = { head: head.id, copy: copy.id, arabic: arabic.id };
    });
    after(async () => drop?.());

    it('publishes an OpenAPI 3.1 document that is valid and covers reads and the push API', async () => {
      const { res, body } = await get('/api/v1/openapi.json', '');
      assert.equal(res.status, 200);
      assert.equal(body.openapi, '3.1.0');
      assert.deepEqual(openApiDocumentErrors(body), []);
      assert.notDeepEqual(openApiDocumentErrors({ ...body, info: undefined }), [], 'the check does catch a broken document');
      for (const path of ['/articles', '/articles/{id}', '/stories/{id}', '/categories', '/providers', '/entities/{slug}']) assert.ok(body.paths[path]?.get, `GET ${path}`);
      assert.ok(body.paths['/articles'].post, 'the push API');
      assert.match(body.components.schemas.ArticleSummary.properties.headline.description, /Plain text/);
    });

    it('lists the latest stories newest first, each story once, with the documented fields', async () => {
      const { res, body } = await get('/api/v1/articles?limit=3', '/articles');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.ok(res.headers.get('etag'));
      assert.deepEqual(body.data.map((a: any) => a.headline), ['Story 10', 'Story 9', 'Story 8']);
      assert.match(body.next, /^http:\/\/gazette\.test\/api\/v1\/articles\?limit=3&cursor=\d+\.\d+$/);
      const all = (await get('/api/v1/articles?limit=100', '/articles')).body.data;
      assert.ok(!all.some((a: any) => a.id === ids.copy), 'the copy is listed under its story’s head only');
      const head = all.find((a: any) => a.id === ids.head);
      assert.deepEqual(head, {
        id: ids.head,
        url: `${PUBLIC}/article/${ids.head}/story-1`,
        guid: 'g-1',
        headline: 'Story 1',
        summary: 'A summary.',
        provider: { slug: 'wire', name: 'Wire' },
        publishedAt: '2026-01-01T00:01:00.000Z',
        updatedAt: '2026-01-01T10:00:00.000Z',
        language: 'en',
        categories: ['business'],
        image: null,
        story: { id: ids.head, size: 2 },
      });
    });

    it('filters by provider, category, entity, language and a time window', async () => {
      const titles = async (query: string) => (await get(`/api/v1/articles?limit=100&${query}`, '/articles')).body.data.map((a: any) => a.headline);
      assert.deepEqual(await titles('provider=agency'), ['Copy of story 1']);
      assert.equal((await titles('category=business')).length, 9);
      assert.ok(!(await titles('category=business')).includes('خبر عاجل'));
      assert.deepEqual(await titles('entity=mark-rutte'), ['Story 1']);
      assert.deepEqual(await titles('lang=ar'), ['خبر عاجل']);
      assert.deepEqual(await titles('since=2026-01-01T00:04:00Z&until=2026-01-01T00:05:00Z'), ['Story 5', 'Story 4']);
      assert.deepEqual(await titles('provider=wire&until=2026-01-01T00:02:00%2B00:00'), ['خبر عاجل', 'Story 1']);
    });

    it('filters by a full-text search (q), with the other filters, paged by `next` without repeats', async () => {
      const titles = async (query: string) => (await get(`/api/v1/articles?limit=100&${query}`, '/articles')).body.data.map((a: any) => a.headline);
      assert.deepEqual(await titles('q=together'), ['Story 1'], 'a word of the body');
      assert.deepEqual(await titles('q=together&category=world'), []);
      assert.deepEqual(await titles('q=together&provider=wire&lang=en&since=2026-01-01T00:00:00Z&until=2026-01-01T00:01:00Z'), ['Story 1']);
      assert.deepEqual(await titles('q=together&since=2026-01-01T00:02:00Z'), [], 'since bounds the search too');
      const everyStory = await titles('q=story');
      const paged: string[] = [];
      for (let next: string | null = '/api/v1/articles?q=story&limit=3'; next; ) {
        const { body } = await get(next.replace(PUBLIC, ''), '/articles');
        paged.push(...body.data.map((a: any) => a.headline));
        next = body.next;
      }
      assert.ok(everyStory.length >= 9);
      assert.deepEqual([...paged].sort(), [...everyStory].sort(), 'every match once across the pages');
      const ninjs = await get('/api/v1/articles?q=together&format=ninjs', '/articles');
      assert.equal(ninjs.body.data[0].headlines[0].value, 'Story 1');
      const conflict = await get('/api/v1/articles?q=together&entity=mark-rutte', '/articles');
      assert.deepEqual([conflict.res.status, conflict.body.error.code], [400, 'FILTER_CONFLICT']);
      assert.equal((await get('/api/v1/articles?q=together&provider=nobody', '/articles')).res.status, 404);
      const badCursor = await get('/api/v1/articles?q=together&cursor=banana', '/articles');
      assert.deepEqual([badCursor.res.status, badCursor.body.error.code], [400, 'INVALID_CURSOR']);
    });

    it('pages by cursor with no duplicate or gap while new stories arrive', async () => {
      const seen: string[] = [];
      let url: string | null = '/api/v1/articles?limit=4&provider=wire';
      let pages = 0;
      while (url) {
        const { body } = await get(url.replace(PUBLIC, ''), '/articles');
        seen.push(...body.data.map((a: any) => a.headline));
        url = body.next;
        // A story arrives between every two page reads.
        if (pages++ < 3) await add({ headline: `Breaking ${pages}`, publishedAt: new Date() });
      }
      assert.equal(new Set(seen).size, seen.length, 'no story twice');
      assert.deepEqual(seen, ['Story 10', 'Story 9', 'Story 8', 'Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3', 'خبر عاجل', 'Story 1']);
    });

    it('answers bad input with a 4xx and an error code, never a 500', async () => {
      const cases: [string, number, string][] = [
        ['/api/v1/articles?limit=101', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?limit=0', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?limit=abc', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?cursor=nonsense', 400, 'INVALID_CURSOR'],
        ['/api/v1/articles?cursor=99999999999999999999.1', 400, 'INVALID_CURSOR'],
        ['/api/v1/articles?since=yesterday', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?lang=%3Cscript%3E', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?provider=wire&category=business', 400, 'FILTER_CONFLICT'],
        ['/api/v1/articles?categroy=business', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles?provider=nobody', 404, 'NOT_FOUND'],
        ['/api/v1/articles/abc', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles/99999999999', 400, 'VALIDATION_FAILED'],
        ['/api/v1/articles/999999', 404, 'NOT_FOUND'],
        ['/api/v1/stories/999999', 404, 'NOT_FOUND'],
        [`/api/v1/stories/${0}`, 400, 'VALIDATION_FAILED'],
        ['/api/v1/entities/nobody', 404, 'NOT_FOUND'],
      ];
      for (const [path, status, code] of cases) {
        const res = await app.request(path);
        assert.equal(res.status, status, path);
        const body = (await res.json()) as any;
        assert.equal(body.error.code, code, path);
        assert.ok(body.error.message.length > 0);
      }
    });

    it('reads one article with body, entities, quotes and other versions, and its story', async () => {
      const { res, body } = await get(`/api/v1/articles/${ids.head}`, '/articles/{id}');
      assert.equal(res.status, 200);
      assert.equal(body.bodyHtml, '<p>NATO said "we act together," Mark Rutte said.</p>');
      assert.equal(body.byline, 'Jane Doe');
      assert.equal(body.disclaimer, 'Supplied as is.');
      assert.deepEqual(body.entities, [{ slug: 'mark-rutte', name: 'Mark Rutte', type: 'person', mentions: 1, role: 'Secretary General' }]);
      assert.deepEqual(body.quotes, [{ text: 'we act together', speaker: { slug: 'mark-rutte', name: 'Mark Rutte' } }]);
      assert.deepEqual(body.otherVersions.map((v: any) => [v.id, v.provider.slug]), [[ids.copy, 'agency']]);
      const copy = (await get(`/api/v1/articles/${ids.copy}`, '/articles/{id}')).body;
      assert.deepEqual(copy.story, { id: ids.head, size: 2 }, 'all versions share story.id');

      const story = (await get(`/api/v1/stories/${ids.head}`, '/stories/{id}')).body;
      assert.deepEqual(story.versions.map((v: any) => v.id), [ids.head, ids.copy]);
      assert.equal((await app.request(`/api/v1/stories/${ids.copy}`)).status, 404, 'a member’s id is not a story id');
    });

    it('lists categories and providers, and describes an entity, with their feeds', async () => {
      const categories = (await get('/api/v1/categories', '/categories')).body.data;
      const business = categories.find((c: any) => c.slug === 'business');
      assert.equal(business.feeds.rss, `${PUBLIC}/feeds/category/business.rss`);
      const providers = (await get('/api/v1/providers', '/providers')).body.data;
      assert.deepEqual(providers.map((p: any) => p.slug).sort(), ['agency', 'wire']);
      const entity = (await get('/api/v1/entities/mark-rutte', '/entities/{slug}')).body;
      assert.deepEqual(entity, { slug: 'mark-rutte', name: 'Mark Rutte', type: 'person', url: `${PUBLIC}/entity/mark-rutte`, feeds: { rss: `${PUBLIC}/feeds/entity/mark-rutte.rss`, atom: `${PUBLIC}/feeds/entity/mark-rutte.atom`, json: `${PUBLIC}/feeds/entity/mark-rutte.json` } });
    });

    it('answers IPTC ninjs 2.0 on ?format=ninjs or Accept, readable by Gazette’s own ninjs reader', async () => {
      const byQuery = await get(`/api/v1/articles/${ids.head}?format=ninjs`, '/articles/{id}');
      assert.equal(byQuery.res.headers.get('content-type'), 'application/ninjs+json; charset=utf-8');
      const item = byQuery.body;
      assert.equal(item.uri, `${PUBLIC}/article/${ids.head}`);
      assert.equal(item.standard.version, '2.0');
      assert.deepEqual(item.headlines, [{ role: 'main', value: 'Story 1', contenttype: 'text/plain' }]);
      assert.deepEqual(item.people, [{ name: 'Mark Rutte', uri: `${PUBLIC}/entity/mark-rutte` }]);
      const read = parseNinjs(item);
      assert.equal(read.kind, 'accepted');
      if (read.kind === 'accepted') {
        assert.equal(read.items[0]!.headline, 'Story 1');
        assert.equal(read.items[0]!.html, '<p>NATO said "we act together," Mark Rutte said.</p>');
      }
      // The same URL asked for ninjs by Accept gets ninjs, also once the JSON is cached.
      await app.request(`/api/v1/articles/${ids.head}`);
      const byAccept = await get(`/api/v1/articles/${ids.head}`, '/articles/{id}', { headers: { Accept: 'application/ninjs+json' } });
      assert.equal(byAccept.body.uri, `${PUBLIC}/article/${ids.head}`);
      assert.match(byAccept.res.headers.get('vary') ?? '', /Accept\b/);
      const list = await get('/api/v1/articles?limit=2', '/articles', { headers: { Accept: 'application/ninjs+json' } });
      assert.equal(list.body.data[0].type, 'text');
      assert.equal(list.body.data[0].representationtype, 'partial');
      assert.equal(list.body.data[0].associations, undefined, 'a story without a picture has no association');
    });

    it('gives a measured lead picture in Gazette JSON and as a ninjs association with every offered size', async () => {
      const listed = (await get('/api/v1/articles?lang=ar', '/articles')).body.data[0];
      assert.deepEqual(listed.image, { url: signed(960), sourceUrl: PICTURE, alt: 'ميدان التحرير', caption: 'Cairo at dusk.', credit: 'Wire/Amr', width: 1000, height: 750 });
      const expected = {
        name: 'mainpicture',
        uri: PICTURE,
        type: 'picture',
        descriptions: [
          { role: 'caption', value: 'Cairo at dusk.', contenttype: 'text/plain' },
          { role: 'alt', value: 'ميدان التحرير', contenttype: 'text/plain' },
        ],
        by: 'Wire/Amr',
        renditions: [
          { name: 'w320', href: signed(320), contenttype: 'image/jpeg', width: 320, height: 240 },
          { name: 'w640', href: signed(640), contenttype: 'image/jpeg', width: 640, height: 480 },
          { name: 'w960', href: signed(960), contenttype: 'image/jpeg', width: 960, height: 720 },
          { name: 'original', href: PICTURE, width: 1000, height: 750 },
        ],
      };
      const one = (await get(`/api/v1/articles/${ids.arabic}?format=ninjs`, '/articles/{id}')).body;
      assert.deepEqual(one.associations, [expected]);
      const list = (await get('/api/v1/articles?lang=ar&format=ninjs', '/articles')).body;
      assert.deepEqual(list.data[0].associations, [expected]);
      // Gazette's own ninjs reader takes the picture back: the widest size (the original), with its texts.
      const read = parseNinjs(one);
      assert.equal(read.kind, 'accepted');
      if (read.kind === 'accepted') assert.deepEqual(read.items[0]!.image, { url: PICTURE, alt: 'Cairo at dusk.', caption: 'Cairo at dusk.', credit: 'Wire/Amr', width: 1000, height: 750 });
    });

    it('answers a CORS preflight for reads, and none for the push endpoint', async () => {
      const res = await app.request('/api/v1/articles', { method: 'OPTIONS', headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /GET/);
      assert.doesNotMatch(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('limits public reads per client address with 429 and Retry-After', async () => {
      const limited = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: PUBLIC, API_RATE_LIMIT: '3', PAGE_CACHE_MB: '0' }), logger: pino({ level: 'silent' }) });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i++) {
        last = await limited.request(`/api/v1/articles?limit=${i + 1}`);
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
      assert.equal(((await last!.json()) as any).error.code, 'RATE_LIMITED');
    });

    it('lets a partner key read at its own limit, and refuses a wrong or revoked key', async () => {
      const limited = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: PUBLIC, API_RATE_LIMIT: '1', PAGE_CACHE_MB: '0' }), logger: pino({ level: 'silent' }) });
      const { key, token } = await addPartner(store, 'Example News app', 3);
      const read = (auth?: string) => limited.request('/api/v1/categories', auth ? { headers: { Authorization: auth } } : {});
      assert.deepEqual([(await read()).status, (await read()).status], [200, 429], 'one anonymous read a minute');
      const partner = [];
      for (let i = 0; i < 4; i++) partner.push((await read(`Bearer ${token}`)).status);
      assert.deepEqual(partner, [200, 200, 200, 429], 'three a minute with the key');
      const wrong = await read(`Bearer ${token.slice(0, -2)}xx`);
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as any).error.code, 'UNAUTHORIZED');
      assert.equal((await read('Bearer gzt_0123456789ab_' + 'a'.repeat(43))).status, 401, 'a provider’s push key is no read key');
      await store.partnerKeys.revoke(key.keyId);
      assert.equal((await read(`Bearer ${token}`)).status, 401);
      assert.ok((await store.partnerKeys.list()).find((k) => k.keyId === key.keyId)?.revokedAt);
    });

    it('serves a readable API reference without inline script', async () => {
      const res = await app.request('/api/docs');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<code>GET \/articles<\/code>/);
      assert.match(html, /<code>POST \/articles<\/code>/);
      assert.match(html, /Plain text: never HTML/);
      assert.doesNotMatch(html, /<script/i);
      assert.match(html, /except <code>bodyHtml<\/code>, which is sanitized HTML/, 'Markdown code spans render as code');
      assert.doesNotMatch(html.replace(/<pre[\s\S]*?<\/pre>/g, ''), /`/, 'no literal backticks are left');
      assert.match(html, new RegExp(`Base URL: <code>${PUBLIC}/api/v1</code>`), 'PUBLIC_URL names the base URL');
    });

    it('names the base URL the reader used when PUBLIC_URL is not set', async () => {
      const bare = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PORT: '0' }), logger: pino({ level: 'silent' }) });
      const html = await (await bare.request('http://news.example:8080/api/docs')).text();
      assert.match(html, /Base URL: <code>http:\/\/news\.example:8080\/api\/v1<\/code>/);
      assert.doesNotMatch(html, /:0\/api/);
    });
  });
}
