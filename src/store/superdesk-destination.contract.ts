/**
 * The storage contract for Superdesk destinations: one per provider, its token only ever
 * sealed, rotated in place, revoked with the time it stopped working. Part of the one suite
 * in `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { sealerFor } from '../domain/sealed-secret.js';
import type { ContractFixture } from './enrichment.contract.js';

export function describeSuperdeskDestinationContract(fixture: () => ContractFixture): void {
  describe('superdesk destinations and agency labels', () => {
    const sealer = sealerFor('contract-server-secret-of-at-least-32-chars', 'superdesk-token');

    it('keeps the token sealed, opens it back, and rotates it in place (a revoked destination works again)', async () => {
      const { store } = fixture();
      const p = await store.providers.create({ slug: `sd-${Date.now()}`, name: 'Newsroom' });
      assert.equal(await store.superdeskDestinations.find(p.id), undefined);
      const first = await store.superdeskDestinations.save(p.id, sealer.seal('gzs_first'), new Date('2026-03-01T10:00:00Z'));
      assert.deepEqual(first, { providerId: p.id, createdAt: new Date('2026-03-01T10:00:00Z'), revokedAt: null });
      const found = await store.superdeskDestinations.find(p.id);
      assert.ok(found && !found.sealedToken.includes('gzs_first'), 'only the sealed form is stored');
      assert.equal(sealer.open(found.sealedToken), 'gzs_first');

      await store.superdeskDestinations.revoke(p.id, new Date('2026-03-02T00:00:00Z'));
      const rotated = await store.superdeskDestinations.save(p.id, sealer.seal('gzs_second'), new Date('2026-03-03T00:00:00Z'));
      assert.equal(rotated.revokedAt, null);
      assert.equal(rotated.createdAt.toISOString(), '2026-03-03T00:00:00.000Z');
      assert.equal(sealer.open((await store.superdeskDestinations.find(p.id))!.sealedToken), 'gzs_second', 'one destination per provider, the new token in it');
    });

    it('keeps an article’s agency labels as sent, and an update that changes only them is an update', async () => {
      const { store, providerId } = fixture();
      const guid = `meta-${Date.now()}`;
      const agencyMeta = { slugline: 'harbour-budget', priority: 2, urgency: 3, keywords: ['harbour'], places: ['Europe'], extra: { Desk: 'City', nested: { a: [1, 'two'] } } };
      const created = await store.articles.upsert(articleDraft({ providerId, guid, agencyMeta }));
      assert.deepEqual((await store.articles.findById(created.article.id))?.agencyMeta, agencyMeta);
      const same = await store.articles.upsert(articleDraft({ providerId, guid, agencyMeta: { ...agencyMeta } }));
      assert.equal(same.outcome, 'unchanged');
      const changed = await store.articles.upsert(articleDraft({ providerId, guid, agencyMeta: { ...agencyMeta, urgency: 1 } }));
      assert.equal(changed.outcome, 'updated');
      assert.equal((await store.articles.findById(created.article.id))?.agencyMeta?.urgency, 1);
      const plain = await store.articles.upsert(articleDraft({ providerId, guid: `${guid}-plain` }));
      assert.equal(plain.article.agencyMeta, null);
      await assert.rejects(store.articles.upsert(articleDraft({ providerId, guid: `${guid}-big`, agencyMeta: { extra: { blob: 'x'.repeat(20_000) } } })), { code: 'VALIDATION_FAILED' });
    });

    it('revokes a provider’s destination once (the first time is kept); NOT_FOUND for a provider without one', async () => {
      const { store, otherProviderId } = fixture();
      const p = await store.providers.create({ slug: `sd-revoke-${Date.now()}`, name: 'Revoked newsroom' });
      await store.superdeskDestinations.save(p.id, sealer.seal('gzs_token'));
      await assert.rejects(store.superdeskDestinations.revoke(otherProviderId), { code: 'NOT_FOUND' });
      const revoked = await store.superdeskDestinations.revoke(p.id, new Date('2026-03-05T00:00:00Z'));
      assert.equal(revoked.revokedAt?.toISOString(), '2026-03-05T00:00:00.000Z');
      const again = await store.superdeskDestinations.revoke(p.id);
      assert.equal(again.revokedAt?.toISOString(), '2026-03-05T00:00:00.000Z');
      assert.equal((await store.superdeskDestinations.find(p.id))?.revokedAt?.toISOString(), '2026-03-05T00:00:00.000Z');
    });
  });
}
