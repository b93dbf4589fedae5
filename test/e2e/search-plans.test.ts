/**
 * Every search runs on the engine's full-text index on both engines: FTS5's MATCH on SQLite,
 * the GIN index (or, for a word in most stories, the search key's b-tree walked newest
 * first) on PostgreSQL; never a full scan of articles or of the search entries, and no sort
 * of all matches. On PostgreSQL each step of a search (a widening window, newest first) asks
 * the GIN index for the window's time buckets with the words, or walks a bounded range of
 * the key's b-tree, so a word in a few percent of stories does not read every match in the
 * archive. Checked on the plans each engine makes for an archive with searchable text.
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

const GIN_INDEX = 'search_entries_timed_document_idx';

/** A sort fed by a bitmap scan that reads the search document's GIN index: one window's matches, newest first. */
function readsGinOnly(sort: PlanNode): boolean {
  const input = sort.Plans?.[0];
  return input?.['Node Type'] === 'Bitmap Heap Scan' && describePlan(input).includes(GIN_INDEX);
}

/** A time-bucket lexeme (see search-time-buckets.ts) in a GIN lookup's condition. */
const TIME_BUCKET = /' t\d+ -?\d+'/;

/** The windows of one search statement: the branches of its UNION ALL (or the statement itself). */
function windowsOf(root: PlanNode): PlanNode[] {
  const append = planNodes(root).find((n) => n['Node Type'] === 'Append');
  return append?.Plans ?? [root];
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
        if (explained.root && / @@ /.test(statement.sql)) roots.push(explained.root);
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
        const candidatePlan = plans.find((p) => p.includes('search_fts') || p.includes(GIN_INDEX)) ?? plans.join('\n');
        assert.match(candidatePlan, engine === 'SQLite' ? /search_fts VIRTUAL TABLE INDEX/ : new RegExp(`Bitmap Index Scan on ${GIN_INDEX}`), q);
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

    it('reads a word in a few percent of stories newest first, each window bounded in time inside the index', async () => {
      const { middlingWord } = facts.search!;
      const page = await searchFor(middlingWord)();
      assert.equal(page.hits.length, 20, 'the word is in enough stories for a full page');
      const { problems, roots } = await plansOf(searchFor(middlingWord));
      assert.deepEqual(problems, []);
      if (engine === 'PostgreSQL') {
        assert.equal(roots.length, 1, 'one statement looks in every window');
        const windows = windowsOf(roots[0]!);
        assert.ok(windows.length > 1, 'the search has more than one window');
        for (const window of windows) {
          // A window's bound is an index condition: its time buckets in the GIN lookup, or a
          // range of the key's b-tree; never a filter over every match the GIN index holds.
          const nodes = planNodes(window);
          const inBuckets = nodes.some((n) => n['Index Name'] === GIN_INDEX && TIME_BUCKET.test(n['Index Cond'] ?? ''));
          const keyRange = nodes.some((n) => /search_entries_key/.test(n['Index Name'] ?? '') && /key <=/.test(n['Index Cond'] ?? '') && /key >=/.test(n['Index Cond'] ?? ''));
          assert.ok(inBuckets || keyRange, `a bounded window:\n${describePlan(window)}`);
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
