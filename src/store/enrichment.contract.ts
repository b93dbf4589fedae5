/**
 * The storage contract for entities, quotes and story clusters; part of the one suite in
 * `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import type { EntityMention } from '../domain/entity.js';
import type { Store } from './store.js';

/** What the enclosing suite shares: a migrated store and two providers. */
export interface ContractFixture {
  store: Store;
  providerId: number;
  otherProviderId: number;
}

const rutte: EntityMention = { slug: 'mark-rutte', name: 'Mark Rutte', type: 'person', mentions: 3, role: 'Secretary General' };
const nato: EntityMention = { slug: 'nato', name: 'NATO', type: 'organisation', mentions: 2, role: null };

export function describeEnrichmentContract(fixture: () => ContractFixture): void {
  let n = 0;
  const guid = () => `enrich-${++n}-${Date.now()}`;

  describe('entities and quotes', () => {
    it('stores an article’s entities with mention counts and its quotes with speakers', async () => {
      const { store, providerId } = fixture();
      const { article } = await store.articles.upsert(articleDraft({ providerId, guid: guid() }));
      await store.transaction((tx) =>
        tx.entities.saveForArticle(article.id, [rutte, nato], [
          { text: 'We have never agreed to that', speakerSlug: 'mark-rutte', speakerName: 'Mark Rutte', position: 0 },
          { text: 'Nobody knows who said this', speakerSlug: null, speakerName: 'a diplomat', position: 1 },
        ]),
      );
      const entities = await store.entities.ofArticle(article.id);
      assert.deepEqual(entities.map((e) => [e.name, e.type, e.mentions, e.role]), [
        ['Mark Rutte', 'person', 3, 'Secretary General'],
        ['NATO', 'organisation', 2, null],
      ]);
      const quotes = await store.entities.quotesOfArticle(article.id);
      assert.equal(quotes[0]?.speaker?.slug, 'mark-rutte');
      assert.equal(quotes[1]?.speaker, null);
      assert.equal(quotes[1]?.speakerName, 'a diplomat');
    });

    it('shares entities across articles by slug and replaces an article’s set on save', async () => {
      const { store, providerId } = fixture();
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid() }))).article;
      const b = (await store.articles.upsert(articleDraft({ providerId, guid: guid() }))).article;
      await store.entities.saveForArticle(a.id, [rutte], []);
      await store.entities.saveForArticle(b.id, [{ ...rutte, name: 'Rutte', mentions: 1 }], []);
      const entity = await store.entities.findBySlug('mark-rutte');
      assert.equal(entity?.name, 'Mark Rutte', 'the first canonical name stays');
      const listed = await store.listings.page({ kind: 'entity', entityId: entity!.id }, {}, 100);
      assert.equal(listed.items.filter((x) => x.id === a.id || x.id === b.id).length, 2);
      await store.entities.saveForArticle(a.id, [nato], []);
      assert.deepEqual((await store.entities.ofArticle(a.id)).map((e) => e.slug), ['nato']);
    });

    it('lists an entity’s latest quotes, most recently received first, published articles only', async () => {
      const { store, providerId } = fixture();
      const speaker: EntityMention = { slug: `speaker-${Date.now()}`, name: 'Ana Speaker', type: 'person', mentions: 1, role: null };
      for (let i = 0; i < 3; i++) {
        const { article } = await store.articles.upsert(
          articleDraft({ providerId, guid: guid(), headline: `Quoted ${i}`, publishedAt: new Date(Date.UTC(2026, 1, 1 + i)), status: i === 2 ? 'unpublished' : 'published' }),
        );
        await store.entities.saveForArticle(article.id, [speaker], [{ text: `Quote number ${i}`, speakerSlug: speaker.slug, speakerName: speaker.name, position: 0 }]);
      }
      const entity = (await store.entities.findBySlug(speaker.slug))!;
      assert.deepEqual((await store.entities.quotesBy(entity.id, 1)).map((q) => [q.text, q.articleHeadline]), [['Quote number 1', 'Quoted 1']]);
      assert.deepEqual((await store.entities.quotesBy(entity.id)).map((q) => q.text), ['Quote number 1', 'Quote number 0']);
    });
  });

  describe('story clusters', () => {
    it('finds candidates by band key within the time window only', async () => {
      const { store, providerId } = fixture();
      const at = new Date('2026-03-01T12:00:00Z');
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), publishedAt: at }))).article;
      const far = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), publishedAt: new Date('2026-04-01T12:00:00Z') }))).article;
      const key = `0:${Date.now().toString(16)}`;
      await store.clusters.assign({ articleId: a.id, clusterId: a.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [key, '1:x'], publishedAt: at });
      await store.clusters.assign({ articleId: far.id, clusterId: far.id, match: 'first', similarity: 1, signature: 'BBBB', bandKeys: [key], publishedAt: far.publishedAt });
      const found = await store.clusters.candidates([key, '9:none'], new Date('2026-02-28T00:00:00Z'), new Date('2026-03-03T00:00:00Z'), -1);
      assert.deepEqual(found, [{ articleId: a.id, clusterId: a.id, signature: 'AAAA' }]);
      assert.deepEqual(await store.clusters.candidates([key], new Date('2026-02-28T00:00:00Z'), new Date('2026-03-03T00:00:00Z'), a.id), []);
    });

    it('lists a cluster once under its earliest version and names the others as also reporting', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const first = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), headline: 'Cluster story first', publishedAt: new Date('2030-01-01T10:00:00Z') }))).article;
      const second = (await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: guid(), headline: 'Cluster story again', publishedAt: new Date('2030-01-01T11:00:00Z') }))).article;
      await store.clusters.assign({ articleId: first.id, clusterId: first.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: first.publishedAt });
      await store.clusters.assign({ articleId: second.id, clusterId: first.id, match: 'near', similarity: 0.8, signature: 'AAAB', bandKeys: [], publishedAt: second.publishedAt });
      const headlines = (await store.listings.page({ kind: 'latest' }, {}, 100)).items.map((a) => a.headline);
      assert.ok(headlines.includes('Cluster story first'));
      assert.ok(!headlines.includes('Cluster story again'));
      // Each provider's own page still lists its own version.
      assert.ok((await store.listings.page({ kind: 'provider', providerId: otherProviderId }, {}, 100)).items.some((a) => a.id === second.id));
      assert.deepEqual((await store.clusters.otherVersions(first.id)).map((v) => v.provider.name), ['Wire Agency']);
      assert.equal((await store.clusters.membershipOf(second.id))?.match, 'near');
      // When the earliest version is withdrawn, the next one represents the story.
      await store.articles.setStatus(first.id, 'unpublished');
      const after = (await store.listings.page({ kind: 'latest' }, {}, 100)).items.map((a) => a.headline);
      assert.ok(after.includes('Cluster story again'));
      assert.deepEqual(await store.clusters.otherVersions(second.id), []);
    });

    it('finds an earlier article with the same content hash', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const hash = `hash-${Date.now()}`;
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), contentHash: hash }))).article;
      const b = (await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: guid(), contentHash: hash }))).article;
      assert.deepEqual(await store.clusters.findExact(hash, b.id), { articleId: a.id, clusterId: null });
      assert.equal(await store.clusters.findExact(`${hash}-none`, b.id), undefined);
    });
  });
}
