/**
 * The storage contract for lead images; part of the one suite in `store.contract.ts`, so it
 * runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { GazetteError } from '../domain/errors.js';
import type { LeadImageSource } from '../domain/lead-image.js';
import type { ContractFixture } from './enrichment.contract.js';

const picture: LeadImageSource = {
  url: 'https://img.provider.example/harbour.jpg',
  alt: 'Cranes over the harbour at dusk',
  caption: 'The harbour reopened on Tuesday.',
  credit: 'Reuters/Jane Doe',
};

export function describeLeadImageContract(fixture: () => ContractFixture): void {
  let n = 0;
  const guid = () => `image-${++n}-${Date.now()}`;

  describe('lead images', () => {
    it('stores the picture as pending, and shows it in listings only once it is measured', async () => {
      const { store, providerId } = fixture();
      const { article } = await store.articles.upsert(articleDraft({ providerId, guid: guid(), leadImage: picture }));
      assert.deepEqual(article.leadImage, { ...picture, status: 'pending', width: null, height: null });
      assert.ok((await store.articles.pendingLeadImages(1000)).some((p) => p.articleId === article.id && p.url === picture.url));
      const teaser = () => store.listings.page({ kind: 'provider', providerId }, {}, 100).then((p) => p.items.find((t) => t.id === article.id));
      assert.equal((await teaser())?.image, null, 'no picture while pending');

      assert.equal(await store.articles.recordLeadImage(article.id, picture.url, { width: 1600, height: 900 }), true);
      const stored = await store.articles.findById(article.id);
      assert.deepEqual(stored?.leadImage, { ...picture, status: 'ready', width: 1600, height: 900 });
      assert.deepEqual((await teaser())?.image, { url: picture.url, alt: picture.alt, width: 1600, height: 900 });
      assert.ok(!(await store.articles.pendingLeadImages(1000)).some((p) => p.articleId === article.id));
    });

    it('keeps the measurement when an update names the same picture, and fetches a new one again', async () => {
      const { store, providerId } = fixture();
      const key = guid();
      const { article } = await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: picture }));
      await store.articles.recordLeadImage(article.id, picture.url, { width: 800, height: 600 });
      const recaptioned = await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: { ...picture, caption: 'A corrected caption.' } }));
      assert.equal(recaptioned.outcome, 'updated', 'a caption change is a change readers see');
      assert.deepEqual(recaptioned.article.leadImage, { ...picture, caption: 'A corrected caption.', status: 'ready', width: 800, height: 600 });
      const moved = await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: { ...picture, url: 'https://img.provider.example/other.jpg' } }));
      assert.equal(moved.article.leadImage?.status, 'pending');
      assert.equal(moved.article.leadImage?.width, null);
      const removed = await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: null }));
      assert.equal(removed.article.leadImage, null);
    });

    it('ignores a measurement of a picture the article no longer names, and records a failure as no picture', async () => {
      const { store, providerId } = fixture();
      const key = guid();
      const { article } = await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: picture }));
      await store.articles.upsert(articleDraft({ providerId, guid: key, leadImage: { ...picture, url: 'https://img.provider.example/new.jpg' } }));
      assert.equal(await store.articles.recordLeadImage(article.id, picture.url, { width: 10, height: 10 }), false);
      assert.equal((await store.articles.findById(article.id))?.leadImage?.status, 'pending');
      await store.articles.recordLeadImage(article.id, 'https://img.provider.example/new.jpg', null);
      const failed = await store.articles.findById(article.id);
      assert.equal(failed?.leadImage?.status, 'failed');
      assert.equal(failed?.leadImage?.width, null);
    });

    it('refuses a picture URL that is not http(s) or texts with control characters, storing nothing', async () => {
      const { store, providerId } = fixture();
      const key = guid();
      for (const leadImage of [{ ...picture, url: 'javascript:alert(1)' }, { ...picture, caption: 'bad\u0000caption' }]) {
        await assert.rejects(store.articles.upsert(articleDraft({ providerId, guid: key, leadImage })), (e: unknown) => e instanceof GazetteError && e.code === 'VALIDATION_FAILED');
      }
      assert.equal(await store.articles.findByGuid(providerId, key), undefined);
    });
  });
}
