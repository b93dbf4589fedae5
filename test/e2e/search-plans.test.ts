/**
 * Every search runs on the engine's full-text index on both engines: FTS5's MATCH on SQLite,
 * the GIN index (or, for a word in most stories, the search key's b-tree walked newest
 * first) on PostgreSQL; never a full scan of articles or of the search entries, and no sort
 * of all matches. Checked on the plans each engine makes for an archive with searchable text.
 */
import assert from 'node:assert/strict';
import { after, before, describe as suite, it } from 'node:test';
import { CompiledQuery } from 'kysely';
import { parseSearchQuery } from '../../src/domain/parse-search-query.js';
import type { SearchFilters } from '../../src/domain/search.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { buildArchive, type ArchiveFacts } from '../support/archive-fixture.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const LARGE_TABLES = ['articles', 'listing_entries', 'article_clusters', 'article_entities', 'article_categories', 'quotes', 'entities', 'search_entries'];

type Captured = { sql: string; parameters: readonly unknown[] };

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  suite(`search query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    let facts: ArchiveFacts;

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ migrate: false, onQuery }) : await openTestPostgresStore({ migrate: false, onQuery }));
      facts = await buildArchive(store, { articles: 12_000, searchText: true });
    });
    after(async () => drop?.());

    /** Runs `work`, then explains every statement it ran; returns their problems and plans. */
    async function plansOf(work: () => Promise<unknown>): Promise<{ problems: string[]; plans: string[] }> {
      captured.length = 0;
      await work();
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.sql));
      assert.ok(statements.length > 0);
      const problems: string[] = [];
      const plans: string[] = [];
      for (const statement of statements) {
        const { problems: found, plan } = await explain(store, statement);
        for (const problem of found) problems.push(`${problem} in: ${statement.sql}`);
        plans.push(plan);
      }
      return { problems, plans };
    }

    const searchFor = (q: string, filters: SearchFilters = {}) => () => store.search.query({ query: parseSearchQuery(q), filters });

    it('finds a rare word, a phrase and a prefix through the full-text index', async () => {
      const { rareWord, phrase } = facts.search!;
      assert.ok((await searchFor(rareWord)()).hits.length > 0, 'the rare word is in the archive');
      for (const q of [rareWord, `"${phrase}"`, 'archaeo*', `${rareWord} -government`]) {
        const { problems, plans } = await plansOf(searchFor(q));
        assert.deepEqual(problems, [], q);
        const candidatePlan = plans.find((p) => /search_fts|search_entries_document_idx/.test(p)) ?? plans.join('\n');
        assert.match(candidatePlan, engine === 'SQLite' ? /search_fts VIRTUAL TABLE INDEX/ : /Bitmap Index Scan on search_entries_document_idx/, q);
      }
    });

    // A word in nine stories of ten: SQLite walks the FTS5 doclist newest first and stops at
    // the window. PostgreSQL, on an archive this small, rightly reads its 12,000 entries and
    // keeps the newest (from 100,000 up it walks the key index backwards: bench/search.bench.ts
    // prints those plans), so only the articles table is checked there.
    const commonProblems = (problems: string[]) => (engine === 'SQLite' ? problems : problems.filter((p) => !/^a (sort|full scan of search_entries) in:/.test(p)));

    it('takes a common word’s newest matches by index, without sorting all of them', async () => {
      const { commonWord } = facts.search!;
      const page = await searchFor(commonWord)();
      assert.equal(page.hits.length, 20);
      assert.deepEqual(commonProblems((await plansOf(searchFor(commonWord))).problems), []);
      const next = await plansOf(() => store.search.query({ query: parseSearchQuery(commonWord), filters: {}, after: page.next! }));
      assert.deepEqual(commonProblems(next.problems), [], 'the next page too');
    });

    it('filters by category, provider, language and dates inside the index', async () => {
      const provider = (await store.providers.findBySlug(facts.providerSlug))!;
      const { commonWord, phrase } = facts.search!;
      const week = { from: Date.now() - 7 * 86_400_000, to: Date.now() };
      for (const filters of [{ category: facts.categorySlug }, { providerId: provider.id }, { language: 'en' }, week] as SearchFilters[]) {
        for (const q of [commonWord, `"${phrase}"`]) assert.deepEqual(commonProblems((await plansOf(searchFor(q, filters))).problems), [], `${q} ${JSON.stringify(filters)}`);
      }
    });

    it('keeps the index in step on a write by index reads only', async () => {
      const { problems } = await plansOf(() => store.articles.setStatus(facts.sampleArticleId, 'taken_down'));
      assert.deepEqual(problems, []);
    });
  });
}

/** One statement's plan problems on its engine. */
async function explain(store: KyselyStore, statement: Captured): Promise<{ problems: string[]; plan: string }> {
  if (store.engine === 'sqlite') {
    const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
    const problems = rows.rows.flatMap(({ detail }) => {
      if (/USE TEMP B-TREE/.test(detail)) return [`a sort (${detail})`];
      const scan = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
      // "SCAN x" is a full scan of x; a scan of a tiny constant, and FTS5's own index lookup
      // (a virtual table scan with its MATCH index), are no problem.
      if (scan && !/^SCAN (CONSTANT ROW|\d+-ROW VALUES CLAUSE)|VIRTUAL TABLE INDEX/.test(detail)) return [`a full scan (${detail})`];
      return [];
    });
    return { problems, plan: rows.rows.map((r) => r.detail).join('\n') };
  }
  // EXPLAIN without ANALYZE plans a write without running it.
  const result = await store.db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
  const plan = (result.rows[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
  const problems: string[] = [];
  const walk = (node: PlanNode) => {
    // Sorting what the GIN index found (a rare word's few matches) by key is the ranking's
    // input; any other sort is a sort of the archive.
    if ((node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') && !readsGinOnly(node)) problems.push('a sort');
    if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? '')) problems.push(`a full scan of ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return { problems, plan: describe(plan) };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** A sort fed by a bitmap scan of the search document's GIN index (and nothing else). */
function readsGinOnly(sort: PlanNode): boolean {
  const input = sort.Plans?.[0];
  return input?.['Node Type'] === 'Bitmap Heap Scan' && /search_entries_document_idx/.test(describe(input));
}

/** A plan as indented lines: node type, and the relation or index it reads. */
function describe(node: PlanNode, depth = 0): string {
  const target = node['Index Name'] ? ` on ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  return [`${'  '.repeat(depth)}${node['Node Type']}${target}`, ...(node.Plans ?? []).map((p) => describe(p, depth + 1))].join('\n');
}
