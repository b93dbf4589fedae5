/**
 * The embargo job's queries are index range scans on both engines: finding the held items
 * that are due reads the embargo index from its start to now (only held items have a value),
 * and each release updates one row by key. Checked on a 5,000 article archive with a queue
 * of held items, some due and most not, as a busy agency feed leaves it. (The plans are the
 * same on 20,000, where this file spent 25 s of a full test run building the archive on
 * PostgreSQL; a smaller archive only makes a full scan more tempting to the planner.)
 */
import assert from 'node:assert/strict';
import { CompiledQuery } from 'kysely';
import { after, before, describe, it } from 'node:test';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { releaseDueEmbargoes } from '../../src/jobs/release-embargoes.js';
import { buildArchive } from '../support/archive-fixture.js';
import { articleDraft } from '../support/article-draft.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';
import { planProblems, type Captured } from '../support/query-plans.js';

const LARGE_TABLES = ['articles', 'listing_entries', 'article_clusters', 'article_entities', 'article_categories'];
const NOW = new Date('2026-03-01T12:00:00Z');

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`embargo release query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    let due: number[];

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ migrate: false, onQuery }) : await openTestPostgresStore({ migrate: false, onQuery }));
      await buildArchive(store, { articles: 5_000 });
      const provider = await store.providers.create({ slug: 'held-wire', name: 'Held Wire' });
      // 40 held items: 5 whose embargo has lifted, 35 lifting over the next days.
      due = [];
      for (let i = 0; i < 40; i++) {
        const embargoedUntil = new Date(NOW.getTime() + (i < 5 ? -(i + 1) : i) * 3_600_000);
        const { article } = await store.articles.upsert(articleDraft({ providerId: provider.id, guid: `held-${i}`, headline: `Held story ${i}`, status: 'unpublished', embargoedUntil }));
        if (i < 5) due.push(article.id);
      }
      if (store.engine === 'postgres') await store.db.executeQuery(CompiledQuery.raw('analyze articles'));
    });
    after(async () => drop?.());

    it('finds the due items and releases each by index, with no full scan and no sort', async () => {
      captured.length = 0;
      const released = await releaseDueEmbargoes(store, NOW);
      assert.deepEqual([...released].sort((a, b) => a - b), [...due].sort((a, b) => a - b), 'exactly the items whose embargo lifted');
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(s.sql));
      assert.ok(statements.some((s) => /embargoed_until/.test(s.sql) && /^\s*select/i.test(s.sql)), 'the due query ran');
      const problems: string[] = [];
      for (const statement of statements) {
        for (const problem of await planProblems(store, statement, LARGE_TABLES)) problems.push(`${problem} in: ${statement.sql}`);
      }
      assert.deepEqual(problems, []);
      for (const id of due) assert.equal((await store.articles.findById(id))?.status, 'published');
    });

    it('an idle check (nothing due) is one index probe', async () => {
      captured.length = 0;
      assert.deepEqual(await releaseDueEmbargoes(store, NOW), []);
      const statements = captured.splice(0);
      assert.equal(statements.length, 1, 'one statement when nothing is due');
      assert.deepEqual(await planProblems(store, statements[0]!, LARGE_TABLES), []);
    });
  });
}
