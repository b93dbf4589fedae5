/**
 * Every query behind a reader page is an index range scan on both engines: no full scan of
 * a large table and no sort, checked on the plans each engine really makes for a 20,000
 * article archive (SQLite without ANALYZE statistics, PostgreSQL after ANALYZE as
 * autovacuum leaves it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery } from 'kysely';
import type { ListingScope } from '../../src/domain/listing.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { buildArchive, type ArchiveFacts } from '../support/archive-fixture.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const LARGE_TABLES = ['articles', 'listing_entries', 'article_clusters', 'article_entities', 'article_categories', 'quotes', 'entities'];

type Captured = { sql: string; parameters: readonly unknown[] };

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`listing query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    let facts: ArchiveFacts;

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ migrate: false, onQuery }) : await openTestPostgresStore({ migrate: false, onQuery }));
      facts = await buildArchive(store, { articles: 20_000 });
    });
    after(async () => drop?.());

    /** Runs `work`, then explains every statement it ran and returns their problems. */
    async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
      captured.length = 0;
      await work();
      // Transaction control has no plan.
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.sql));
      assert.ok(statements.length > 0);
      const problems: string[] = [];
      for (const statement of statements) {
        for (const problem of await explain(store, statement)) problems.push(`${problem} in: ${statement.sql}`);
      }
      return problems;
    }

    it('pages every kind of listing, at the top and deep down, by index range scans only', async () => {
      const entity = (await store.entities.findBySlug(facts.hotEntitySlug))!;
      const provider = (await store.providers.findBySlug(facts.providerSlug))!;
      const scopes: ListingScope[] = [
        { kind: 'latest' },
        { kind: 'category', slug: facts.categorySlug },
        { kind: 'provider', providerId: provider.id },
        { kind: 'entity', entityId: entity.id },
        { kind: 'language', language: 'en' },
      ];
      for (const scope of scopes) {
        const first = await store.listings.page(scope);
        assert.equal(first.items.length, 20, `${scope.kind} has a full first page`);
        const deep = (await store.listings.cursorAt(scope, 400))!;
        assert.ok(deep, `${scope.kind} is 400 stories deep`);
        assert.deepEqual(await problemsOf(() => store.listings.page(scope)), [], `${scope.kind}, newest`);
        assert.deepEqual(await problemsOf(() => store.listings.page(scope, { before: deep })), [], `${scope.kind}, older`);
        assert.deepEqual(await problemsOf(() => store.listings.page(scope, { after: deep })), [], `${scope.kind}, newer`);
        assert.deepEqual(await problemsOf(() => store.listings.cursorAt(scope, 100)), [], `${scope.kind}, old ?page= link`);
        assert.deepEqual(await problemsOf(() => store.listings.page(scope, { before: deep, since: deep.sortAt - 86_400_000 })), [], `${scope.kind}, older within a time window`);
      }
    });

    it('walks sitemaps by index: the span, a month’s count, a part’s start', async () => {
      const span = (await store.listings.span({ kind: 'latest' }))!;
      assert.ok(span.oldest <= span.newest);
      const monthAgo = span.newest - 30 * 86_400_000;
      assert.deepEqual(await problemsOf(() => store.listings.span({ kind: 'latest' })), []);
      assert.deepEqual(await problemsOf(() => store.listings.countBetween({ kind: 'latest' }, monthAgo, span.newest + 1)), []);
      assert.deepEqual(await problemsOf(() => store.listings.cursorAt({ kind: 'latest' }, 100, { sortAt: span.newest - 86_400_000, articleId: 0 })), []);
    });

    it('reads a feed’s bodies and an API page’s story sizes by primary key and cluster index', async () => {
      const page = await store.listings.page({ kind: 'latest' }, {}, 50);
      const ids = [...page.items.map((i) => i.id), facts.bigStoryHeadId];
      assert.deepEqual(await problemsOf(() => store.listings.details(ids)), []);
      const sizes = await store.listings.storySizes([...page.items.map((i) => i.storyId), facts.bigStoryHeadId]);
      assert.ok(sizes.get(facts.bigStoryHeadId)! > 1, 'the big story counts its versions');
      assert.deepEqual(await problemsOf(() => store.listings.storySizes(page.items.map((i) => i.storyId))), []);
    });

    it('reads an article page, its story and an entity’s quotes by index', async () => {
      const entity = (await store.entities.findBySlug(facts.hotEntitySlug))!;
      for (const id of [facts.sampleArticleId, facts.bigStoryHeadId]) {
        assert.deepEqual(await problemsOf(() => store.articles.findById(id)), []);
        assert.deepEqual(await problemsOf(() => store.entities.ofArticle(id)), []);
        assert.deepEqual(await problemsOf(() => store.entities.quotesOfArticle(id)), []);
        assert.deepEqual(await problemsOf(() => store.clusters.otherVersions(id)), [], 'a story of thousands of versions is read by index');
        assert.deepEqual(await problemsOf(() => store.clusters.membershipOf(id)), []);
      }
      // The hot speaker, whose quotes grow with the archive (for an entity quoted twice,
      // PostgreSQL rightly sorts the two rows rather than walk an index).
      assert.deepEqual(await problemsOf(() => store.entities.quotesBy(entity.id)), []);
    });

    it('keeps a story’s listings on a write by index: the ingest transaction costs the same at any size', async () => {
      const problems = await problemsOf(() => store.articles.setStatus(facts.bigStoryHeadId, 'unpublished'));
      assert.deepEqual(problems, []);
      assert.ok(!(await store.listings.page({ kind: 'latest' }, {}, 100)).items.some((a) => a.id === facts.bigStoryHeadId));
    });
  });
}

/** One statement's plan problems on its engine. */
async function explain(store: KyselyStore, statement: Captured): Promise<string[]> {
  if (store.engine === 'sqlite') {
    const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
    return rows.rows.flatMap(({ detail }) => {
      if (/USE TEMP B-TREE/.test(detail)) return [`a sort (${detail})`];
      const scan = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
      // "SCAN x" is a full scan of x; a scan of a tiny constant or CTE is no problem, nor is
      // FTS5's own lookup (a virtual table "scan" through its index: rowid = ? on a write).
      if (scan && !/^SCAN (CONSTANT ROW|\d+-ROW VALUES CLAUSE)|VIRTUAL TABLE INDEX \d+:[=M]/.test(detail)) return [`a full scan (${detail})`];
      return [];
    });
  }
  // EXPLAIN without ANALYZE plans a write without running it.
  const result = await store.db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
  const plan = (result.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
  const problems: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') problems.push('a sort');
    if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? '')) problems.push(`a full scan of ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return problems;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
