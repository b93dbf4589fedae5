/**
 * The push API through the real app on a real database: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Providers and keys are made with the CLI's own functions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { addProvider, createProviderKey, revokeProviderKey } from '../../cli/provider.js';
import { loadConfig } from '../../config/load-config.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';

const ninjsStory = readFileSync(new URL('../../ingest/testdata/ninjs/ninjs-2.0-wire-story.json', import.meta.url), 'utf8');

const engines = [
  { name: 'SQLite', open: openTestSqliteStore, skip: false as const },
  { name: 'PostgreSQL', open: openTestPostgresStore, skip: skipPostgres },
];

let n = 0;
/** A valid article in Gazette's format with a unique guid. */
function article(overrides: Record<string, unknown> = {}) {
  const i = ++n;
  return {
    guid: `story-${i}`,
    url: `https://menafn.example/story-${i}`,
    headline: `Markets rally as central bank holds rates, story ${i}`,
    body_html: `<p>Stocks rose on Thursday after the central bank held rates, story ${i}.</p><p>Analysts had expected the decision.</p>`,
    published_at: '2026-02-01T10:00:00Z',
    categories: ['markets'],
    ...overrides,
  };
}

for (const engine of engines) {
  describe(`push API on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: Hono;
    let menafnKey: string;
    let wireKey: string;

    const push = (body: unknown, options: { key?: string | null; type?: string; raw?: string } = {}) => {
      const headers: Record<string, string> = { 'content-type': options.type ?? 'application/json' };
      const key = options.key === undefined ? menafnKey : options.key;
      if (key !== null) headers.authorization = `Bearer ${key}`;
      return app.request('/api/v1/articles', { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) });
    };

    before(async () => {
      ({ store, drop } = await engine.open());
      await seedTaxonomy(store);
      await addProvider(store, 'menafn', { name: 'MENAFN', homepage: 'https://menafn.example', contact: 'desk@menafn.example' });
      await addProvider(store, 'wire', { name: 'Wire Agency' });
      menafnKey = (await createProviderKey(store, 'menafn')).token;
      wireKey = (await createProviderKey(store, 'wire')).token;
      app = buildApp({
        store,
        config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: 'http://gazette.test' }),
        logger: pino({ level: 'silent' }),
      });
    });
    after(async () => drop?.());

    it('creates one article: 201 with its id, URL and status; it is then readable', async () => {
      const a = article({ byline: 'Jane Doe', dateline: 'DUBAI' });
      const res = await push(a);
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.equal(body.articles.length, 1);
      const [first] = body.articles;
      assert.equal(first.status, 'created');
      assert.equal(first.url, `http://gazette.test/article/${first.id}`);
      assert.equal(body.created, 1);

      const read = await app.request(`/api/v1/articles/${first.id}`);
      assert.equal(read.status, 200);
      const json = await read.json();
      assert.equal(json.headline, a.headline);
      assert.equal(json.byline, 'Jane Doe');
      assert.equal(json.provider.slug, 'menafn');
      assert.deepEqual(json.categories, ['markets']);
      const page = await app.request(`/article/${first.id}`);
      assert.equal(page.status, 301, 'the returned URL leads to the article page');
      assert.match(page.headers.get('location') ?? '', new RegExp(`^/article/${first.id}/markets-rally`));
    });

    it('creates a batch, answering per item in order; the same batch again is unchanged with the same ids', async () => {
      const batch = [article(), article(), article()];
      const before = await store.articles.count();
      const res = await push({ articles: batch });
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.deepEqual(body.articles.map((a: { status: string }) => a.status), ['created', 'created', 'created']);
      assert.equal(new Set(body.articles.map((a: { id: number }) => a.id)).size, 3);
      assert.equal(await store.articles.count(), before + 3);
      for (const [i, a] of body.articles.entries()) {
        assert.equal((await store.articles.findById(a.id))?.headline, batch[i]!.headline);
      }

      const again = await push({ articles: batch });
      assert.equal(again.status, 200);
      const againBody = await again.json();
      assert.deepEqual(againBody.articles.map((a: { status: string }) => a.status), ['unchanged', 'unchanged', 'unchanged']);
      assert.deepEqual(againBody.articles.map((a: { id: number }) => a.id), body.articles.map((a: { id: number }) => a.id));
      assert.equal(await store.articles.count(), before + 3);
    });

    it('updates a changed article in place: same id and URL, new content', async () => {
      const a = article();
      const created = (await (await push(a)).json()).articles[0];
      const res = await push({ ...a, headline: 'Correction: markets fell', updated_at: '2026-02-01T12:00:00Z' });
      assert.equal(res.status, 200);
      const updated = (await res.json()).articles[0];
      assert.equal(updated.status, 'updated');
      assert.equal(updated.id, created.id);
      assert.equal(updated.url, created.url);
      assert.equal((await store.articles.findById(created.id))?.headline, 'Correction: markets fell');
    });

    it('updates an article named by its Gazette id', async () => {
      const a = article();
      const created = (await (await push(a)).json()).articles[0];
      const res = await push({ id: created.id, headline: 'Renamed by id', body_text: 'A new body.' });
      assert.equal(res.status, 200);
      assert.deepEqual((await res.json()).articles[0], { index: 0, id: created.id, url: created.url, status: 'updated' });
      assert.equal((await store.articles.findById(created.id))?.guid, a.guid);
    });

    it('stores one article when the same new article is pushed several times at once', async () => {
      const a = article();
      const before = await store.articles.count();
      const answers = await Promise.all(Array.from({ length: 4 }, () => push(a)));
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 200, 200, 201]);
      const ids = await Promise.all(answers.map(async (r) => (await r.json()).articles[0].id));
      assert.equal(new Set(ids).size, 1);
      assert.equal(await store.articles.count(), before + 1);
    });

    it('answers 401 for a missing, malformed or wrong key, with WWW-Authenticate', async () => {
      const wrongSecret = menafnKey.slice(0, -4) + (menafnKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const unknownId = menafnKey.replace(/^gzt_[0-9a-f]{12}/, 'gzt_000000000000');
      for (const key of [null, 'not-a-key', wrongSecret, unknownId]) {
        const res = await push(article(), { key });
        assert.equal(res.status, 401, `key ${key}`);
        assert.equal((await res.json()).error.code, 'UNAUTHORIZED');
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    });

    it('answers 401 for a revoked key, while the provider’s other keys still work', async () => {
      const extra = await createProviderKey(store, 'menafn');
      assert.equal((await push(article(), { key: extra.token })).status, 201);
      await revokeProviderKey(store, 'menafn', extra.key.keyId);
      const res = await push(article(), { key: extra.token });
      assert.equal(res.status, 401);
      assert.match((await res.json()).error.message, /revoked/);
      assert.equal((await push(article())).status, 201);
    });

    it('records when a key was last used', async () => {
      const fresh = await createProviderKey(store, 'wire');
      assert.equal(fresh.key.lastUsedAt, null);
      await push(article(), { key: fresh.token });
      assert.ok((await store.apiKeys.findByKeyId(fresh.key.keyId))?.lastUsedAt instanceof Date);
    });

    it('answers 403 when a payload names another provider or another provider’s article, and stores nothing', async () => {
      const mine = (await (await push(article())).json()).articles[0];
      const before = await store.articles.count();
      const byId = await push({ id: mine.id, headline: 'Hijacked', body_text: 'Not yours.' }, { key: wireKey });
      assert.equal(byId.status, 403);
      const body = await byId.json();
      assert.equal(body.error.code, 'FORBIDDEN');
      assert.deepEqual(body.error.details, [{ index: 0, field: 'id', message: `article ${mine.id} belongs to another provider` }]);
      const named = await push({ articles: [article({ provider: 'wire' }), article({ provider: 'menafn' })] }, { key: wireKey });
      assert.equal(named.status, 403);
      assert.equal((await named.json()).error.details[0].index, 1);
      assert.equal((await push({ provider: 'menafn', articles: [article()] }, { key: wireKey })).status, 403);
      assert.equal(await store.articles.count(), before);
      assert.notEqual((await store.articles.findById(mine.id))?.headline, 'Hijacked');
    });

    it('keeps the same guid from two providers apart: neither overwrites the other', async () => {
      const a = article();
      const mine = (await (await push(a)).json()).articles[0];
      const theirs = (await (await push({ ...a, headline: 'Wire version' }, { key: wireKey })).json()).articles[0];
      assert.equal(theirs.status, 'created');
      assert.notEqual(theirs.id, mine.id);
      assert.equal((await store.articles.findById(mine.id))?.headline, a.headline);
    });

    it('answers 400 INVALID_JSON for a body that is not JSON', async () => {
      const res = await push(null, { raw: '{"headline": "unterminated' });
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.code, 'INVALID_JSON');
      assert.match(body.error.message, /not valid JSON/);
    });

    it('answers 400 with a message per field for schema errors', async () => {
      const res = await push({ guid: 'bad-1', headline: '', body_html: 42, published_at: 'last Tuesday', language: 'English' });
      assert.equal(res.status, 400);
      const { error } = await res.json();
      assert.equal(error.code, 'VALIDATION_FAILED');
      const fields = error.details.map((d: { field: string }) => d.field).sort();
      assert.deepEqual(fields, ['body_html', 'headline', 'language', 'published_at']);
      for (const d of error.details) {
        assert.equal(d.index, 0);
        assert.ok(d.message.length > 5, `a readable message for ${d.field}`);
      }
      assert.equal((await push('just a string')).status, 400);
      assert.equal((await push({ articles: [] })).status, 400);
    });

    it('refuses a whole batch with one bad item, naming its index, and stores nothing', async () => {
      const before = await store.articles.count();
      const res = await push({ articles: [article(), article({ headline: undefined }), article()] });
      assert.equal(res.status, 400);
      const { error } = await res.json();
      assert.deepEqual(error.details, [{ index: 1, field: 'headline', message: 'is required' }]);
      assert.match(error.message, /1 of 3/);
      assert.equal(await store.articles.count(), before);
    });

    it('refuses a whole batch when the pipeline rejects an item, and stores nothing', async () => {
      const before = await store.articles.count();
      const res = await push({ articles: [article(), article({ body_html: '<script>alert(1)</script>' })] });
      assert.equal(res.status, 400);
      const { error } = await res.json();
      assert.equal(error.details[0].index, 1);
      assert.match(error.details[0].message, /no body/);
      assert.equal(await store.articles.count(), before, 'the good item of the batch was rolled back too');
    });

    it('lists an article the database refuses under rejected with its reason, and stores the others; 422 when none is stored', async () => {
      // Agency metadata the ninjs reader keeps (50 keywords and 50 places of 200 characters)
      // but the store refuses as larger than its limit.
      const heavy = { ...JSON.parse(ninjsStory), uri: 'urn:test:heavy-meta', keywords: Array.from({ length: 50 }, (_, i) => `keyword ${i} `.padEnd(200, 'k')), place: Array.from({ length: 50 }, (_, i) => ({ name: `Place ${i} `.padEnd(200, 'p') })) };
      const before = await store.articles.count();
      const mixed = await push({ articles: [article({ guid: 'stored-beside-a-refusal' }), heavy] });
      assert.equal(mixed.status, 201);
      const answer = await mixed.json();
      assert.deepEqual(answer.articles.map((a: { index: number; status: string }) => [a.index, a.status]), [[0, 'created']]);
      assert.equal(answer.rejected.length, 1);
      assert.equal(answer.rejected[0].index, 1);
      assert.match(answer.rejected[0].message, /could not be stored: .*agencyMeta: is larger than/);
      assert.equal(await store.articles.count(), before + 1);

      const alone = await push({ articles: [heavy] });
      assert.equal(alone.status, 422);
      const { error } = await alone.json();
      assert.equal(error.code, 'NOT_STORED');
      assert.deepEqual(error.details.map((d: { index: number }) => d.index), [0]);
      assert.equal(await store.articles.count(), before + 1);
    });

    it('takes a ninjs 2.0 item, by Content-Type and by detection, idempotently', async () => {
      const res = await push(null, { raw: ninjsStory, type: 'application/ninjs+json' });
      assert.equal(res.status, 201);
      const created = (await res.json()).articles[0];
      const stored = await store.articles.findById(created.id);
      assert.equal(stored?.guid, 'urn:newsml:wire.example:20260212:nato-air-defence-4417');
      assert.equal(stored?.byline, 'Anna Lindqvist and Tomasz Nowak');
      assert.equal(stored?.categories[0], 'conflict');
      assert.doesNotMatch(stored?.bodyHtml ?? '', /<script|onclick/);

      const again = await push({ articles: [JSON.parse(ninjsStory)] });
      assert.equal(again.status, 200);
      assert.deepEqual((await again.json()).articles[0], { ...created, status: 'unchanged' });
    });

    it('takes agency ninjs 3.x: a story with a NITF body, then its kill notice takes it down', async () => {
      const dpa = JSON.parse(readFileSync(new URL('../../ingest/testdata/ninjs-3/dpa_text_3_nitf.json', import.meta.url), 'utf8')) as Record<string, unknown>;
      const story = { ...dpa, uri: `${String(dpa.uri)}-push-${engine.name}` };
      const created = await push(story, { key: wireKey, type: 'application/ninjs+json' });
      assert.equal(created.status, 201);
      const id = (await created.json()).articles[0].id as number;
      const stored = await store.articles.findById(id);
      assert.equal(stored?.headline, 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
      assert.match(stored!.bodyHtml, /^<p>Für Lucien Favre war es/);
      assert.deepEqual(stored?.categories, ['sport']);
      assert.equal(stored?.copyrightNotice, 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten');

      const kill = await push({ uri: story.uri, pubStatus: 'canceled' }, { key: wireKey });
      assert.equal(kill.status, 200);
      assert.deepEqual((await kill.json()).withdrawals, [{ index: 0, id, status: 'taken_down', message: 'The provider marked the story canceled; it was taken down.' }]);
      assert.equal((await store.articles.findById(id))?.status, 'taken_down');
      assert.equal((await app.request(`/api/v1/articles/${id}`)).status, 410, 'the API says it was taken down');

      const unknown = await push({ uri: 'urn:dpa:never-sent', pubStatus: 'withheld' }, { key: wireKey });
      assert.equal(unknown.status, 200);
      const answer = await unknown.json();
      assert.deepEqual(answer.articles, []);
      assert.equal(answer.withdrawals[0].status, 'not_stored');
    });

    it('answers 400 per field for a bad ninjs item', async () => {
      const res = await push({ uri: 'urn:x:1', type: 'event', headlines: [{ value: 'A press conference' }], pubStatus: 'usable', versionCreated: 'soon' });
      assert.equal(res.status, 400);
      const details = (await res.json()).error.details as { field: string; message: string }[];
      assert.deepEqual(details.map((d) => d.field).sort(), ['type', 'versioncreated']);
      assert.match(details.find((d) => d.field === 'type')!.message, /an event cannot be shown/);
      const photo = await push({ uri: 'urn:x:2', type: 'picture', headlines: [{ value: 'A photo' }] });
      assert.equal(photo.status, 400);
      assert.deepEqual((await photo.json()).error.details.map((d: { field: string }) => d.field), ['renditions']);
    });

    it('answers 413 for an oversized body or too many articles, 415 for a wrong content type', async () => {
      const huge = await push(article({ body_text: 'x'.repeat(17 * 1024 * 1024) }));
      assert.equal(huge.status, 413);
      assert.equal((await huge.json()).error.code, 'PAYLOAD_TOO_LARGE');
      const many = await push({ articles: Array.from({ length: 501 }, () => article()) });
      assert.equal(many.status, 413);
      const text = await push(article(), { type: 'text/plain' });
      assert.equal(text.status, 415);
      assert.equal((await text.json()).error.code, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('strips NUL, control and bidi characters and ignores impossible dates per item, storing the whole batch', async () => {
      const nul = article({ guid: 'nul-\u0000-guid', headline: 'Port\u0000 reopens after \u202Estrike\u202C', body_html: '<p>Dock\u0000ers return\u0007 to work on Monday.</p><p>Ship\u200Bping resumes.</p>' });
      const ancient = article({ published_at: '0000-01-01T00:00:00Z' });
      const future = article({ published_at: '9999-12-31T23:59:59Z' });
      const fine = article();
      const res = await push({ articles: [nul, ancient, future, fine] });
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.equal(body.created, 4, JSON.stringify(body));
      const [a, b, c, d] = body.articles;
      assert.match(a.notes.join(' '), /removed from: guid, headline, html/);
      assert.match(b.notes.join(' '), /publishedAt 0000-01-01T00:00:00.000Z is outside/);
      assert.match(c.notes.join(' '), /publishedAt 9999-12-31/);
      assert.equal(d.notes, undefined);

      const stored = (await store.articles.findById(a.id))!;
      assert.equal(stored.guid, 'nul--guid');
      assert.equal(stored.headline, 'Port reopens after strike');
      assert.doesNotMatch(stored.bodyText, /[\u0000\u0007\u200B]/);
      for (const id of [b.id, c.id]) {
        const dated = (await store.articles.findById(id))!.publishedAt.getTime();
        assert.ok(Math.abs(dated - Date.now()) < 60_000, `article ${id} is dated when it was received, not ${new Date(dated).toISOString()}`);
      }
      // Sent again, the same bytes are one article, not a new one.
      const again = await push({ articles: [nul, ancient] });
      assert.equal(again.status, 200);
      assert.deepEqual((await again.json()).articles.map((x: { id: number }) => x.id), [a.id, b.id]);
    });

    it('names the size limit when a body is too large to clean, instead of "no body text"', async () => {
      const res = await push(article({ body_html: `<p>${'word '.repeat(420_000)}</p>` }));
      assert.equal(res.status, 400);
      const [issue] = (await res.json()).error.details;
      assert.match(issue.message, /not cleaned: .*more than the limit of 2000000/);
    });

    it('answers 404 JSON for an article that does not exist', async () => {
      const res = await app.request('/api/v1/articles/999999');
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, 'NOT_FOUND');
    });
  });
}

describe('push API over a real socket', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let server: ServerType;
  let base: string;
  let key: string;

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    await seedTaxonomy(store);
    await addProvider(store, 'menafn', { name: 'MENAFN' });
    key = (await createProviderKey(store, 'menafn')).token;
    const app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: 'http://gazette.test' }), logger: pino({ level: 'silent' }) });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(async () => {
    // fetch keeps connections alive; close them so the server can stop.
    (server as import('node:http').Server).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await drop?.();
  });

  it('a provider pushes a batch and a reader finds the story on its page', async () => {
    const res = await fetch(`${base}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [article({ headline: 'Gulf bourses climb on oil' }), article()] }),
    });
    assert.equal(res.status, 201);
    const { articles } = await res.json();
    const page = await fetch(`${base}/article/${articles[0].id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Gulf bourses climb on oil/);
  });

  it('refuses an oversized body by its Content-Length with 413', async () => {
    const res = await fetch(`${base}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(article({ body_text: 'y'.repeat(17 * 1024 * 1024) })),
    });
    assert.equal(res.status, 413);
  });
});
