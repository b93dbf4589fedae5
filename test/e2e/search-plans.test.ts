/**
 * Every search runs on the engine's full-text index on both engines: FTS5's MATCH on SQLite,
 * the GIN index (or, for a word in most stories, the search key's b-tree walked newest
 * first) on PostgreSQL; never a full scan of articles or of the search entries, and no sort
 * of all matches. On PostgreSQL each step of a search is a bounded range of the key's
 * b-tree (a widening window, newest first), so a word in a few percent of stories does not
 * read every match in the archive. Checked on the plans each engine makes for an archive
 * with searchable text.
 */
import assert from 'node:assert/strict';
import { after, before, describe as suite, it } from 'node:test';
import { parseSearchQuery } from '../../src/domain/parse-search-query.js';
import type { SearchFilters } from '../../src/domain/search.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { ArchiveFacts } from '../support/archive-fixture.js';
import { openPlanArchive, type PlanArchive } from '../support/plan-archive.js';
import { skipPostgres } from '../support/postgres.js';
import { describePlan, explainPlan, planNodes, type PlanNode } from '../support/query-plans.js';

const LARGE_TABLES = ['articles', 'listing_entries', 'article_clusters', 'article_entities', 'article_categories', 'quotes', 'entities', 'search_entries'];

/** A sort fed by a bitmap scan that reads the search document's GIN index: the ranking's input, bounded by the key window. */
function readsGinOnly(sort: PlanNode): boolean {
  const input = sort.Plans?.[0];
  return input?.['Node Type'] === 'Bitmap Heap Scan' && /search_entries_document_idx/.test(describePlan(input));
}

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  suite(`search query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let archive: PlanArchive;
    let store: KyselyStore;
    let facts: ArchiveFacts;

    before(async () => {
      archive = await openPlanArchive(engine, { articles: 12_000, searchText: true });
      ({ store, facts } = archive);
    });
    after(async () => archive?.drop());

    /** Runs `work`, then explains every statement it ran; returns their problems and plans. */
    async function plansOf(work: () => Promise<unknown>): Promise<{ problems: string[]; plans: string[]; roots: PlanNode[] }> {
      const problems: string[] = [];
      const plans: string[] = [];
      const roots: PlanNode[] = [];
      for (const statement of await archive.statementsOf(work)) {
        const explained = await explainPlan(store, statement, LARGE_TABLES, { allowSort: readsGinOnly });
        for (const problem of explained.problems) problems.push(`${problem} in: ${statement.sql}`);
        plans.push(explained.plan);
        if (explained.root && /document @@/.test(statement.sql)) roots.push(explained.root);
      }
      return { problems, plans, roots };
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
    // the window. PostgreSQL, on an archive this small, may rightly read a window's entries
    // and keep the newest, so only the articles table is checked there.
    const commonProblems = (problems: string[]) => (engine === 'SQLite' ? problems : problems.filter((p) => !/^a (sort|full scan of search_entries) in:/.test(p)));

    it('takes a common word’s newest matches by index, without sorting all of them', async () => {
      const { commonWord } = facts.search!;
      const page = await searchFor(commonWord)();
      assert.equal(page.hits.length, 20);
      assert.deepEqual(commonProblems((await plansOf(searchFor(commonWord))).problems), []);
      const next = await plansOf(() => store.search.query({ query: parseSearchQuery(commonWord), filters: {}, after: page.next! }));
      assert.deepEqual(commonProblems(next.problems), [], 'the next page too');
    });

    it('reads a word in a few percent of stories newest first, each step a bounded range of the key’s index', async () => {
      const { middlingWord } = facts.search!;
      const page = await searchFor(middlingWord)();
      assert.equal(page.hits.length, 20, 'the word is in enough stories for a full page');
      const { problems, roots } = await plansOf(searchFor(middlingWord));
      assert.deepEqual(problems, []);
      if (engine === 'PostgreSQL') {
        assert.ok(roots.length > 1, 'the search took more than one window');
        for (const root of roots) {
          // The window's key range is an index condition (a b-tree range, alone or ANDed
          // with the GIN bitmap), never a filter over every match the GIN index holds.
          const keyRange = planNodes(root).some((n) => /search_entries_key/.test(n['Index Name'] ?? '') && /key <=/.test(n['Index Cond'] ?? '') && /key >=/.test(n['Index Cond'] ?? ''));
          assert.ok(keyRange, `a bounded key range:\n${describePlan(root)}`);
        }
      }
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
