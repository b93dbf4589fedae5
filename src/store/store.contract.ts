/**
 * The storage contract: every Store implementation must pass this one suite.
 * `sqlite/sqlite-store.test.ts` and `postgres/postgres-store.test.ts` each call it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import { generateApiKey, parseApiKeyToken, secretMatchesHash } from '../domain/api-key.js';
import { emptyRawItem, type RawItem } from '../domain/raw-item.js';
import { ingestItems } from '../pipeline/run-ingest.js';
import { describeCommentsContract } from './comments.contract.js';
import { describeAccountsContract } from './accounts.contract.js';
import { describeEnrichmentContract } from './enrichment.contract.js';
import { describeClusterSplitContract } from './cluster-split.contract.js';
import { describeEventClusterContract } from './event-cluster.contract.js';
import { describeGroupedIngestContract } from './grouped-ingest.contract.js';
import { describeLeadImageContract } from './lead-image.contract.js';
import { describeProviderLogoContract } from './provider-logo.contract.js';
import { describeListingContract } from './listing.contract.js';
import { describePopularityContract } from './popularity.contract.js';
import { describeModerationContract } from './moderation.contract.js';
import { describeSearchContract } from './search.contract.js';
import { describeSuperdeskDestinationContract } from './superdesk-destination.contract.js';
import { describeWebhookContract } from './webhook.contract.js';
import type { Store } from './store.js';

export interface StoreContractOptions {
  name: string;
  /** Opens a fresh, migrated, empty store and a function that disposes of it. */
  createStore: () => Promise<{ store: Store; drop: () => Promise<void> }>;
  skip?: string | false;
}

export function runStoreContract({ name, createStore, skip = false }: StoreContractOptions): void {
  describe(`Store contract: ${name}`, { skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let providerId: number;
    let otherProviderId: number;
    let n = 0;
    /** A unique guid per test, since the suite shares one database. */
    const guid = () => `guid-${++n}-${Date.now()}`;

    before(async () => {
      ({ store, drop } = await createStore());
      providerId = (await store.providers.create({ slug: 'menafn', name: 'MENAFN', disclaimer: 'As is.' })).id;
      otherProviderId = (await store.providers.create({ slug: 'wire', name: 'Wire Agency' })).id;
      await store.categories.upsert({ slug: 'world', name: 'World', iptcCode: '11000000' });
      await store.categories.upsert({ slug: 'business', name: 'Business', iptcCode: '04000000' });
    });
    after(async () => drop?.());

    describe('providers', () => {
      it('creates and reads a provider by id and by slug', async () => {
        const p = await store.providers.create({
          slug: 'reads',
          name: 'Reads Ltd',
          homepage: 'https://reads.example',
          contactEmail: 'desk@reads.example',
          disclaimer: 'Provided as is.',
        });
        assert.equal((await store.providers.findById(p.id))?.name, 'Reads Ltd');
        const bySlug = await store.providers.findBySlug('reads');
        assert.equal(bySlug?.contactEmail, 'desk@reads.example');
        assert.equal(bySlug?.disclaimer, 'Provided as is.');
        assert.ok(bySlug?.createdAt instanceof Date);
      });

      it('refuses a second provider with the same slug', async () => {
        await assert.rejects(store.providers.create({ slug: 'menafn', name: 'Again' }), { code: 'PROVIDER_EXISTS' });
      });

      it('updates a provider', async () => {
        const p = await store.providers.create({ slug: 'renamed', name: 'Old name' });
        const updated = await store.providers.update(p.id, { name: 'New name', disclaimer: 'New text.' });
        assert.equal(updated.name, 'New name');
        assert.equal((await store.providers.findBySlug('renamed'))?.disclaimer, 'New text.');
      });

      it('answers undefined for an unknown provider', async () => {
        assert.equal(await store.providers.findBySlug('nobody'), undefined);
        assert.equal(await store.providers.findById(999_999), undefined);
      });
    });

    describe('categories', () => {
      it('upserts and lists categories', async () => {
        await store.categories.upsert({ slug: 'world', name: 'World news', iptcCode: '11000000' });
        assert.equal((await store.categories.findBySlug('world'))?.name, 'World news');
        const slugs = (await store.categories.list()).map((c) => c.slug);
        assert.ok(slugs.includes('world') && slugs.includes('business'));
      });
    });

    describe('articles', () => {
      it('creates an article and reads it back with its provider and categories', async () => {
        const g = guid();
        const { article, outcome } = await store.articles.upsert(
          articleDraft({ providerId, guid: g, headline: 'NATO director voices remarks', categories: ['world', 'business'] }),
        );
        assert.equal(outcome, 'created');
        const read = await store.articles.findById(article.id);
        assert.equal(read?.headline, 'NATO director voices remarks');
        assert.equal(read?.slug, 'nato-director-voices-remarks');
        assert.equal(read?.provider.name, 'MENAFN');
        assert.equal(read?.provider.disclaimer, 'As is.');
        assert.deepEqual(read?.categories, ['world', 'business']);
        assert.equal(read?.publishedAt.toISOString(), '2026-01-01T10:00:00.000Z');
        assert.equal((await store.articles.findByGuid(providerId, g))?.id, article.id);
      });

      it('upserts idempotently by (provider, guid): same item twice is one article', async () => {
        const g = guid();
        const before = await store.articles.count();
        const first = await store.articles.upsert(articleDraft({ providerId, guid: g }));
        const second = await store.articles.upsert(articleDraft({ providerId, guid: g }));
        assert.equal(second.outcome, 'unchanged');
        assert.equal(second.article.id, first.article.id);
        assert.equal(await store.articles.count(), before + 1);
      });

      it('survives the same new item upserted by several writers at once', async () => {
        const g = guid();
        const before = await store.articles.count();
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) => store.articles.upsert(articleDraft({ providerId, guid: g, headline: `Racer ${i}` }))),
        );
        assert.equal(new Set(results.map((r) => r.article.id)).size, 1, 'one article');
        assert.equal(results.filter((r) => r.outcome === 'created').length, 1);
        assert.equal(await store.articles.count(), before + 1);
      });

      it('updates a changed item in place, keeping its id', async () => {
        const g = guid();
        const first = await store.articles.upsert(articleDraft({ providerId, guid: g, headline: 'First', categories: ['world'] }));
        const second = await store.articles.upsert(
          articleDraft({ providerId, guid: g, headline: 'Corrected', bodyText: 'New body.', categories: ['business'] }),
        );
        assert.equal(second.outcome, 'updated');
        assert.equal(second.article.id, first.article.id);
        const read = await store.articles.findById(first.article.id);
        assert.equal(read?.headline, 'Corrected');
        assert.equal(read?.bodyText, 'New body.');
        assert.deepEqual(read?.categories, ['business']);
      });

      it('keeps the same guid from two providers apart', async () => {
        const g = guid();
        const a = await store.articles.upsert(articleDraft({ providerId, guid: g }));
        const b = await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: g }));
        assert.notEqual(a.article.id, b.article.id);
        assert.equal(b.outcome, 'created');
      });

      it('rejects an invalid draft with VALIDATION_FAILED and stores nothing', async () => {
        const before = await store.articles.count();
        await assert.rejects(store.articles.upsert(articleDraft({ providerId, guid: guid(), headline: '  ' })), {
          code: 'VALIDATION_FAILED',
        });
        assert.equal(await store.articles.count(), before);
      });

      it('refuses NUL, control characters and dates no engine can hold with VALIDATION_FAILED, never a crash', async () => {
        const before = await store.articles.count();
        const bad = [
          { guid: `${guid()}\u0000` },
          { headline: 'Head\u0000line' },
          { bodyText: 'Body with a bell\u0007.' },
          { byline: '\u202Eevil' },
          { publishedAt: new Date('0000-01-01T00:00:00Z') },
          { updatedAt: new Date(Number.NaN) },
        ];
        for (const overrides of bad) {
          await assert.rejects(store.articles.upsert(articleDraft({ providerId, guid: guid(), ...overrides })), { code: 'VALIDATION_FAILED' }, JSON.stringify(overrides));
        }
        assert.equal(await store.articles.count(), before);
      });

      it('ingests a batch with NUL, control characters and impossible dates: each item noted, all stored', async () => {
        const provider = (await store.providers.findById(providerId))!;
        const item = (i: number, overrides: Partial<RawItem>): RawItem => ({
          ...emptyRawItem(`Harbour reopens after strike, report ${i}`),
          guid: `raw-${i}-${guid()}`,
          text: `Dock workers returned on Monday, report ${i}.\n\nShipping resumed within hours, report ${i}.`,
          publishedAt: new Date('2026-01-05T08:00:00Z'),
          ...overrides,
        });
        const items = [
          item(1, { guid: `nul\u0000-${guid()}`, headline: 'Harbour\u0000 reopens \u0007after strike' }),
          item(2, { publishedAt: new Date('0000-01-01T00:00:00Z') }),
          item(3, { publishedAt: new Date('9999-12-31T00:00:00Z'), byline: '\u0085Staff\u200B' }),
          item(4, {}),
        ];
        const summary = await ingestItems(store, provider, items);
        assert.equal(summary.created, 4, JSON.stringify(summary.rejected));
        assert.deepEqual(summary.items.map((o) => ('notes' in o && o.notes ? o.notes.length : 0)), [1, 1, 2, 0]);
        const first = summary.items[0]!;
        assert.ok(first.outcome === 'created');
        assert.equal((await store.articles.findById(first.articleId))!.headline, 'Harbour reopens after strike');
        const future = summary.items[2]!;
        assert.ok(future.outcome === 'created');
        assert.ok((await store.articles.findById(future.articleId))!.publishedAt.getTime() <= Date.now());
      });

      it('lists published stories newest first, paged by cursor both ways, with no total', async () => {
        const { store: s, drop: d } = await createStore();
        try {
          const p = await s.providers.create({ slug: 'lister', name: 'Lister' });
          for (let i = 0; i < 5; i++) {
            await s.articles.upsert(
              articleDraft({ providerId: p.id, guid: `l-${i}`, headline: `Story ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1 + i)) }),
            );
          }
          await s.articles.upsert(articleDraft({ providerId: p.id, guid: 'hidden', headline: 'Hidden', status: 'unpublished' }));
          const latest = { kind: 'latest' } as const;
          const page1 = await s.listings.page(latest, {}, 2);
          assert.deepEqual(page1.items.map((a) => a.headline), ['Story 4', 'Story 3']);
          assert.equal(page1.newer, null);
          const page2 = await s.listings.page(latest, { before: page1.older! }, 2);
          assert.deepEqual(page2.items.map((a) => a.headline), ['Story 2', 'Story 1']);
          const page3 = await s.listings.page(latest, { before: page2.older! }, 2);
          assert.deepEqual(page3.items.map((a) => a.headline), ['Story 0']);
          assert.equal(page3.older, null, 'the oldest page has no older link');
          const back = await s.listings.page(latest, { after: page3.newer! }, 2);
          assert.deepEqual(back.items.map((a) => a.headline), ['Story 2', 'Story 1']);
          assert.deepEqual(await s.listings.cursorAt(latest, 4), page2.older, 'an old ?page=3 link finds the same place');
          assert.equal(await s.listings.cursorAt(latest, 99), undefined);
          const teaser = page1.items[0]!;
          assert.deepEqual(Object.keys(teaser).sort(), ['headline', 'id', 'image', 'language', 'provider', 'publishedAt', 'slug', 'storyId', 'summary'], 'teasers carry no body');
        } finally {
          await d();
        }
      });

      it('lists by category and by provider', async () => {
        const { store: s, drop: d } = await createStore();
        try {
          const a = await s.providers.create({ slug: 'a', name: 'A' });
          const b = await s.providers.create({ slug: 'b', name: 'B' });
          await s.categories.upsert({ slug: 'world', name: 'World', iptcCode: null });
          await s.categories.upsert({ slug: 'markets', name: 'Markets', iptcCode: null });
          await s.articles.upsert(articleDraft({ providerId: a.id, guid: '1', headline: 'A world', categories: ['world'] }));
          await s.articles.upsert(articleDraft({ providerId: b.id, guid: '2', headline: 'B markets', categories: ['markets'] }));
          await s.articles.upsert(articleDraft({ providerId: b.id, guid: '3', headline: 'B both', categories: ['markets', 'world'] }));
          const world = await s.listings.page({ kind: 'category', slug: 'world' });
          assert.deepEqual(world.items.map((x) => x.headline).sort(), ['A world', 'B both']);
          const byB = await s.listings.page({ kind: 'provider', providerId: b.id });
          assert.deepEqual(byB.items.map((x) => x.headline).sort(), ['B both', 'B markets']);
          assert.equal(byB.items[0]?.provider.slug, 'b');
          assert.equal((await s.listings.page({ kind: 'category', slug: 'nothing' })).items.length, 0);
          // A story recategorised by its provider moves between category listings.
          await s.articles.upsert(articleDraft({ providerId: a.id, guid: '1', headline: 'A world', categories: ['markets'] }));
          assert.deepEqual((await s.listings.page({ kind: 'category', slug: 'world' })).items.map((x) => x.headline), ['B both']);
        } finally {
          await d();
        }
      });

      it('hides an article from listings once unpublished or taken down', async () => {
        const g = guid();
        const { article } = await store.articles.upsert(articleDraft({ providerId, guid: g, headline: 'To take down' }));
        await store.articles.setStatus(article.id, 'taken_down');
        assert.equal((await store.articles.findById(article.id))?.status, 'taken_down');
        for (const scope of [{ kind: 'latest' }, { kind: 'provider', providerId }] as const) {
          assert.ok(!(await store.listings.page(scope, {}, 100)).items.some((a) => a.id === article.id));
        }
        await assert.rejects(store.articles.setStatus(999_999, 'published'), { code: 'NOT_FOUND' });
      });

      it('keeps a taken-down article taken down when the provider sends it again, changed', async () => {
        const g = guid();
        const { article } = await store.articles.upsert(articleDraft({ providerId, guid: g, headline: 'Libellous' }));
        await store.articles.setStatus(article.id, 'taken_down');
        const again = await store.articles.upsert(articleDraft({ providerId, guid: g, headline: 'Libellous, again', status: 'published' }));
        assert.equal(again.outcome, 'updated');
        assert.equal(again.article.status, 'taken_down');
        assert.equal((await store.articles.findById(article.id))?.status, 'taken_down');
      });

      it('answers undefined for ids that cannot exist', async () => {
        assert.equal(await store.articles.findById(999_999), undefined);
        assert.equal(await store.articles.findById(Number.MAX_SAFE_INTEGER), undefined);
      });
    });

    describe('api keys', () => {
      it('stores a key by its id with only the hash of its secret, and lists it', async () => {
        const p = await store.providers.create({ slug: `keys-${Date.now()}`, name: 'Keys' });
        const made = generateApiKey();
        const key = await store.apiKeys.create({ providerId: p.id, keyId: made.keyId, secretHash: made.secretHash });
        assert.equal(key.providerId, p.id);
        assert.equal(key.revokedAt, null);
        assert.ok(key.createdAt instanceof Date);
        const found = await store.apiKeys.findByKeyId(made.keyId);
        assert.equal(found?.secretHash, made.secretHash);
        assert.ok(!made.token.includes(found!.secretHash), 'the stored hash is not part of the token');
        assert.ok(secretMatchesHash(parseApiKeyToken(made.token)!.secret, found!.secretHash));
        assert.deepEqual((await store.apiKeys.listByProvider(p.id)).map((k) => k.keyId), [made.keyId]);
        assert.equal(await store.apiKeys.findByKeyId('000000000000'), undefined);
      });

      it('revokes a key of its own provider only, and records its last use', async () => {
        const p = await store.providers.create({ slug: `revoke-${Date.now()}`, name: 'Revoke' });
        const made = generateApiKey();
        const key = await store.apiKeys.create({ providerId: p.id, keyId: made.keyId, secretHash: made.secretHash });
        await assert.rejects(store.apiKeys.revoke(otherProviderId, made.keyId), { code: 'NOT_FOUND' });
        const usedAt = new Date('2026-02-01T12:00:00Z');
        await store.apiKeys.markUsed(key.id, usedAt);
        const revoked = await store.apiKeys.revoke(p.id, made.keyId, new Date('2026-02-02T00:00:00Z'));
        assert.equal(revoked.revokedAt?.toISOString(), '2026-02-02T00:00:00.000Z');
        assert.equal(revoked.lastUsedAt?.toISOString(), usedAt.toISOString());
        const again = await store.apiKeys.revoke(p.id, made.keyId);
        assert.equal(again.revokedAt?.toISOString(), '2026-02-02T00:00:00.000Z', 'revoking twice keeps the first time');
      });

      it('refuses two keys with the same key id', async () => {
        const made = generateApiKey();
        await store.apiKeys.create({ providerId, keyId: made.keyId, secretHash: made.secretHash });
        await assert.rejects(store.apiKeys.create({ providerId: otherProviderId, keyId: made.keyId, secretHash: made.secretHash }));
      });
    });

    describe('feeds', () => {
      const t0 = new Date('2026-03-01T12:00:00.000Z');
      const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

      it('registers a feed, reads it back, and refuses the same URL twice for a provider', async () => {
        const feed = await store.feeds.create({ providerId, url: 'https://menafn.example/rss', pollIntervalSeconds: 900, nextPollAt: t0 });
        assert.equal(feed.allowPrivate, false);
        assert.equal(feed.pollIntervalSeconds, 900);
        assert.equal(feed.nextPollAt.toISOString(), t0.toISOString());
        assert.equal(feed.consecutiveFailures, 0);
        assert.equal(feed.lastError, null);
        assert.equal((await store.feeds.findById(feed.id))?.url, 'https://menafn.example/rss');
        await assert.rejects(store.feeds.create({ providerId, url: 'https://menafn.example/rss', pollIntervalSeconds: 60 }), {
          code: 'BAD_REQUEST',
        });
        const other = await store.feeds.create({ providerId: otherProviderId, url: 'https://menafn.example/rss', pollIntervalSeconds: 60 });
        assert.deepEqual((await store.feeds.list(otherProviderId)).map((f) => f.id), [other.id]);
        assert.equal(await store.feeds.findById(999_999), undefined);
      });

      it('records health and WebSub state, and clears fields back to null', async () => {
        const feed = await store.feeds.create({ providerId, url: `https://health.example/${Date.now()}`, pollIntervalSeconds: 60, allowPrivate: true });
        assert.equal(feed.allowPrivate, true);
        const failed = await store.feeds.update(feed.id, {
          lastFetchAt: at(1),
          lastStatus: 500,
          consecutiveFailures: 3,
          lastError: 'the server answered 500 Internal Server Error',
          nextPollAt: at(30),
          websubHub: 'https://hub.example/',
          websubSecret: 's3cret',
          websubToken: 'callback-token-1',
          websubLeaseUntil: at(600),
        });
        assert.equal(failed.websubToken, 'callback-token-1');
        assert.equal(feed.websubToken, null, 'a new feed has no subscription token');
        assert.equal(failed.lastStatus, 500);
        assert.equal(failed.consecutiveFailures, 3);
        assert.equal(failed.lastError, 'the server answered 500 Internal Server Error');
        assert.equal(failed.lastFetchAt?.toISOString(), at(1).toISOString());
        assert.equal(failed.websubLeaseUntil?.toISOString(), at(600).toISOString());
        const recovered = await store.feeds.update(feed.id, {
          lastSuccessAt: at(31),
          lastStatus: 200,
          consecutiveFailures: 0,
          lastError: null,
          itemsSeen: 10,
          itemsNew: 2,
          itemsUpdated: 1,
          etag: '"abc"',
          bodyHash: 'f'.repeat(64),
          websubLeaseUntil: null,
          websubToken: null,
        });
        assert.equal(recovered.bodyHash, 'f'.repeat(64));
        assert.equal((await store.feeds.update(feed.id, { bodyHash: null })).bodyHash, null);
        assert.equal(recovered.websubToken, null);
        assert.equal(recovered.lastError, null);
        assert.equal(recovered.consecutiveFailures, 0);
        assert.deepEqual([recovered.itemsSeen, recovered.itemsNew, recovered.itemsUpdated], [10, 2, 1]);
        assert.equal(recovered.etag, '"abc"');
        assert.equal(recovered.websubLeaseUntil, null);
        assert.equal(recovered.websubHub, 'https://hub.example/', 'fields not in the patch are kept');
        await assert.rejects(store.feeds.update(999_999, { lastError: null }), { code: 'NOT_FOUND' });
      });

      it('claims due feeds once: a second claimer gets none until the claim expires', async () => {
        const { store: s, drop: d } = await createStore();
        try {
          const p = await s.providers.create({ slug: 'claims', name: 'Claims' });
          const due1 = await s.feeds.create({ providerId: p.id, url: 'https://a.example/1', pollIntervalSeconds: 60, nextPollAt: at(-5) });
          const due2 = await s.feeds.create({ providerId: p.id, url: 'https://a.example/2', pollIntervalSeconds: 60, nextPollAt: at(-1) });
          await s.feeds.create({ providerId: p.id, url: 'https://a.example/later', pollIntervalSeconds: 60, nextPollAt: at(10) });
          const first = await s.feeds.claimDue('node-a', t0, at(2), 10);
          assert.deepEqual(first.map((f) => f.id), [due1.id, due2.id]);
          assert.ok(first.every((f) => f.claimedBy === 'node-a'));
          assert.deepEqual(await s.feeds.claimDue('node-b', t0, at(2), 10), []);
          assert.equal(await s.feeds.claim(due1.id, 'node-b', t0, at(2)), undefined, 'a live claim of another node holds');
          const expired = await s.feeds.claimDue('node-b', at(3), at(5), 10);
          assert.deepEqual(expired.map((f) => f.id), [due1.id, due2.id]);
          await s.feeds.update(due1.id, { claimedBy: null, claimedUntil: null, nextPollAt: at(60) });
          assert.equal((await s.feeds.claim(due1.id, 'node-a', at(3), at(5)))?.claimedBy, 'node-a', 'a released feed can be claimed at once');
          assert.deepEqual((await s.feeds.claimDue('node-c', at(4), at(6), 1)).length, 0);
        } finally {
          await d();
        }
      });

      it('never hands the same feed to two claimers racing each other', async () => {
        const { store: s, drop: d } = await createStore();
        try {
          const p = await s.providers.create({ slug: 'race', name: 'Race' });
          for (let i = 0; i < 20; i++) await s.feeds.create({ providerId: p.id, url: `https://race.example/${i}`, pollIntervalSeconds: 60, nextPollAt: at(-1) });
          const claims = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => s.feeds.claimDue(owner, t0, at(5), 7)));
          const ids = claims.flat().map((f) => f.id);
          assert.equal(new Set(ids).size, ids.length, 'no feed claimed twice');
          assert.equal(ids.length, 20, 'every due feed claimed');
        } finally {
          await d();
        }
      });
    });

    describeEnrichmentContract(() => ({ store, providerId, otherProviderId }));
    describeEventClusterContract(() => ({ store, providerId, otherProviderId }));
    describeClusterSplitContract(() => ({ store, providerId, otherProviderId }));
    describeGroupedIngestContract(() => ({ store, providerId, otherProviderId }));
    describeListingContract(() => ({ store, providerId, otherProviderId }));
    describeLeadImageContract(() => ({ store, providerId, otherProviderId }));
    describeProviderLogoContract(() => ({ store, providerId, otherProviderId }));
    describePopularityContract(() => ({ store, providerId, otherProviderId }));
    describeCommentsContract(() => ({ store, providerId, otherProviderId }));
    describeAccountsContract(() => ({ store, providerId, otherProviderId }));
    describeModerationContract(() => ({ store, providerId, otherProviderId }));
    describeSearchContract(() => ({ store, providerId, otherProviderId }));
    describeWebhookContract(() => ({ store, providerId, otherProviderId }));
    describeSuperdeskDestinationContract(() => ({ store, providerId, otherProviderId }));

    describe('transactions', () => {
      it('commits everything written in a transaction', async () => {
        const g = guid();
        await store.transaction(async (tx) => {
          const p = await tx.providers.create({ slug: `tx-${n}`, name: 'Tx' });
          await tx.articles.upsert(articleDraft({ providerId: p.id, guid: g }));
        });
        assert.ok(await store.providers.findBySlug(`tx-${n}`));
      });

      it('rolls back the whole transaction when any part fails', async () => {
        const before = await store.articles.count();
        const slug = `rollback-${Date.now()}`;
        await assert.rejects(
          store.transaction(async (tx) => {
            const p = await tx.providers.create({ slug, name: 'Rolled back' });
            await tx.articles.upsert(articleDraft({ providerId: p.id, guid: guid() }));
            await tx.articles.upsert(articleDraft({ providerId: p.id, guid: guid(), categories: ['no-such-category'] }));
          }),
        );
        assert.equal(await store.providers.findBySlug(slug), undefined);
        assert.equal(await store.articles.count(), before);
      });

      it('answers ping', async () => {
        assert.equal(await store.ping(), true);
      });

      it('migrating again applies nothing', async () => {
        assert.deepEqual(await store.migrate(), []);
      });
    });
  });
}
