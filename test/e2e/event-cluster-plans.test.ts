/**
 * Event-level clustering reads and writes by index on both engines: the document
 * frequencies of an article's terms, the candidate lookup (one bounded range per key, a hot
 * key included), saving a profile with its keys and counts, and merging two clusters. The
 * plans are checked on a synthetic event index of 20,000 articles (SQLite without ANALYZE,
 * PostgreSQL after ANALYZE).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { defaultClusterOptions } from '../../src/cluster/cluster-options.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { articleDraft } from '../support/article-draft.js';
import { BASE, buildEventIndex, MINUTE } from '../support/event-index-fixture.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { explainPlan, planNodes, type Captured, type PlanNode } from '../support/query-plans.js';
import { openTestSqliteStore } from '../support/sqlite.js';

// The fixture's articles table holds two rows (a full scan of it is right, and the listing
// plan test covers the story refresh each commit runs); the clustering tables are large.
const LARGE_TABLES = ['event_keys', 'event_profiles', 'event_term_docs', 'article_clusters', 'cluster_links'];
const FIRST = 1_000;
const N = 20_000;

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`event clustering query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    let real: { id: number; other: number };

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ onQuery }) : await openTestPostgresStore({ onQuery }));
      const provider = await store.providers.create({ slug: 'plans', name: 'Plans' });
      const a = (await store.articles.upsert(articleDraft({ providerId: provider.id, guid: 'plan-a' }))).article;
      const b = (await store.articles.upsert(articleDraft({ providerId: provider.id, guid: 'plan-b' }))).article;
      real = { id: a.id, other: b.id };
      await buildEventIndex(store, N, FIRST);
      // Each synthetic article linked to the one before it, foreign keys off as for the index.
      const link = sql`insert into cluster_links (article_id, linked_id, similarity) select article_id, article_id - 1, 0.5 from article_clusters where article_id > ${FIRST}`;
      if (engine === 'SQLite') {
        await sql`pragma foreign_keys = off`.execute(store.db);
        await link.execute(store.db);
        await sql`pragma foreign_keys = on`.execute(store.db);
      } else {
        await store.db.transaction().execute(async (tx) => {
          await sql`set local session_replication_role = replica`.execute(tx);
          await link.execute(tx);
        });
        await sql`analyze cluster_links`.execute(store.db);
      }
    });
    after(async () => drop?.());

    async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
      captured.length = 0;
      await work();
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(s.sql));
      assert.ok(statements.length > 0);
      const problems: string[] = [];
      // A sort is bounded when all it sorts came through per-key limits (the candidates' keys,
      // at most perKey rows each, counted together): it never grows with the archive.
      const bounded = (sort: PlanNode) => planNodes(sort).some((n) => n['Node Type'] === 'Limit') && planNodes(sort).some((n) => n['Node Type'] === 'Function Scan');
      for (const statement of statements) for (const p of (await explainPlan(store, statement, LARGE_TABLES, { allowSort: bounded })).problems) problems.push(`${p} in: ${statement.sql}`);
      return problems;
    }

    it('reads document frequencies and candidates, a hot key among them, by bounded index ranges', async () => {
      const keys = [...Array.from({ length: 150 }, (_, k) => `t:w${k * 311}`), 'e:hot', 'e:p17'];
      assert.deepEqual(await problemsOf(() => store.clusters.documentFrequencies(keys)), []);
      const at = BASE + (FIRST + N) * MINUTE;
      const windowMs = defaultClusterOptions.windowHours * 3_600_000;
      const query = ['e:hot', 't:w42', 't:w4242', 'e:p17', 't:absent'];
      const perKey = defaultClusterOptions.event.perKey;
      const found = await store.clusters.eventCandidates(query, new Date(at - windowMs), new Date(at + windowMs), -1, perKey);
      assert.ok(found.length >= perKey, 'the hot key alone fills its quota');
      assert.ok(found.length <= perKey * query.length);
      assert.deepEqual(await problemsOf(() => store.clusters.eventCandidates(query, new Date(at - windowMs), new Date(at + windowMs), -1, perKey)), []);
    });

    it('saves a profile with its keys and counts, and merges clusters, by index', async () => {
      const event = { profile: '{"terms":[["w1",1]],"entities":[],"places":[],"at":0}', indexKeys: ['t:w1', 'e:hot'], frequencyKeys: ['t:w1', 't:brand-new', 'e:hot'] };
      const membership = { articleId: real.id, clusterId: real.id, match: 'first' as const, similarity: 1, signature: 'AAAA', bandKeys: [], publishedAt: new Date(BASE), event };
      assert.deepEqual(await problemsOf(() => store.transaction((tx) => tx.clusters.assign(membership))), [], 'first profile');
      assert.deepEqual(await problemsOf(() => store.transaction((tx) => tx.clusters.assign(membership))), [], 'profile replaced');
      await store.clusters.assign({ ...membership, articleId: real.other, clusterId: real.other, event: undefined });
      assert.deepEqual(await problemsOf(() => store.transaction((tx) => tx.clusters.mergeClusters(real.other, real.id))), []);
      assert.equal((await store.clusters.membershipOf(real.other))?.clusterId, real.id);
    });

    it('recomputes a story from its links by index when a version is clustered again or taken down', async () => {
      const membership = { articleId: real.other, clusterId: real.id, match: 'near' as const, similarity: 0.9, signature: 'AAAA', bandKeys: [], publishedAt: new Date(BASE), links: [{ articleId: real.id, similarity: 0.9 }] };
      assert.deepEqual(await problemsOf(() => store.transaction((tx) => tx.clusters.assign(membership))), [], 'clustered again');
      const editor = { id: null, label: 'plans' };
      assert.deepEqual(await problemsOf(() => store.articles.takeDown(real.id, { reason: 'Plan check.', actor: editor })), [], 'taken down');
      assert.equal((await store.clusters.membershipOf(real.other))?.clusterId, real.other, 'the story split');
      assert.deepEqual(await problemsOf(() => store.articles.restore(real.id, { actor: editor })), [], 'restored');
      assert.equal((await store.clusters.membershipOf(real.other))?.clusterId, real.id, 'and joined again');
    });
  });
}
