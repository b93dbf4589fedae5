/**
 * A provider retracts its own article with DELETE /api/v1/articles/{guid}, through the real
 * app on both engines; answers are checked against the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { articleDraft } from '../../../test/support/article-draft.js';
import { openApiDocumentErrors, responseValidator } from '../../../test/support/openapi-validator.js';
import { openTestPostgresStore, skipPostgres } from '../../../test/support/postgres.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { addProvider, createProviderKey, revokeProviderKey } from '../../cli/provider.js';
import { loadConfig } from '../../config/load-config.js';
import { seedTaxonomy } from '../../store/seed-taxonomy.js';
import type { Store } from '../../store/store.js';
import { buildApp } from '../app.js';

for (const engine of [
  { name: 'SQLite', open: openTestSqliteStore, skip: false as const },
  { name: 'PostgreSQL', open: openTestPostgresStore, skip: skipPostgres },
]) {
  describe(`DELETE /api/v1/articles/{guid} on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: Hono;
    let wireKey: string;
    let otherKey: string;
    let validate: ReturnType<typeof responseValidator>;

    const retract = (guid: string, key: string | null = wireKey) =>
      app.request(`/api/v1/articles/${encodeURIComponent(guid)}`, { method: 'DELETE', headers: key ? { authorization: `Bearer ${key}` } : {} });

    before(async () => {
      ({ store, drop } = await engine.open());
      await seedTaxonomy(store);
      await addProvider(store, 'wire', { name: 'Wire' });
      await addProvider(store, 'other', { name: 'Other' });
      wireKey = (await createProviderKey(store, 'wire')).token;
      otherKey = (await createProviderKey(store, 'other')).token;
      app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PAGE_CACHE_MB: '0' }), logger: pino({ level: 'silent' }) });
      const document = await (await app.request('/api/v1/openapi.json')).json();
      assert.deepEqual(openApiDocumentErrors(document), []);
      validate = responseValidator(document);
    });
    after(async () => drop());

    it('takes the provider’s own article down everywhere, idempotently, and says so in the documented shape', async () => {
      const wire = (await store.providers.findBySlug('wire'))!;
      const guid = 'https://wire.example/2026/story?id=1';
      const { article } = await store.articles.upsert(articleDraft({ providerId: wire.id, guid, headline: 'To be retracted' }));
      assert.ok((await (await app.request('/api/v1/articles')).text()).includes('To be retracted'));

      const res = await retract(guid);
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual(body, { id: article.id, guid, status: 'taken_down' });
      assert.deepEqual(validate('/articles/{guid}', 'delete', 200, 'application/json', body), []);
      assert.equal((await app.request(`/article/${article.id}/${article.slug}`)).status, 410);
      assert.ok(!(await (await app.request('/api/v1/articles')).text()).includes('To be retracted'));
      assert.equal((await app.request(`/api/v1/articles/${article.id}`)).status, 410, 'the API says it was taken down');
      const [entry] = await store.audit.page({ subject: { type: 'article', id: String(article.id) } });
      assert.match(entry!.actorLabel, /^wire API key [0-9a-f]{12}$/);
      assert.equal((await retract(guid)).status, 200, 'again: the same answer');
    });

    it('refuses another provider’s article, an unknown guid, and a missing or revoked key', async () => {
      const wire = (await store.providers.findBySlug('wire'))!;
      await store.articles.upsert(articleDraft({ providerId: wire.id, guid: 'kept' }));
      const foreign = await retract('kept', otherKey);
      assert.equal(foreign.status, 404, 'another provider’s key cannot even see it');
      assert.deepEqual(validate('/articles/{guid}', 'delete', 404, 'application/json', await foreign.json()), []);
      assert.equal((await store.articles.findByGuid(wire.id, 'kept'))?.status, 'published');
      assert.equal((await retract('no-such-guid')).status, 404);
      const anonymous = await retract('kept', null);
      assert.equal(anonymous.status, 401);
      assert.deepEqual(validate('/articles/{guid}', 'delete', 401, 'application/json', await anonymous.json()), []);
      const revoked = await createProviderKey(store, 'wire');
      await revokeProviderKey(store, 'wire', revoked.key.keyId);
      assert.equal((await retract('kept', revoked.token)).status, 401);
      assert.equal((await store.articles.findByGuid(wire.id, 'kept'))?.status, 'published');
    });
  });
}
