/**
 * The comment and complaint queues of the admin area, through the real app on both
 * engines: what each role sees and may do, script payloads shown as text, every action
 * audited, and bad answers refused keeping what was typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { adminClient, type AdminClient } from '../../../../test/support/admin-session.js';
import { articleDraft } from '../../../../test/support/article-draft.js';
import { openEmptyAppOn } from '../../../../test/support/demo-app.js';
import { skipPostgres } from '../../../../test/support/postgres.js';
import type { Article } from '../../../domain/article.js';
import type { NewComment } from '../../../domain/comment.js';
import type { Store } from '../../../store/store.js';
import { articlePath } from '../../views/format.js';

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`admin queues (${engine})`, { skip: engine === 'postgres' && skipPostgres }, () => {
    let app: Hono;
    let store: Store;
    let drop: () => Promise<void>;
    let editor: AdminClient;
    let mine: number;
    let theirs: number;
    let n = 0;

    before(async () => {
      ({ app, store, drop } = await openEmptyAppOn(engine));
      mine = (await store.providers.create({ slug: 'mine', name: 'Mine Wire' })).id;
      theirs = (await store.providers.create({ slug: 'theirs', name: 'Their Wire' })).id;
      editor = await adminClient(app, store, 'editor');
    });
    after(async () => drop());

    const story = async (providerId = mine): Promise<Article> =>
      (await store.articles.upsert(articleDraft({ providerId, guid: `q-${++n}`, headline: `Queue story ${n}` }))).article;
    const pending = async (article: Article, overrides: Partial<NewComment> = {}) =>
      store.comments.create({
        articleId: article.id,
        parentId: null,
        authorName: XSS,
        authorEmail: 'writer@example.test',
        body: `${XSS}\nline two`,
        status: 'pending',
        heldReason: 'links',
        commenterKey: `ck-${++n}`,
        visitorHash: `vh-${n}`,
        submissionKey: `sk-${n}-${Date.now()}`,
        createdAt: new Date(),
        ...overrides,
      });
    const complaint = async (article: Article, providerId: number) =>
      store.complaints.create({
        articleId: article.id,
        providerId,
        kind: 'privacy',
        message: XSS,
        contactEmail: null,
        visitorHash: `vh-${++n}`,
        submissionKey: `ck-${n}-${Date.now()}`,
        createdAt: new Date(),
      });

    it('shows waiting comments to editors as text, with why they wait, and approves one onto its article', async () => {
      const article = await story();
      const { id } = await pending(article);
      const queue = await (await editor.get('/admin/queues/comments')).text();
      assert.ok(queue.includes(ESCAPED), 'the payload shows as text');
      assert.doesNotMatch(queue, /<script>alert|<img src=x/);
      assert.match(queue, /many links/);
      assert.match(queue, /writer@example\.test \(not public\)/);
      const res = await editor.post(`/admin/queues/comments/${id}/approve?back=${encodeURIComponent('/admin/queues/comments?status=pending')}`);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/queues/comments?status=pending');
      const page = await (await app.request(articlePath(article))).text();
      assert.ok(page.includes(ESCAPED) && page.includes('line two'));
      const [entry] = await store.audit.page({ subject: { type: 'comment', id: String(id) } });
      assert.equal(entry?.action, 'comment.approve');
      assert.equal(entry?.actorLabel, editor.email);
    });

    it('rejects, deletes after a confirm page, and blocks a commenter after a confirm page', async () => {
      const article = await story();
      const a = await pending(article);
      const b = await pending(article, { commenterKey: 'spammer', visitorHash: 'spam-visitor' });
      const c = await pending(article, { commenterKey: 'spammer', visitorHash: 'other' });
      await editor.post(`/admin/queues/comments/${a.id}/reject`);
      assert.equal((await store.comments.findById(a.id))?.status, 'rejected');

      const confirm = await (await editor.get(`/admin/queues/comments/${a.id}/delete`)).text();
      assert.match(confirm, /Delete this comment\?/);
      assert.ok(confirm.includes(ESCAPED));
      assert.ok(await store.comments.findById(a.id), 'the confirm page deletes nothing');
      await editor.post(`/admin/queues/comments/${a.id}/delete`);
      assert.equal(await store.comments.findById(a.id), undefined);

      assert.match(await (await editor.get(`/admin/queues/comments/${b.id}/block`)).text(), /Block .*\?/);
      const blocked = await editor.post(`/admin/queues/comments/${b.id}/block`);
      assert.equal(blocked.status, 303);
      assert.equal((await store.comments.findById(c.id))?.status, 'rejected', 'their other waiting comment is rejected');
      assert.equal(await store.comments.isBlocked(['spammer']), true);
      const actions = (await store.audit.page({ action: 'comment.block' })).map((e) => e.subjectId);
      assert.ok(actions.includes(String(b.id)));
      assert.equal((await editor.post('/admin/queues/comments/999999/approve')).status, 404);
    });

    it('keeps the comment queue from provider users, and shows them only their own provider’s complaints', async () => {
      const ownStory = await story(mine);
      const otherStory = await story(theirs);
      const own = await complaint(ownStory, mine);
      const other = await complaint(otherStory, theirs);
      const provider = await adminClient(app, store, 'provider', mine);
      assert.equal((await provider.get('/admin/queues/comments')).status, 403);
      const queue = await (await provider.get('/admin/queues/complaints')).text();
      assert.match(queue, new RegExp(`Queue story ${n - 3}|#${own.id}`));
      assert.ok(queue.includes(`href="/admin/queues/complaints/${own.id}"`));
      assert.ok(!queue.includes(`href="/admin/queues/complaints/${other.id}"`), 'another provider’s report is not listed');
      assert.ok(queue.includes(ESCAPED));
      assert.doesNotMatch(queue, /<script>alert/);
      assert.equal((await provider.get(`/admin/queues/complaints/${other.id}`)).status, 403);
      const refused = await provider.post(`/admin/queues/complaints/${other.id}/answer`, { status: 'rejected', note: 'Not ours.' });
      assert.equal(refused.status, 403);
      assert.equal((await store.complaints.findById(other.id))?.status, 'open');
      const staffQueue = await (await editor.get('/admin/queues/complaints')).text();
      assert.ok(staffQueue.includes(`/admin/queues/complaints/${other.id}"`), 'editors see every provider’s reports');
    });

    it('changes site-wide and per-provider settings, audited, and refuses a bad number', async () => {
      const bad = await editor.post('/admin/queues/comments/settings', { scope: 'site', enabled: 'inherit', requireApproval: 'inherit', autoApproveAfter: '-3' });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /whole number from 0/);
      const ok = await editor.post('/admin/queues/comments/settings', { scope: `provider:${theirs}`, enabled: 'no', requireApproval: 'inherit', autoApproveAfter: '' });
      assert.equal(ok.status, 303);
      assert.equal((await store.comments.settingsFor(theirs)).enabled, false);
      assert.equal((await store.comments.settingsFor(mine)).enabled, true);
      const page = await (await editor.get('/admin/queues/comments/settings')).text();
      assert.match(page, /Their Wire<\/h2><p class="muted">Now: closed/);
      assert.equal((await store.audit.page({ action: 'comment.settings' }))[0]?.subjectId, String(theirs));
      await store.comments.updateSettings({ kind: 'provider', providerId: theirs }, { enabled: null });
    });

    it('answers a complaint once with a note, refusing an answer without one and keeping the choice', async () => {
      const article = await story(mine);
      const { id } = await complaint(article, mine);
      const provider = await adminClient(app, store, 'provider', mine);
      const empty = await provider.post(`/admin/queues/complaints/${id}/answer`, { status: 'resolved', note: '  ' });
      assert.equal(empty.status, 422);
      const page = await empty.text();
      assert.match(page, /Please write a note with the answer\./);
      assert.match(page, /value="resolved" required="" checked=""/);
      const ok = await provider.post(`/admin/queues/complaints/${id}/answer`, { status: 'resolved', note: `Fixed the name. ${XSS}` });
      assert.equal(ok.status, 303);
      const again = await editor.post(`/admin/queues/complaints/${id}/answer`, { status: 'rejected', note: 'Second opinion.' });
      assert.equal(again.status, 303);
      const kept = await store.complaints.findById(id);
      assert.equal(kept?.status, 'resolved');
      assert.equal(kept?.answeredBy, provider.email);
      const resolved = await (await editor.get('/admin/queues/complaints?status=resolved')).text();
      assert.ok(resolved.includes(`Fixed the name. ${ESCAPED}`), 'the note shows as text');
      const [entry] = await store.audit.page({ subject: { type: 'complaint', id: String(id) } });
      assert.equal(entry?.action, 'complaint.resolve');
    });
  });
}
