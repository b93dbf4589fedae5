/**
 * The storage contract for webhooks: the outbox written with the article, the delivery
 * queue's claims, attempts and log. Part of the one suite in `store.contract.ts`, so it runs
 * on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import type { ContractFixture } from './enrichment.contract.js';
import type { Store } from './store.js';

/** The outbox events of these articles, read (and left in place) in a transaction that rolls back. */
async function outboxOf(store: Store, articleIds: number[]): Promise<{ articleId: number; kind: string }[]> {
  const seen: { articleId: number; kind: string }[] = [];
  await store
    .transaction(async (tx) => {
      for (const e of await tx.webhooks.takeOutbox(10_000)) if (articleIds.includes(e.articleId)) seen.push({ articleId: e.articleId, kind: e.kind });
      throw new Error('look only');
    })
    .catch((error: Error) => assert.equal(error.message, 'look only'));
  return seen;
}

export function describeWebhookContract(fixture: () => ContractFixture): void {
  describe('webhooks', () => {
    let partnerKeyId: number;
    const partner = async (store: Store) => {
      partnerKeyId ??= (await store.partnerKeys.create({ name: 'Hooked', keyId: `hk${Date.now()}`, secretHash: 'x', perMinute: 10 })).id;
      return partnerKeyId;
    };

    it('writes an outbox event in the same transaction as the article: created, updated, taken down, restored', async () => {
      const { store, providerId } = fixture();
      const guid = `outbox-${Date.now()}`;
      const created = (await store.articles.upsert(articleDraft({ providerId, guid, headline: 'First' }))).article;
      await store.articles.upsert(articleDraft({ providerId, guid, headline: 'First' }));
      await store.articles.upsert(articleDraft({ providerId, guid, headline: 'First, corrected' }));
      await store.articles.setStatus(created.id, 'taken_down');
      await store.articles.setStatus(created.id, 'taken_down');
      await store.articles.setStatus(created.id, 'published');
      assert.deepEqual(
        (await outboxOf(store, [created.id])).map((e) => e.kind),
        ['created', 'updated', 'taken_down', 'restored'],
        'an unchanged copy and a repeated status make no event',
      );
    });

    it('writes no outbox event when the article’s transaction rolls back', async () => {
      const { store, providerId } = fixture();
      let id = 0;
      await assert.rejects(
        store.transaction(async (tx) => {
          id = (await tx.articles.upsert(articleDraft({ providerId, guid: `rolled-${Date.now()}` }))).article.id;
          throw new Error('crash before commit');
        }),
      );
      assert.ok(id > 0);
      assert.deepEqual(await outboxOf(store, [id]), []);
    });

    it('registers, lists, disables and enables an endpoint without showing its secret', async () => {
      const { store } = fixture();
      const owner = await partner(store);
      const hook = await store.webhooks.create({ partnerKeyId: owner, url: 'https://partner.example/hook', secret: 'whsec_s', filter: { category: 'world', language: 'en' } });
      assert.deepEqual(hook.filter, { category: 'world', language: 'en' });
      assert.equal('secret' in hook, false);
      assert.equal((await store.webhooks.findById(hook.id))?.secret, 'whsec_s');
      assert.ok((await store.webhooks.list(owner)).some((h) => h.id === hook.id));
      const disabled = await store.webhooks.setDisabled(hook.id, 'kept failing');
      assert.equal(disabled.disabledReason, 'kept failing');
      assert.ok(!(await store.webhooks.active()).some((h) => h.id === hook.id));
      assert.equal((await store.webhooks.setDisabled(hook.id, null)).disabledAt, null);
      await store.webhooks.remove(hook.id);
      assert.equal(await store.webhooks.findById(hook.id), undefined);
      await assert.rejects(store.webhooks.setDisabled(hook.id, null), { code: 'NOT_FOUND' });
    });

    it('claims each due delivery for one owner only, records attempts and keeps a log, newest first', async () => {
      const { store } = fixture();
      const owner = await partner(store);
      const hook = await store.webhooks.create({ partnerKeyId: owner, url: 'https://partner.example/q', secret: 's', filter: {} });
      const now = new Date();
      await store.webhooks.enqueue(
        Array.from({ length: 6 }, (_, i) => ({ webhookId: hook.id, eventId: `ev-${i}`, eventType: 'article.created', articleId: 1, payload: `{"n":${i}}` })),
        new Date(now.getTime() - 1000),
      );
      const until = new Date(now.getTime() + 60_000);
      const [a, b] = await Promise.all([store.webhooks.claimDue('node-a', now, until, 100), store.webhooks.claimDue('node-b', now, until, 100)]);
      const mine = (list: typeof a) => list.filter((d) => d.webhookId === hook.id).map((d) => d.eventId);
      assert.deepEqual([...mine(a), ...mine(b)].sort(), ['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5'], 'every delivery claimed exactly once');
      const first = [...a, ...b].find((d) => d.eventId === 'ev-0')!;
      assert.equal(first.url, 'https://partner.example/q');
      assert.equal(first.payload, '{"n":0}');
      assert.deepEqual(mine(await store.webhooks.claimDue('node-c', now, until, 100)), [], 'claimed deliveries are not claimed again');

      const later = new Date(now.getTime() + 3_600_000);
      await store.webhooks.recordAttempt(first.id, { delivered: false, status: 500, error: 'the server answered 500', nextAttemptAt: later, at: now });
      const second = [...a, ...b].find((d) => d.eventId === 'ev-1')!;
      await store.webhooks.recordAttempt(second.id, { delivered: true, status: 204, error: null, nextAttemptAt: null, at: now });
      const log = await store.webhooks.deliveries(hook.id, { limit: 10 });
      assert.deepEqual(log.map((d) => d.eventId), ['ev-5', 'ev-4', 'ev-3', 'ev-2', 'ev-1', 'ev-0']);
      const retried = log.find((d) => d.eventId === 'ev-0')!;
      assert.deepEqual([retried.status, retried.attempts, retried.lastStatus, retried.nextAttemptAt.getTime()], ['pending', 1, 500, later.getTime()]);
      assert.equal(log.find((d) => d.eventId === 'ev-1')!.status, 'delivered');
      assert.deepEqual((await store.webhooks.deliveries(hook.id, { beforeId: retried.id + 2, limit: 2 })).map((d) => d.eventId), ['ev-1', 'ev-0']);

      // A retry waits for its time; a disabled endpoint's deliveries wait for it to come back.
      const afterClaims = new Date(until.getTime() + 1);
      assert.ok(!mine(await store.webhooks.claimDue('node-d', afterClaims, new Date(afterClaims.getTime() + 1000), 100)).includes('ev-0'));
      await store.webhooks.setDisabled(hook.id, 'paused');
      assert.deepEqual(mine(await store.webhooks.claimDue('node-d', later, new Date(later.getTime() + 1000), 100)), []);
      assert.ok((await store.webhooks.queueSizes()).pending >= 5);
      await store.webhooks.remove(hook.id);
    });

    it('rotates a secret: the old one signs as well until the overlap ends, then only the new one; the secrets never show', async () => {
      const { store } = fixture();
      const owner = await partner(store);
      const hook = await store.webhooks.create({ partnerKeyId: owner, url: 'https://partner.example/rotating', secret: 'whsec_old', filter: {} });
      assert.deepEqual([hook.secretRotatedAt, hook.previousSecretUntil], [null, null]);
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const overlapEnds = new Date(now.getTime() + 24 * 3_600_000);
      const rotated = await store.webhooks.rotateSecret(hook.id, 'whsec_new', overlapEnds, now);
      assert.deepEqual([rotated.secretRotatedAt?.getTime(), rotated.previousSecretUntil?.getTime()], [now.getTime(), overlapEnds.getTime()]);
      assert.equal('secret' in rotated || 'previousSecret' in rotated, false);
      assert.ok(!(await store.webhooks.list(owner)).some((h) => 'secret' in h || 'previousSecret' in h));
      const stored = (await store.webhooks.findById(hook.id))!;
      assert.deepEqual([stored.secret, stored.previousSecret], ['whsec_new', 'whsec_old']);

      await store.webhooks.enqueue([{ webhookId: hook.id, eventId: 'rot-1', eventType: 'article.created', articleId: 1, payload: '{}' }], new Date(now.getTime() - 1000));
      const claim = async (at: Date) =>
        (await store.webhooks.claimDue(`node-${at.getTime()}`, at, new Date(at.getTime() + 1000), 100)).find((d) => d.webhookId === hook.id)!;
      assert.deepEqual((await claim(now)).secrets, ['whsec_new', 'whsec_old'], 'during the overlap: both, the new first');
      const afterOverlap = new Date(overlapEnds.getTime() + 2000);
      assert.deepEqual((await claim(afterOverlap)).secrets, ['whsec_new'], 'after it: only the new one (the claim above expired)');

      // A rotation with no overlap (a leaked secret) ends every earlier secret at once.
      const immediate = await store.webhooks.rotateSecret(hook.id, 'whsec_third', now, now);
      assert.equal(immediate.previousSecretUntil, null);
      assert.equal((await store.webhooks.findById(hook.id))!.previousSecret, null);
      assert.deepEqual((await claim(new Date(afterOverlap.getTime() + 2000))).secrets, ['whsec_third']);
      await assert.rejects(store.webhooks.rotateSecret(999_999, 's', now, now), { code: 'NOT_FOUND' });
      await store.webhooks.remove(hook.id);
    });
  });
}
