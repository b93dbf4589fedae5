/**
 * Comments and reports under articles, through the real app on a real SQLite file: forms,
 * honeypot, limits, the per-visitor rate limit, moderation rules, threads, escaping,
 * double submits, and the page cache dropping only the commented article.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { articleDraft } from '../../../test/support/article-draft.js';
import { openTestSqliteStore } from '../../../test/support/sqlite.js';
import { loadConfig } from '../../config/load-config.js';
import type { Article } from '../../domain/article.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { buildApp } from '../app.js';
import { PageCache } from '../http-cache/page-cache.js';
import { articlePath } from '../views/format.js';
import { issueFormToken, FORM_TOKEN_MAX_AGE_MS } from './form-token.js';

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

describe('comments and reports under articles', () => {
  let store: KyselyStore;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof buildApp>;
  let cache: PageCache;
  let providerId: number;
  let address = 0;
  let n = 0;
  /** Each test is its own visitor, so the rate limit of one does not touch another. */
  const visitor = () => ({ incoming: { socket: { remoteAddress: `192.0.2.${++address}` } } });

  before(async () => {
    ({ store, drop } = await openTestSqliteStore());
    providerId = (await store.providers.create({ slug: 'desk', name: 'Desk Wire' })).id;
    cache = new PageCache(16 * 1024 * 1024);
    store.changes.subscribe((tags) => cache.invalidate(tags));
    app = buildApp({ store, config: loadConfig({ DEMO_CONTENT: 'false', PUBLIC_URL: 'http://gazette.test' }), logger: pino({ level: 'silent' }), pageCache: cache });
  });
  after(async () => drop());

  const newArticle = async (overrides: Partial<Article> = {}) =>
    (await store.articles.upsert(articleDraft({ providerId, guid: `story-${++n}`, headline: `Story number ${n}`, ...overrides }))).article;

  async function page(path: string, env?: object) {
    const res = await app.request(path, {}, env);
    return { status: res.status, html: await res.text() };
  }

  /** The comment form's token (first) or the report form's (second), as a reader's page carries it. */
  async function tokenOn(article: Article, which: 'comment' | 'report' = 'comment') {
    const { html } = await page(articlePath(article));
    const tokens = [...html.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(tokens.length, 2, 'the page carries a comment form and a report form');
    return which === 'comment' ? tokens[0]! : tokens[1]!;
  }

  async function post(path: string, fields: Record<string, string>, env: object, cookie?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...(cookie !== undefined && { cookie }) };
    const res = await app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields).toString() }, env);
    return { status: res.status, location: res.headers.get('location'), setCookie: res.headers.get('set-cookie'), html: await res.text() };
  }

  async function comment(article: Article, fields: Record<string, string>, env: object = visitor(), cookie?: string) {
    return post(`${articlePath(article)}/comments`, { token: await tokenOn(article), website: '', ...fields }, env, cookie);
  }

  const allowWithoutApproval = (on: boolean) => store.comments.updateSettings({ kind: 'site' }, { requireApproval: on ? false : null });

  it('shows an honest empty state, the comment form and "Report a problem" under an article', async () => {
    const article = await newArticle();
    const { html } = await page(articlePath(article));
    assert.match(html, /No comments yet\. Yours could be the first\./);
    assert.match(html, /<form class="comment-form[^"]*" id="comment-form" method="post"/);
    assert.match(html, /<summary>Report a problem with this story<\/summary>/);
    for (const kind of ['Copyright', 'Factual error', 'Offensive content', 'Privacy', 'Something else']) assert.match(html, new RegExp(`/> ${kind}</label>`));
  });

  it('holds a new comment for an editor and says so; it appears once approved', async () => {
    const article = await newArticle();
    const res = await comment(article, { name: 'Ada', email: 'ada@example.test', body: 'Well reported.' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${articlePath(article)}?comment=pending#comments`);
    const after = await page(res.location!);
    assert.match(after.html, /will appear once an editor has read it/);
    assert.doesNotMatch(after.html, /Well reported\./);
    const [held] = (await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id);
    assert.equal(held?.authorEmail, 'ada@example.test');
    await store.comments.moderate(held!.id, 'approve', 'editor@example.test');
    const shown = await page(articlePath(article));
    assert.match(shown.html, /Well reported\./);
    assert.match(shown.html, /Comments<span class="comment-count"> \(1\)<\/span>/);
    assert.doesNotMatch(shown.html, /ada@example\.test/, 'the email is never shown');
  });

  it('shows script payloads in comments as text, with line breaks kept', async () => {
    await allowWithoutApproval(true);
    try {
      const article = await newArticle();
      const res = await comment(article, { name: XSS, body: `${XSS}\nsecond line` });
      assert.equal(res.location, `${articlePath(article)}?comment=published#comments`);
      const { html } = await page(articlePath(article));
      assert.doesNotMatch(html, /<script>alert|<img src=x/);
      assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;<br\/>second line/);
    } finally {
      await allowWithoutApproval(false);
    }
  });

  it('treats a filled honeypot as a bot: the usual answer, nothing kept', async () => {
    const article = await newArticle();
    const res = await comment(article, { name: 'Bot', body: 'Buy now', website: 'https://spam.example' });
    assert.equal(res.status, 303);
    assert.equal((await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id).length, 0);
  });

  it('refuses bad input with a clear message per field and keeps what was typed', async () => {
    const article = await newArticle();
    const long = 'x'.repeat(4001);
    const tooLong = await comment(article, { name: 'N'.repeat(81), email: 'not-an-email', body: long });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.html, /A name has at most 80 characters\./);
    assert.match(tooLong.html, /This is not an email address; leave it empty if you prefer\./);
    assert.match(tooLong.html, /A comment has at most 4000 characters\./);
    assert.ok(tooLong.html.includes(`value="${'N'.repeat(81)}"`), 'the name is kept');
    assert.ok(tooLong.html.includes(`>${long}</textarea>`), 'the text is kept');
    assert.ok(tooLong.html.includes('value="not-an-email"'), 'the email is kept');
    assert.match(tooLong.html, /aria-invalid="true" aria-describedby="comment-body-error"/);

    const empty = await comment(article, { name: 'Ada', body: '   \n ' });
    assert.equal(empty.status, 422);
    assert.match(empty.html, /The comment is empty\./);
    const nameless = await comment(article, { name: '', body: `Kept ${XSS}` });
    assert.match(nameless.html, /Please give a name/);
    assert.ok(nameless.html.includes('Kept &lt;script&gt;'), 'kept text is escaped too');
    assert.doesNotMatch(nameless.html, /<script>alert/);
    assert.equal((await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id).length, 0);
  });

  it('makes one comment of a double click, and tells the second click it arrived', async () => {
    const article = await newArticle();
    const token = await tokenOn(article);
    const env = visitor();
    const fields = { token, website: '', name: 'Twice', body: 'Clicked twice.' };
    const [first, second] = await Promise.all([post(`${articlePath(article)}/comments`, fields, env), post(`${articlePath(article)}/comments`, fields, env)]);
    assert.equal(first.status, 303);
    assert.equal(second.status, 303);
    const third = await post(`${articlePath(article)}/comments`, fields, env);
    assert.equal(third.location, first.location, 'a replay lands where the first post did');
    assert.equal((await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id).length, 1);
    // The cached page hands everyone the same token: a second, different comment from it is new.
    await post(`${articlePath(article)}/comments`, { ...fields, body: 'And one more thought.' }, env);
    assert.equal((await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id).length, 2);
  });

  it('refuses a forged, foreign or expired form token, keeping the text', async () => {
    const article = await newArticle();
    const other = await newArticle();
    const forged = await post(`${articlePath(article)}/comments`, { token: 'abc.def.ghi', name: 'Ada', body: 'My words.' }, visitor());
    assert.equal(forged.status, 400);
    assert.match(forged.html, /could not be checked/);
    assert.match(forged.html, />My words\.<\/textarea>/);
    const foreign = await post(`${articlePath(article)}/comments`, { token: await tokenOn(other), name: 'Ada', body: 'Mine.' }, visitor());
    assert.equal(foreign.status, 400, 'a token for another article does not fit');
    const secret = await store.comments.formSecret();
    const old = issueFormToken(secret, `comment:${article.id}`, Date.now() - FORM_TOKEN_MAX_AGE_MS - 1000);
    const expired = await post(`${articlePath(article)}/comments`, { token: old, name: 'Ada', body: 'Late words.' }, visitor());
    assert.equal(expired.status, 400);
    assert.match(expired.html, /open too long/);
    assert.match(expired.html, />Late words\.<\/textarea>/);
    assert.match(expired.html, /name="token" value="(?!abc)[^"]+"/, 'a fresh token comes with it');
  });

  it('limits comments per visitor, and says so keeping the text', async () => {
    const article = await newArticle();
    const env = visitor();
    for (let i = 0; i < 5; i++) assert.equal((await comment(article, { name: 'Busy', body: `Comment ${i}` }, env)).status, 303);
    const sixth = await comment(article, { name: 'Busy', body: 'One too many.' }, env);
    assert.equal(sixth.status, 429);
    assert.match(sixth.html, /Please wait a little/);
    assert.match(sixth.html, />One too many\.<\/textarea>/);
    assert.equal((await comment(article, { name: 'Neighbour', body: 'Someone else.' }, visitor())).status, 303, 'another visitor is not limited');
    assert.ok((await store.comments.queue('pending', { limit: 200 })).items.every((c) => !c.visitorHash.includes('192.0.2')), 'no address stored in clear');
  });

  it('holds link-heavy comments even where comments need no approval', async () => {
    await allowWithoutApproval(true);
    try {
      const article = await newArticle();
      const res = await comment(article, { name: 'Links', body: 'See https://a.example and www.b.example and http://c.example' });
      assert.equal(res.location, `${articlePath(article)}?comment=pending#comments`);
      const [held] = (await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id);
      assert.equal(held?.heldReason, 'links');
      assert.equal((await comment(article, { name: 'One link', body: 'Source: https://a.example' })).location, `${articlePath(article)}?comment=published#comments`);
    } finally {
      await allowWithoutApproval(false);
    }
  });

  it('approves a commenter automatically after N approved comments from their browser, not from their email', async () => {
    await store.comments.updateSettings({ kind: 'site' }, { autoApproveAfter: 2 });
    try {
      const article = await newArticle();
      const env = visitor();
      const regular = { name: 'Regular', email: 'Regular@Example.test' };
      const first = await comment(article, { ...regular, body: 'First.' }, env);
      assert.match(first.location!, /comment=pending/);
      const cookie = /^(gazette_commenter=[A-Za-z0-9_-]{43});/.exec(first.setCookie ?? '')?.[1];
      assert.ok(cookie, `the answer gives the commenter a token: ${first.setCookie}`);
      assert.match(first.setCookie!, /HttpOnly/i);
      assert.match(first.setCookie!, /SameSite=Lax/i);
      assert.match(first.setCookie!, /Path=\//);
      const approve = async (body: string) => {
        const [held] = (await store.comments.queue('pending')).items.filter((c) => c.body === body && c.articleId === article.id);
        await store.comments.moderate(held!.id, 'approve', 'editor@example.test');
      };
      await approve('First.');
      assert.match((await comment(article, { ...regular, body: 'Second.' }, env, cookie)).location!, /comment=pending/);
      await approve('Second.');
      assert.match((await comment(article, { ...regular, body: 'Third.' }, env, cookie)).location!, /comment=published/, 'two approved: the third is shown at once');
      assert.match((await page(articlePath(article))).html, /Third\./);

      // Someone else typing the regular's name and email, from another browser or the same
      // network, or with a cookie of their own making, waits for an editor.
      assert.match((await comment(article, { ...regular, body: 'Impostor from elsewhere.' })).location!, /comment=pending/);
      assert.match((await comment(article, { ...regular, body: 'Impostor on the same network.' }, env)).location!, /comment=pending/);
      assert.match((await comment(article, { ...regular, body: 'Impostor with a made-up cookie.' }, visitor(), `gazette_commenter=${'A'.repeat(43)}`)).location!, /comment=pending/);
      assert.match((await comment(article, { ...regular, body: 'Impostor with a broken cookie.' }, visitor(), 'gazette_commenter=Regular@Example.test')).location!, /comment=pending/);
      // The regular still is trusted from their own browser, even with another email or none.
      assert.match((await comment(article, { name: 'Regular', body: 'Fourth, no email.' }, visitor(), cookie)).location!, /comment=published/);
    } finally {
      await store.comments.updateSettings({ kind: 'site' }, { autoApproveAfter: null });
    }
  });

  it('threads replies one level deep, oldest first, and counts comments on teasers', async () => {
    await allowWithoutApproval(true);
    try {
      const article = await newArticle();
      await comment(article, { name: 'Top', body: 'Top comment.' });
      const top = (await store.comments.listApproved(article.id))[0]!;
      const replyPage = await page(`${articlePath(article)}/reply?reply=${top.id}`);
      assert.equal(replyPage.status, 200);
      assert.match(replyPage.html, /Reply to Top/);
      const replyToken = /name="token" value="([^"]+)"/.exec(replyPage.html)![1]!;
      await post(`${articlePath(article)}/comments`, { token: replyToken, name: 'Second', body: 'A reply.', parentId: String(top.id) }, visitor());
      const reply = (await store.comments.listApproved(article.id))[1]!;
      await comment(article, { name: 'Third', body: 'Reply to the reply.', parentId: String(reply.id) });
      await comment(article, { name: 'Later', body: 'Another top comment.' });
      const shown = await store.comments.listApproved(article.id);
      assert.deepEqual(shown.map((c) => c.parentId), [null, top.id, top.id, null], 'a reply to a reply joins the thread');
      const { html } = await page(articlePath(article));
      assert.ok(html.indexOf('Top comment.') < html.indexOf('A reply.') && html.indexOf('Reply to the reply.') < html.indexOf('Another top comment.'));
      assert.match(html, /<ol class="comment-replies">/);
      assert.equal((await page(`${articlePath(article)}/reply?reply=999999`)).status, 404);
      const home = await page('/');
      assert.match(home.html, new RegExp(`href="${articlePath(article)}#comments">4 comments</a>`));
    } finally {
      await allowWithoutApproval(false);
    }
  });

  it('drops only the commented article’s cached page when a comment is shown', async () => {
    await allowWithoutApproval(true);
    try {
      const [a, b] = [await newArticle(), await newArticle()];
      for (const path of [articlePath(a), articlePath(b), '/']) await page(path);
      assert.ok(cache.get(articlePath(a)) && cache.get(articlePath(b)) && cache.get('/'), 'all three pages are cached');
      await comment(a, { name: 'Fresh', body: 'Straight onto the page.' });
      assert.equal(cache.get(articlePath(a)), undefined, 'the commented article is dropped');
      assert.ok(cache.get(articlePath(b)), 'another article stays cached');
      assert.ok(cache.get('/'), 'the home page stays cached');
      assert.match((await page(articlePath(a))).html, /Straight onto the page\./);
    } finally {
      await allowWithoutApproval(false);
    }
  });

  it('hides comments with a story taken down and refuses new ones', async () => {
    await allowWithoutApproval(true);
    try {
      const article = await newArticle();
      const token = await tokenOn(article);
      await comment(article, { name: 'Before', body: 'Said before.' });
      await store.articles.setStatus(article.id, 'taken_down');
      const gone = await page(articlePath(article));
      assert.equal(gone.status, 410, 'a taken-down story answers with its notice');
      assert.doesNotMatch(gone.html, /Said before\./);
      const late = await post(`${articlePath(article)}/comments`, { token, name: 'After', body: 'Too late.' }, visitor());
      assert.equal(late.status, 404);
      assert.deepEqual(await store.comments.listApproved(article.id), []);
    } finally {
      await allowWithoutApproval(false);
    }
  });

  it('closes comments for a provider that turns them off', async () => {
    const article = await newArticle();
    const token = await tokenOn(article);
    await store.comments.updateSettings({ kind: 'provider', providerId }, { enabled: false });
    try {
      const { html } = await page(articlePath(article));
      assert.match(html, /Comments are closed on this story\./);
      assert.doesNotMatch(html, /id="comment-form"/);
      const res = await post(`${articlePath(article)}/comments`, { token, name: 'Ada', body: 'Closed?' }, visitor());
      assert.equal(res.status, 403);
      assert.match(res.html, />Closed\?<\/textarea>/);
    } finally {
      await store.comments.updateSettings({ kind: 'provider', providerId }, { enabled: null });
    }
  });

  it('refuses what is not a form, or far too large, with a message', async () => {
    const article = await newArticle();
    const json = await app.request(`${articlePath(article)}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(json.status, 400);
    const huge = await app.request(`${articlePath(article)}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `body=${'x'.repeat(100_000)}`,
    });
    assert.equal(huge.status, 413);
    assert.match(await huge.text(), /far longer than any field allows/);
    const nul = await comment(article, { name: 'Nul\u0000Name', body: 'Text with \u0000 a NUL.' });
    assert.equal(nul.status, 303, 'control characters are dropped, not stored');
    const [kept] = (await store.comments.queue('pending')).items.filter((c) => c.articleId === article.id);
    assert.equal(kept?.authorName, 'NulName');
  });

  it('takes a report about a story for its provider, and refuses bad ones keeping the text', async () => {
    const article = await newArticle();
    const token = await tokenOn(article, 'report');
    const path = `${articlePath(article)}/report`;
    const bad = await post(path, { token, kind: 'nonsense', message: '', email: 'nope' }, visitor());
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Please choose what kind of problem this is\./);
    assert.match(bad.html, /Please describe the problem\./);
    assert.match(bad.html, /This is not an email address/);
    assert.match(bad.html, /<details class="report-problem" id="report" open="">/);
    const long = await post(path, { token, kind: 'privacy', message: 'y'.repeat(4001) }, visitor());
    assert.match(long.html, /A report has at most 4000 characters\./);
    assert.match(long.html, /value="privacy" required="" checked=""/, 'the chosen kind is kept');

    const env = visitor();
    const fields = { token, kind: 'factual_error', message: XSS, email: 'reader@example.test', website: '' };
    const [ok, again] = await Promise.all([post(path, fields, env), post(path, fields, env)]);
    assert.equal(ok.status, 303);
    assert.equal(again.status, 303);
    assert.equal(ok.location, `${articlePath(article)}?report=received#report`);
    assert.match((await page(ok.location!)).html, /your report was received/);
    const mine = (await store.complaints.queue('open', { providerId })).items.filter((c) => c.articleId === article.id);
    assert.equal(mine.length, 1, 'a double submit is one report');
    assert.equal(mine[0]!.message, XSS);
    assert.equal(mine[0]!.kind, 'factual_error');
  });
});
