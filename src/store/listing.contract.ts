/**
 * The storage contract for listings and the change feed; part of the one suite in
 * `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { articleDraft } from '../../test/support/article-draft.js';
import type { ListingScope } from '../domain/listing.js';
import { parseSearchQuery } from '../domain/parse-search-query.js';
import type { ContractFixture } from './enrichment.contract.js';
import type { Store } from './store.js';

const latest: ListingScope = { kind: 'latest' };

async function listedIds(store: Store, scope: ListingScope): Promise<number[]> {
  return (await store.listings.page(scope, {}, 100)).items.map((a) => a.id);
}

/** Two versions of one story from two providers, joined as the ingest service joins them. */
async function storyOfTwo(store: Store, fixture: ContractFixture, tag: string, secondPublishedAt: Date) {
  const first = (
    await store.articles.upsert(articleDraft({ providerId: fixture.providerId, guid: `${tag}-a`, headline: `${tag} first`, publishedAt: new Date('2030-02-01T10:00:00Z') }))
  ).article;
  const second = (
    await store.articles.upsert(articleDraft({ providerId: fixture.otherProviderId, guid: `${tag}-b`, headline: `${tag} second`, publishedAt: secondPublishedAt }))
  ).article;
  await store.clusters.assign({ articleId: first.id, clusterId: first.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: first.publishedAt });
  await store.clusters.assign({ articleId: second.id, clusterId: first.id, match: 'near', similarity: 0.9, signature: 'AAAB', bandKeys: [], publishedAt: second.publishedAt });
  return { first, second };
}

export function describeListingContract(fixture: () => ContractFixture): void {
  let n = 0;
  const tag = () => `listing-${++n}-${Date.now()}`;

  describe('listings', () => {
    it('shows a story once, under the version received first, even when a later copy is backdated', async () => {
      const f = fixture();
      // The second provider claims its copy was published a day before the first one.
      const { first, second } = await storyOfTwo(f.store, f, tag(), new Date('2030-01-31T10:00:00Z'));
      const ids = await listedIds(f.store, latest);
      assert.ok(ids.includes(first.id), 'the first received version heads the story');
      assert.ok(!ids.includes(second.id), 'the backdated copy does not take it over');
      assert.ok((await listedIds(f.store, { kind: 'provider', providerId: f.otherProviderId })).includes(second.id), 'its provider still lists it');
    });

    it('hands the story to the next version when its head is taken down, and back when restored', async () => {
      const f = fixture();
      const { first, second } = await storyOfTwo(f.store, f, tag(), new Date('2030-02-01T11:00:00Z'));
      await f.store.articles.setStatus(first.id, 'taken_down');
      let ids = await listedIds(f.store, latest);
      assert.ok(!ids.includes(first.id));
      assert.ok(ids.includes(second.id));
      await f.store.articles.setStatus(first.id, 'published');
      ids = await listedIds(f.store, latest);
      assert.ok(ids.includes(first.id));
      assert.ok(!ids.includes(second.id));
    });

    it('ranks a story dated in the future at the time it was received', async () => {
      const f = fixture();
      const future = (await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), headline: 'From the future', publishedAt: new Date('2999-01-01T00:00:00Z') }))).article;
      const present = (await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), headline: 'Now', publishedAt: new Date() }))).article;
      const ids = await listedIds(f.store, latest);
      assert.ok(ids.indexOf(present.id) < ids.indexOf(future.id), 'a story of now ranks above one that claims a later date');
    });

    it('lists a story under its entities and moves it when they change', async () => {
      const f = fixture();
      const slug = `listed-entity-${n}-${Date.now()}`;
      const { article } = await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag() }));
      await f.store.entities.saveForArticle(article.id, [{ slug, name: 'Listed Entity', type: 'organisation', mentions: 1, role: null }], []);
      const entity = (await f.store.entities.findBySlug(slug))!;
      assert.deepEqual(await listedIds(f.store, { kind: 'entity', entityId: entity.id }), [article.id]);
      await f.store.entities.saveForArticle(article.id, [], []);
      assert.deepEqual(await listedIds(f.store, { kind: 'entity', entityId: entity.id }), []);
    });

    it('lists a story begun in one transaction under every scope it belongs to, and finds it in search, as a rebuild lists it', async () => {
      const f = fixture();
      const word = `lonestory${n}x${Date.now().toString(36)}`;
      const slug = `lone-entity-${n}-${Date.now()}`;
      const category = 'business';
      const article = await f.store.transaction(async (tx) => {
        const { article } = await tx.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), headline: `A ${word} headline`, categories: [category] }));
        await tx.entities.saveForArticle(article.id, [{ slug, name: 'Lone Entity', type: 'person', mentions: 1, role: null }], []);
        await tx.clusters.assign({ articleId: article.id, clusterId: article.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: article.publishedAt, fresh: true });
        return article;
      });
      const entity = (await f.store.entities.findBySlug(slug))!;
      const scopes: ListingScope[] = [latest, { kind: 'category', slug: category }, { kind: 'entity', entityId: entity.id }, { kind: 'language', language: 'en' }, { kind: 'provider', providerId: f.providerId }];
      const seen = async () => ({
        listed: await Promise.all(scopes.map(async (scope) => (await listedIds(f.store, scope)).includes(article.id))),
        found: (await f.store.search.query({ query: parseSearchQuery(word), filters: { category } })).hits.map((h) => h.article.id),
      });
      const asWritten = await seen();
      assert.deepEqual(asWritten, { listed: scopes.map(() => true), found: [article.id] });
      // Unpublished and published again, the story is rebuilt from its versions.
      await f.store.articles.setStatus(article.id, 'unpublished');
      assert.deepEqual((await seen()).listed, scopes.map(() => false));
      await f.store.articles.setStatus(article.id, 'published');
      assert.deepEqual(await seen(), asWritten);
    });

    it('lists a story under its language, and moves it when the language is corrected', async () => {
      const f = fixture();
      const lang = `x-${n}${Date.now().toString(36)}`.slice(0, 11);
      const other = `${lang}b`.slice(0, 12);
      const guid = tag();
      const { article } = await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid, language: lang }));
      assert.deepEqual(await listedIds(f.store, { kind: 'language', language: lang }), [article.id]);
      await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid, language: other, headline: 'Corrected' }));
      assert.deepEqual(await listedIds(f.store, { kind: 'language', language: lang }), []);
      assert.deepEqual(await listedIds(f.store, { kind: 'language', language: other }), [article.id]);
    });

    it('bounds a page by time, and reads a page’s bodies, categories and story sizes by id', async () => {
      const f = fixture();
      const { first, second } = await storyOfTwo(f.store, f, tag(), new Date('2030-02-01T11:00:00Z'));
      const alone = (await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), categories: ['world', 'business'], publishedAt: new Date('2020-03-01T00:00:00Z') }))).article;
      const old = (await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), publishedAt: new Date('2020-01-01T00:00:00Z') }))).article;
      const provider = { kind: 'provider', providerId: f.providerId } as const;
      const since = Date.parse('2020-02-15T00:00:00Z');
      const bounded = await f.store.listings.page(provider, { since }, 100);
      assert.ok(bounded.items.every((i) => i.publishedAt.getTime() >= since), 'only stories since the bound');
      assert.ok(bounded.items.some((i) => i.id === alone.id) && !bounded.items.some((i) => i.id === old.id));
      const details = await f.store.listings.details([first.id, alone.id, 999_999_999]);
      assert.deepEqual([...details.keys()].sort((a, b) => a - b), [first.id, alone.id]);
      assert.deepEqual(details.get(alone.id)!.categories, ['world', 'business'], 'primary category first');
      assert.equal(details.get(alone.id)!.bodyHtml, alone.bodyHtml);
      assert.equal(details.get(first.id)!.guid, first.guid);
      const sizes = await f.store.listings.storySizes([first.id, alone.id]);
      assert.equal(sizes.get(first.id), 2);
      assert.equal(sizes.get(alone.id), 1);
      await f.store.articles.setStatus(second.id, 'taken_down');
      await f.store.articles.setStatus(alone.id, 'taken_down');
      assert.ok(!(await f.store.listings.details([alone.id])).has(alone.id), 'a taken-down article has no details');
    });

    it('announces each commit as cache tags to its subscribers, and nothing for a rollback', async () => {
      const f = fixture();
      const heard: string[][] = [];
      const unsubscribe = f.store.changes.subscribe((tags) => heard.push([...tags]));
      try {
        const { article } = await f.store.articles.upsert(articleDraft({ providerId: f.providerId, guid: tag(), categories: ['world'] }));
        const tags = heard.flat();
        for (const expected of [`article:${article.id}`, `story:${article.id}`, 'scope:latest', 'scope:category:world', `scope:provider:${f.providerId}`]) {
          assert.ok(tags.includes(expected), `${expected} in ${tags.join(' ')}`);
        }
        // PostgreSQL also echoes the commit back through NOTIFY; let it arrive before listening for silence.
        await delay(500);
        heard.length = 0;
        await assert.rejects(
          f.store.transaction(async (tx) => {
            await tx.articles.setStatus(article.id, 'taken_down');
            throw new Error('changed my mind');
          }),
        );
        await delay(500);
        assert.deepEqual(heard, []);
        assert.ok((await listedIds(f.store, latest)).includes(article.id), 'the rolled-back takedown left the listing alone');
      } finally {
        unsubscribe();
      }
    });
  });
}
