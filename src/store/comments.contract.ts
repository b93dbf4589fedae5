/**
 * The storage contract for comments and complaints; part of the one suite in
 * `store.contract.ts`, so it runs on SQLite and PostgreSQL alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { articleDraft } from '../../test/support/article-draft.js';
import type { NewComment } from '../domain/comment.js';
import type { ContractFixture } from './enrichment.contract.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

export function describeCommentsContract(fixture: () => ContractFixture): void {
  let n = 0;
  const unique = (what: string) => `${what}-${++n}-${Date.now()}`;
  const newArticle = async () =>
    (await fixture().store.articles.upsert(articleDraft({ providerId: fixture().providerId, guid: unique('comments') }))).article;
  const comment = (articleId: number, overrides: Partial<NewComment> = {}): NewComment => ({
    articleId,
    parentId: null,
    authorName: 'Reader',
    authorEmail: null,
    body: 'A thought.',
    status: 'approved',
    heldReason: null,
    commenterKey: unique('commenter'),
    visitorHash: unique('visitor'),
    submissionKey: unique('submission'),
    createdAt: new Date(),
    ...overrides,
  });

  describe('comments', () => {
    it('shows only approved comments, oldest first, with text kept exactly as written', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const first = await store.comments.create(comment(article.id, { body: XSS }));
      const held = await store.comments.create(comment(article.id, { status: 'pending', heldReason: 'moderation' }));
      const reply = await store.comments.create(comment(article.id, { parentId: first.id, body: 'A reply.' }));
      const shown = await store.comments.listApproved(article.id);
      assert.deepEqual(shown.map((c) => c.id), [first.id, reply.id]);
      assert.equal(shown[0]!.body, XSS);
      assert.equal(shown[1]!.parentId, first.id);
      assert.ok(!('authorEmail' in shown[0]!), 'readers never get the email');
      await store.comments.moderate(held.id, 'approve', 'editor@example.test');
      assert.deepEqual((await store.comments.listApproved(article.id)).map((c) => c.id), [first.id, held.id, reply.id]);
    });

    it('keeps a submission once, however often it is sent', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const c = comment(article.id);
      const results = await Promise.all([store.comments.create(c), store.comments.create(c), store.comments.create(c)]);
      assert.equal(results.filter((r) => r.kind === 'created').length, 1);
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.equal((await store.comments.listApproved(article.id)).length, 1);
    });

    it('counts approved comments per article in one read, for teasers', async () => {
      const { store } = fixture();
      const [a, b, quiet] = [await newArticle(), await newArticle(), await newArticle()];
      for (let i = 0; i < 3; i++) await store.comments.create(comment(a.id));
      await store.comments.create(comment(b.id));
      await store.comments.create(comment(b.id, { status: 'pending' }));
      const counts = await store.comments.countApproved([a.id, b.id, quiet.id]);
      assert.equal(counts.get(a.id), 3);
      assert.equal(counts.get(b.id), 1);
      assert.equal(counts.get(quiet.id), undefined);
      assert.equal((await store.comments.countApproved([])).size, 0);
    });

    it('counts a commenter’s approved comments and a visitor’s recent ones', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const commenterKey = unique('regular');
      const visitorHash = unique('visitor');
      await store.comments.create(comment(article.id, { commenterKey, visitorHash }));
      await store.comments.create(comment(article.id, { commenterKey, visitorHash, status: 'pending' }));
      await store.comments.create(comment(article.id, { commenterKey, visitorHash, createdAt: new Date(Date.now() - 3_600_000) }));
      assert.equal(await store.comments.approvedFromCommenter(commenterKey), 2);
      assert.equal(await store.comments.countFromVisitorSince(visitorHash, new Date(Date.now() - 600_000)), 2);
    });

    it('queues pending comments oldest first, page by page, with their article', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await store.comments.create(comment(article.id, { status: 'pending', heldReason: 'links' }))).id);
      const pending: number[] = [];
      let after: number | undefined;
      do {
        const page = await store.comments.queue('pending', { after, limit: 2 });
        pending.push(...page.items.map((c) => c.id));
        after = page.next ?? undefined;
      } while (after !== undefined);
      assert.deepEqual(pending.filter((id) => ids.includes(id)), ids);
      assert.ok((await store.comments.countWaiting()) >= 3);
      assert.equal(await store.comments.countWaiting(2), 2, 'counted up to the cap');
      const one = await store.comments.findById(ids[0]!);
      assert.equal(one?.article.headline, article.headline);
      assert.equal(one?.heldReason, 'links');
    });

    it('rejects, deletes with replies, and hides comments of a story taken down', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const parent = await store.comments.create(comment(article.id));
      await store.comments.create(comment(article.id, { parentId: parent.id }));
      const other = await store.comments.create(comment(article.id));
      const rejected = await store.comments.moderate(other.id, 'reject', 'editor@example.test');
      assert.equal(rejected?.status, 'rejected');
      assert.equal(rejected?.moderatedBy, 'editor@example.test');
      assert.equal(await store.comments.delete(parent.id), true);
      assert.deepEqual(await store.comments.listApproved(article.id), []);
      assert.equal(await store.comments.delete(parent.id), false);
      assert.equal(await store.comments.moderate(999_999_999, 'approve', 'x'), undefined);

      const shown = await store.comments.create(comment(article.id));
      await store.articles.setStatus(article.id, 'taken_down');
      assert.deepEqual(await store.comments.listApproved(article.id), []);
      await store.articles.setStatus(article.id, 'published');
      assert.deepEqual((await store.comments.listApproved(article.id)).map((c) => c.id), [shown.id]);
    });

    it('blocks a commenter: their keys are refused and their pending comments rejected', async () => {
      const { store } = fixture();
      const article = await newArticle();
      const commenterKey = unique('spammer');
      const visitorHash = unique('spam-visitor');
      const first = await store.comments.create(comment(article.id, { commenterKey, visitorHash, status: 'pending' }));
      const second = await store.comments.create(comment(article.id, { commenterKey: unique('other-name'), visitorHash, status: 'pending' }));
      assert.equal(await store.comments.isBlocked([commenterKey]), false);
      assert.equal(await store.comments.blockCommenter(first.id, 'editor@example.test'), 2);
      assert.equal(await store.comments.isBlocked([commenterKey]), true);
      assert.equal(await store.comments.isBlocked(['someone-else', visitorHash]), true);
      assert.equal((await store.comments.findById(second.id))?.status, 'rejected');
      assert.equal(await store.comments.blockCommenter(first.id, 'editor@example.test'), 0, 'blocking twice is harmless');
    });

    it('applies a provider’s settings over the site’s over the defaults', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const site = { kind: 'site' } as const;
      const mine = { kind: 'provider', providerId } as const;
      try {
        assert.deepEqual(await store.comments.settingsFor(providerId), { enabled: true, requireApproval: true, autoApproveAfter: 3 });
        await store.comments.updateSettings(site, { autoApproveAfter: 5 });
        await store.comments.updateSettings(mine, { requireApproval: false });
        assert.deepEqual(await store.comments.settingsFor(providerId), { enabled: true, requireApproval: false, autoApproveAfter: 5 });
        assert.deepEqual(await store.comments.settingsFor(otherProviderId), { enabled: true, requireApproval: true, autoApproveAfter: 5 });
        await store.comments.updateSettings(mine, { enabled: false });
        assert.deepEqual(await store.comments.settings(mine), { enabled: false, requireApproval: false, autoApproveAfter: null });
        await store.comments.updateSettings(mine, { requireApproval: null, enabled: null });
        assert.equal((await store.comments.settingsFor(providerId)).requireApproval, true, 'null inherits again');
      } finally {
        await store.comments.updateSettings(site, { autoApproveAfter: null });
        await store.comments.updateSettings(mine, { enabled: null, requireApproval: null, autoApproveAfter: null });
      }
    });

    it('announces a shown comment as a change of its article only; a held one changes nothing', async () => {
      const { store } = fixture();
      const article = await newArticle();
      // Let earlier commits' echoes (PostgreSQL NOTIFY) arrive before listening.
      await delay(store.engine === 'postgres' ? 300 : 0);
      const heard: string[] = [];
      const unsubscribe = store.changes.subscribe((tags) => heard.push(...tags));
      try {
        await store.comments.create(comment(article.id, { status: 'pending' }));
        assert.deepEqual(heard, []);
        await store.comments.create(comment(article.id));
        assert.deepEqual([...new Set(heard)], [`article:${article.id}`]);
      } finally {
        unsubscribe();
      }
    });

    it('makes one form-signing key and keeps it', async () => {
      const { store } = fixture();
      const [a, b] = await Promise.all([store.comments.formSecret(), store.comments.formSecret()]);
      assert.equal(a, b);
      assert.ok(a.length >= 40);
      assert.equal(await store.comments.formSecret(), a);
    });
  });

  describe('complaints', () => {
    const complaint = (articleId: number, providerId: number) => ({
      articleId,
      providerId,
      kind: 'factual_error' as const,
      message: XSS,
      contactEmail: 'reader@example.test',
      visitorHash: unique('visitor'),
      submissionKey: unique('complaint'),
      createdAt: new Date(),
    });

    it('keeps a complaint once, queues it for its provider, and takes one answer', async () => {
      const { store, providerId, otherProviderId } = fixture();
      const article = await newArticle();
      const input = complaint(article.id, providerId);
      const [a, b] = await Promise.all([store.complaints.create(input), store.complaints.create(input)]);
      assert.equal(a.id, b.id);
      assert.deepEqual([a.kind, b.kind].sort(), ['created', 'duplicate']);
      const mine = await store.complaints.queue('open', { providerId });
      assert.ok(mine.items.some((c) => c.id === a.id && c.message === XSS && c.article.headline === article.headline));
      assert.ok((await store.complaints.countOpen(providerId)) >= 1);
      const theirs = await store.complaints.queue('open', { providerId: otherProviderId });
      assert.ok(!theirs.items.some((c) => c.id === a.id), 'another provider does not see it');
      assert.equal(await store.complaints.countFromVisitorSince(input.visitorHash, new Date(Date.now() - 60_000)), 1);

      const answered = await store.complaints.answer(a.id, { status: 'resolved', note: 'Corrected the date.', actor: 'editor@example.test' });
      assert.equal(answered.kind, 'answered');
      const again = await store.complaints.answer(a.id, { status: 'rejected', note: 'Second click.', actor: 'editor@example.test' });
      assert.equal(again.kind, 'already-answered');
      const kept = await store.complaints.findById(a.id);
      assert.equal(kept?.status, 'resolved');
      assert.equal(kept?.note, 'Corrected the date.');
      assert.ok(!(await store.complaints.queue('open', { providerId })).items.some((c) => c.id === a.id));
      assert.equal(await store.complaints.countOpen(providerId), mine.items.length - 1, 'answered reports are no longer open');
      assert.ok((await store.complaints.queue('resolved')).items.some((c) => c.id === a.id));
      assert.deepEqual(await store.complaints.answer(999_999_999, { status: 'resolved', note: 'x', actor: 'x' }), { kind: 'not-found' });
    });
  });
}
