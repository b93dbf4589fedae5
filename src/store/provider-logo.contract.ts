/**
 * The storage contract for providers' logos (migration 0025); part of the one suite in
 * `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { LOGO_SOURCE_PATTERN } from '../domain/provider.js';
import type { ContractFixture } from './enrichment.contract.js';

/** Bytes standing for a checked picture: the store keeps what it is given, byte for byte, NUL and high bytes too. */
const bytesOf = (seed: number) => Uint8Array.from({ length: 3000 }, (_, i) => (i * seed + 7) % 256);

export function describeProviderLogoContract(fixture: () => ContractFixture): void {
  let n = 0;
  const newProvider = (store: ContractFixture['store']) => store.providers.create({ slug: `logo-${++n}-${Date.now()}`, name: `Logo ${n}` });

  describe('provider logos', () => {
    it('keeps a logo’s bytes under its content hash, with its size, on the provider and its articles', async () => {
      const { store } = fixture();
      const provider = await newProvider(store);
      assert.equal(provider.logo, null, 'none until one is uploaded');
      const saved = await store.providers.setLogo(provider.id, { bytes: bytesOf(3), width: 400, height: 100 });
      assert.match(saved.logo!.source, LOGO_SOURCE_PATTERN);
      assert.deepEqual({ width: saved.logo!.width, height: saved.logo!.height }, { width: 400, height: 100 });
      assert.deepEqual(await store.providers.logoBytes(saved.logo!.source), bytesOf(3), 'the same bytes back');
      assert.deepEqual((await store.providers.findBySlug(provider.slug))?.logo, saved.logo);
      assert.deepEqual((await store.providers.list()).find((p) => p.id === provider.id)?.logo, saved.logo);
      const { article } = await store.articles.upsert(articleDraft({ providerId: provider.id, guid: `logo-story-${n}` }));
      assert.deepEqual((await store.articles.findById(article.id))?.provider.logo, saved.logo, 'the article page has it with the provider');
      assert.equal(await store.providers.logoBytes('asset:logo-unknown'), undefined);
    });

    it('deletes a replaced or removed logo unless another provider shows the same picture', async () => {
      const { store } = fixture();
      const a = await newProvider(store);
      const b = await newProvider(store);
      const first = (await store.providers.setLogo(a.id, { bytes: bytesOf(5), width: 200, height: 200 })).logo!;
      const shared = (await store.providers.setLogo(b.id, { bytes: bytesOf(5), width: 200, height: 200 })).logo!;
      assert.equal(shared.source, first.source, 'the same bytes are one asset');
      const second = (await store.providers.setLogo(a.id, { bytes: bytesOf(9), width: 300, height: 100 })).logo!;
      assert.notEqual(second.source, first.source, 'a new picture has a new source, so cached image URLs never show the old one');
      assert.ok(await store.providers.logoBytes(first.source), 'still shown by the other provider: kept');
      assert.equal((await store.providers.setLogo(b.id, null)).logo, null);
      assert.equal(await store.providers.logoBytes(first.source), undefined, 'shown by nobody now: deleted');
      await store.providers.setLogo(a.id, null);
      assert.equal(await store.providers.logoBytes(second.source), undefined);
      assert.equal((await store.providers.findById(a.id))?.logo, null);
    });

    it('refuses a logo for an unknown provider and keeps nothing', async () => {
      const { store } = fixture();
      await assert.rejects(store.providers.setLogo(2_000_000_000, { bytes: bytesOf(11), width: 50, height: 50 }), { code: 'NOT_FOUND' });
      const source = `asset:logo-${createHash('sha256').update(bytesOf(11)).digest('hex')}`;
      assert.equal(await store.providers.logoBytes(source), undefined, 'the refused upload left no asset behind');
    });
  });
}
