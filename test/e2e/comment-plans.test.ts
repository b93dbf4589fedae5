/**
 * Every comment and complaint query reads by index on both engines: an article's comments,
 * the teaser counts of a listing page, the queues at the top and deep down, the rate-limit
 * and automatic-approval counts. Checked on the plans each engine makes for 200 articles
 * with 20,000 comments (a quarter on one story) and 4,000 complaints (PostgreSQL after ANALYZE).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { articleDraft } from '../support/article-draft.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { planProblems, type Captured } from '../support/query-plans.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const LARGE_TABLES = ['articles', 'comments', 'complaints'];
const ARTICLES = 200;
const COMMENTS = 20_000;
const COMPLAINTS = 4_000;

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`comment query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    const articleIds: number[] = [];
    const providerIds: number[] = [];

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ onQuery }) : await openTestPostgresStore({ onQuery }));
      for (const slug of ['one', 'two', 'three', 'four']) providerIds.push((await store.providers.create({ slug, name: slug })).id);
      for (let i = 0; i < ARTICLES; i++) {
        articleIds.push((await store.articles.upsert(articleDraft({ providerId: providerIds[i % 4]!, guid: `plan-${i}` }))).article.id);
      }
      const statuses = ['approved', 'approved', 'approved', 'pending', 'rejected'];
      for (let start = 0; start < COMMENTS; start += 500) {
        await store.db
          .insertInto('comments')
          .values(
            Array.from({ length: 500 }, (_, k) => {
              const i = start + k;
              return {
                // A quarter of all comments on one hot story, as on a real site.
                article_id: i % 4 === 0 ? articleIds[0]! : articleIds[i % ARTICLES]!,
                parent_id: null,
                author_name: `Reader ${i}`,
                author_email: null,
                body: 'A comment.',
                status: statuses[Math.floor(i / ARTICLES) % statuses.length]!,
                held_reason: null,
                commenter_key: `commenter-${i % 3000}`,
                visitor_hash: `visitor-${i % 5000}`,
                submission_key: `submission-${i}`,
                created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
              };
            }),
          )
          .execute();
      }
      for (let start = 0; start < COMPLAINTS; start += 500) {
        await store.db
          .insertInto('complaints')
          .values(
            Array.from({ length: 500 }, (_, k) => {
              const i = start + k;
              return {
                article_id: articleIds[i % ARTICLES]!,
                provider_id: providerIds[i % ARTICLES % 4]!,
                kind: 'other',
                message: 'Wrong.',
                contact_email: null,
                status: i % 3 === 0 ? 'open' : 'resolved',
                visitor_hash: `visitor-${i % 700}`,
                submission_key: `complaint-${i}`,
                created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
              };
            }),
          )
          .execute();
      }
      // Few comments wait at any time on a moderated site: 1,000 of 20,000.
      await sql`update comments set status = 'rejected' where status = 'pending' and id % 4 <> 0`.execute(store.db);
      if (engine === 'PostgreSQL') await sql`analyze`.execute(store.db);
    });
    after(async () => drop?.());

    async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
      captured.length = 0;
      await work();
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.sql));
      assert.ok(statements.length > 0);
      const problems: string[] = [];
      for (const statement of statements) for (const p of await planProblems(store, statement, LARGE_TABLES)) problems.push(`${p} in: ${statement.sql}`);
      return problems;
    }

    it('reads an article’s comments and a listing page’s counts by index', async () => {
      assert.equal((await store.comments.listApproved(articleIds[0]!)).length, 500, 'the hot story shows its first 500');
      assert.deepEqual(await problemsOf(() => store.comments.listApproved(articleIds[0]!)), []);
      const page = articleIds.slice(0, 20);
      assert.ok((await store.comments.countApproved(page)).size >= 15, 'most of the page has comments');
      assert.deepEqual(await problemsOf(() => store.comments.countApproved(page)), []);
    });

    it('pages the queues by index, at the top and deep down, per provider too', async () => {
      const deep = (await store.comments.queue('pending', { limit: 200 })).next!;
      assert.ok(deep);
      assert.deepEqual(await problemsOf(() => store.comments.queue('pending')), []);
      assert.deepEqual(await problemsOf(() => store.comments.queue('approved', { after: deep })), []);
      assert.deepEqual(await problemsOf(() => store.complaints.queue('open')), []);
      assert.deepEqual(await problemsOf(() => store.complaints.queue('open', { providerId: providerIds[1]!, after: 1000 })), []);
      assert.equal(await store.comments.countWaiting(), 1000, 'the dashboard counts up to its cap');
      assert.deepEqual(await problemsOf(() => store.comments.countWaiting()), []);
      // A third of these 4,000 reports are open: PostgreSQL rightly reads the small table whole
      // to count them; SQLite, without statistics, must still count them by index.
      if (engine === 'SQLite') {
        assert.deepEqual(await problemsOf(() => store.complaints.countOpen()), []);
        assert.deepEqual(await problemsOf(() => store.complaints.countOpen(providerIds[2]!)), []);
      }
    });

    it('checks a submission, the rate limits, automatic approval and blocks by index', async () => {
      const since = new Date(Date.UTC(2026, 0, 5));
      assert.deepEqual(await problemsOf(() => store.comments.findSubmission('submission-77')), []);
      assert.deepEqual(await problemsOf(() => store.comments.countFromVisitorSince('visitor-12', since)), []);
      assert.deepEqual(await problemsOf(() => store.comments.approvedFromCommenter('commenter-12')), []);
      assert.deepEqual(await problemsOf(() => store.comments.isBlocked(['commenter-12', 'visitor-12'])), []);
      assert.deepEqual(await problemsOf(() => store.complaints.countFromVisitorSince('visitor-12', since)), []);
      assert.deepEqual(await problemsOf(() => store.complaints.findSubmission('complaint-9')), []);
    });
  });
}
