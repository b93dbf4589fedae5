/**
 * The storage contract for takedown, unpublish, restore and edit; part of the one suite in
 * `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleDraft } from '../../test/support/article-draft.js';
import type { Actor } from '../domain/audit.js';
import type { ContractFixture } from './enrichment.contract.js';

const editor: Actor = { id: null, label: 'editor@example.org' };

export function describeModerationContract(fixture: () => ContractFixture): void {
  let n = 0;
  const guid = () => `moderation-${++n}-${Date.now()}`;

  describe('article moderation', () => {
    it('takes a story down everywhere in one commit, keeps why, who and when, and restores it', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const first = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), categories: ['world'], publishedAt: new Date('2031-01-01T10:00:00Z') }))).article;
      const second = (await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: guid(), categories: ['world'], publishedAt: new Date('2031-01-01T11:00:00Z') }))).article;
      await store.clusters.assign({ articleId: first.id, clusterId: first.id, match: 'first', similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: first.publishedAt });
      await store.clusters.assign({ articleId: second.id, clusterId: first.id, match: 'near', similarity: 0.9, signature: 'AAAB', bandKeys: [], publishedAt: second.publishedAt });
      const heard: string[][] = [];
      const unsubscribe = store.changes.subscribe((tags) => heard.push([...tags]));
      const listed = async (scope: Parameters<typeof store.listings.page>[0]) => (await store.listings.page(scope, {}, 100)).items.map((i) => i.id);

      await store.articles.takeDown(first.id, { reason: 'Copyright complaint from the photographer', actor: editor });
      assert.equal((await store.articles.findById(first.id))?.status, 'taken_down');
      assert.ok(!(await listed({ kind: 'latest' })).includes(first.id));
      assert.ok(!(await listed({ kind: 'category', slug: 'world' })).includes(first.id));
      assert.ok(!(await listed({ kind: 'provider', providerId })).includes(first.id));
      assert.ok((await listed({ kind: 'latest' })).includes(second.id), 'the story has a new head');
      assert.equal((await store.listings.details([first.id])).size, 0, 'feeds and the API no longer get its body');
      const [record] = await store.articles.takedownsOf(first.id);
      assert.equal(record?.reason, 'Copyright complaint from the photographer');
      assert.equal(record?.actorLabel, 'editor@example.org');
      assert.equal(record?.restoredAt, null);
      const [entry] = await store.audit.page({ subject: { type: 'article', id: String(first.id) } });
      assert.equal(entry?.action, 'article.take_down');
      assert.deepEqual(entry?.before, { status: 'published' });
      assert.equal(entry?.providerId, providerId);
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(heard.flat().includes(`article:${first.id}`), 'cached pages of the article are told');
      assert.ok(heard.flat().includes('scope:latest'), 'cached listings are told');

      await store.articles.takeDown(first.id, { reason: 'again', actor: editor });
      assert.equal((await store.audit.page({ subject: { type: 'article', id: String(first.id) } })).length, 1, 'a second takedown changes nothing');

      await store.articles.restore(first.id, { actor: editor });
      assert.equal((await store.articles.findById(first.id))?.status, 'published');
      assert.ok((await listed({ kind: 'latest' })).includes(first.id));
      assert.ok(!(await listed({ kind: 'latest' })).includes(second.id), 'the first version heads its story again');
      assert.ok((await store.articles.takedownsOf(first.id))[0]?.restoredAt instanceof Date);
      unsubscribe();
    });

    it('unpublishes and refuses a takedown without a reason or of an unknown article', async () => {
      const { store, providerId } = fixture();
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid() }))).article;
      await assert.rejects(store.articles.takeDown(a.id, { reason: '   ', actor: editor }), { code: 'VALIDATION_FAILED' });
      await assert.rejects(store.articles.takeDown(a.id, { reason: 'x'.repeat(1001), actor: editor }), { code: 'VALIDATION_FAILED' });
      await assert.rejects(store.articles.takeDown(2_000_000_000, { reason: 'r', actor: editor }), { code: 'NOT_FOUND' });
      assert.equal((await store.articles.findById(a.id))?.status, 'published', 'a refused takedown stored nothing');
      await store.articles.unpublish(a.id, { reason: 'Embargo broken', actor: editor });
      assert.equal((await store.articles.findById(a.id))?.status, 'unpublished');
      await store.articles.takeDown(a.id, { reason: 'Legal', actor: editor });
      const records = await store.articles.takedownsOf(a.id);
      assert.deepEqual(records.map((r) => [r.status, r.restoredAt === null]), [['taken_down', true], ['unpublished', false]]);
    });

    it('keeps an editor’s status when the provider sends the article again', async () => {
      const { store, providerId } = fixture();
      const draft = articleDraft({ providerId, guid: guid() });
      const a = (await store.articles.upsert(draft)).article;
      await store.articles.takeDown(a.id, { reason: 'Legal', actor: editor });
      await store.articles.upsert({ ...draft, headline: 'Resent with a new headline' });
      assert.equal((await store.articles.findById(a.id))?.status, 'taken_down');
    });

    it('edits headline, summary and categories, keeping the id and slug, with before and after in the log', async () => {
      const { store, providerId } = fixture();
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), headline: 'Original headline', categories: ['world'] }))).article;
      await store.articles.edit(a.id, { headline: 'Corrected <b>headline</b>', summary: 'New summary.', categories: ['business', 'world'] }, editor);
      const after = (await store.articles.findById(a.id))!;
      assert.equal(after.headline, 'Corrected <b>headline</b>');
      assert.equal(after.summary, 'New summary.');
      assert.deepEqual(after.categories, ['business', 'world']);
      assert.equal(after.slug, a.slug, 'the URL does not change');
      assert.ok((await store.listings.page({ kind: 'category', slug: 'business' }, {}, 100)).items.some((i) => i.id === a.id));
      const [entry] = await store.audit.page({ subject: { type: 'article', id: String(a.id) } });
      assert.deepEqual(entry?.before, { headline: 'Original headline', summary: 'A summary.', categories: ['world'] });
      assert.deepEqual(entry?.after, { headline: 'Corrected <b>headline</b>', summary: 'New summary.', categories: ['business', 'world'] });
      await assert.rejects(store.articles.edit(a.id, { headline: '', summary: '', categories: [] }, editor), { code: 'VALIDATION_FAILED' });
      await assert.rejects(store.articles.edit(a.id, { headline: 'x', summary: 'NUL \u0000', categories: [] }, editor), { code: 'VALIDATION_FAILED' });
      await assert.rejects(store.articles.edit(a.id, { headline: 'x', summary: '', categories: ['no-such'] }, editor), { code: 'VALIDATION_FAILED' });
      assert.equal((await store.articles.findById(a.id))?.headline, 'Corrected <b>headline</b>', 'a refused edit changed nothing');
    });

    it('edits the lead picture: a new URL waits to be measured, "" removes it, and a bad URL is refused', async () => {
      const { store, providerId } = fixture();
      const a = (await store.articles.upsert(articleDraft({ providerId, guid: guid(), headline: 'Story with a picture' }))).article;
      const base = { headline: a.headline, summary: a.summary, categories: a.categories };
      const image = { url: 'https://photos.example/harbour.jpg', alt: 'The harbour at dawn', caption: 'Ships come in.', credit: 'Wire Photo' };
      await store.articles.edit(a.id, { ...base, image }, editor);
      const set = (await store.articles.findById(a.id))!.leadImage;
      assert.deepEqual(set, { ...image, status: 'pending', width: null, height: null });
      assert.deepEqual((await store.articles.pendingLeadImages(1000)).find((p) => p.articleId === a.id), { articleId: a.id, url: image.url }, 'the prober will fetch and measure it');
      await store.articles.recordLeadImage(a.id, image.url, { width: 1200, height: 800 });
      await store.articles.edit(a.id, { ...base, image: { ...image, caption: 'Ships come in at dawn.' } }, editor);
      assert.deepEqual((await store.articles.findById(a.id))!.leadImage, { ...image, caption: 'Ships come in at dawn.', status: 'ready', width: 1200, height: 800 }, 'the same URL keeps its measured size');
      await assert.rejects(store.articles.edit(a.id, { ...base, image: { ...image, url: 'javascript:alert(1)' } }, editor), { code: 'VALIDATION_FAILED' });
      await store.articles.edit(a.id, { ...base, image: { url: '', alt: '', caption: '', credit: '' } }, editor);
      assert.equal((await store.articles.findById(a.id))!.leadImage, null, 'removed');
    });

    it('leaves a paused feed alone when claiming due feeds, until it is resumed', async () => {
      const { store, providerId } = fixture();
      const feed = await store.feeds.create({ providerId, url: `https://feeds.example/${guid()}.xml`, pollIntervalSeconds: 900, nextPollAt: new Date('2000-01-01T00:00:00Z') });
      assert.ok((await store.feeds.update(feed.id, { pausedAt: new Date() })).pausedAt instanceof Date);
      const now = new Date('2000-01-02T00:00:00Z');
      const claimed = await store.feeds.claimDue('node-pause', now, new Date(now.getTime() + 60_000), 1000);
      assert.ok(!claimed.some((f) => f.id === feed.id), 'a paused feed is not polled');
      assert.equal((await store.feeds.update(feed.id, { pausedAt: null })).pausedAt, null);
      const later = await store.feeds.claimDue('node-pause', now, new Date(now.getTime() + 60_000), 1000);
      assert.ok(later.some((f) => f.id === feed.id), 'resumed, it is due again');
      await store.feeds.remove(feed.id);
    });

    it('counts published articles per hour and per provider for the dashboard', async () => {
      const { store } = fixture();
      const provider = await store.providers.create({ slug: `stats-${++n}`, name: 'Stats' });
      const hourAgo = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000 + 60_000);
      const dayAgo = new Date(hourAgo.getTime() - 86_400_000);
      for (const at of [hourAgo, hourAgo, dayAgo, new Date(Date.now() - 9 * 86_400_000)]) {
        await store.articles.upsert(articleDraft({ providerId: provider.id, guid: guid(), publishedAt: at, updatedAt: at }));
      }
      const hidden = (await store.articles.upsert(articleDraft({ providerId: provider.id, guid: guid(), publishedAt: hourAgo, updatedAt: hourAgo }))).article;
      await store.articles.takeDown(hidden.id, { reason: 'r', actor: editor });
      const since = new Date(Date.now() - 7 * 86_400_000);
      const perHour = await store.stats.articlesPerHour(since, provider.id);
      assert.deepEqual(perHour, [
        { key: dayAgo.toISOString().slice(0, 13), count: 1 },
        { key: hourAgo.toISOString().slice(0, 13), count: 2 },
      ]);
      const all = await store.stats.articlesPerHour(since);
      assert.ok(all.find((c) => c.key === hourAgo.toISOString().slice(0, 13))!.count >= 2);
      assert.deepEqual((await store.stats.articlesPerProvider(since)).find((c) => c.key === provider.id), { key: provider.id, count: 3 });
      const feed = await store.feeds.create({ providerId: provider.id, url: 'https://stats.example/feed.xml', pollIntervalSeconds: 900 });
      assert.deepEqual(await store.stats.failingFeedIds(provider.id), []);
      await store.feeds.update(feed.id, { consecutiveFailures: 2, lastError: 'HTTP 500' });
      assert.deepEqual(await store.stats.failingFeedIds(provider.id), [feed.id]);
      assert.ok((await store.stats.failingFeedIds()).includes(feed.id));
      await store.feeds.remove(feed.id);
    });

    it('pages the admin list by status, provider and headline prefix without gaps or repeats', async () => {
      const { store, otherProviderId } = fixture();
      const prefix = `Prefix ${guid()}`;
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await store.articles.upsert(articleDraft({ providerId: otherProviderId, guid: guid(), headline: `${prefix} ${i}` }))).article.id);
      await store.articles.unpublish(ids[4]!, { reason: 'r', actor: editor });
      const seen: number[] = [];
      let cursor;
      do {
        const page = await store.articles.adminPage({ status: 'published', headlinePrefix: prefix }, cursor, 2);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, ids.slice(0, 4));
      const unpublished = await store.articles.adminPage({ status: 'unpublished', providerId: otherProviderId });
      assert.ok(unpublished.rows.some((r) => r.id === ids[4]));
      assert.ok(unpublished.rows.every((r) => r.status === 'unpublished' && r.provider.id === otherProviderId));
      const newest = await store.articles.adminPage({ status: 'published', providerId: otherProviderId }, undefined, 2);
      assert.deepEqual(newest.rows.map((r) => r.id), [ids[3], ids[2]]);
      const older = await store.articles.adminPage({ status: 'published', providerId: otherProviderId }, newest.next!, 2);
      assert.deepEqual(older.rows.map((r) => r.id), [ids[1], ids[0]]);
    });
  });
}
