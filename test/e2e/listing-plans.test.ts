/**
 * Every query behind a reader page is an index range scan on both engines: no full scan of
 * a large table and no sort, checked on the plans each engine really makes for a 20,000
 * article archive (SQLite without ANALYZE statistics, PostgreSQL after ANALYZE as
 * autovacuum leaves it).
 */
import assert from 'node:assert/strict';
import { CompiledQuery } from 'kysely';
import { after, before, describe, it } from 'node:test';
import type { ListingScope } from '../../src/domain/listing.js';
import { articleDraft } from '../support/article-draft.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { ArchiveFacts } from '../support/archive-fixture.js';
import { openPlanArchive, type PlanArchive } from '../support/plan-archive.js';
import { skipPostgres } from '../support/postgres.js';
import { explainPlan, planProblems } from '../support/query-plans.js';

const LARGE_TABLES = ['articles', 'listing_entries', 'article_clusters', 'article_entities', 'article_categories', 'quotes', 'entities', 'popular_entries', 'story_popularity'];

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`listing query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    let archive: PlanArchive;
    let store: KyselyStore;
    let facts: ArchiveFacts;

    before(async () => {
      archive = await openPlanArchive(engine, { articles: 20_000 });
      ({ store, facts } = archive);
    });
    after(async () => archive?.drop());

    /** Runs `work`, then explains every statement it ran and returns their problems. */
    async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
      const problems: string[] = [];
      for (const statement of await archive.statementsOf(work)) {
        for (const problem of await planProblems(store, statement, LARGE_TABLES)) problems.push(`${problem} in: ${statement.sql}`);
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

    it('pages the admin article list by status, provider and headline prefix by index range scans only', async () => {
      const provider = (await store.providers.findBySlug(facts.providerSlug))!;
      const first = await store.articles.adminPage({ status: 'published' }, undefined, 50);
      assert.equal(first.rows.length, 50);
      const deep = { id: first.rows.at(-1)!.id - 5_000 };
      const prefix = first.rows[0]!.headline.slice(0, 3);
      for (const [name, filter] of [
        ['status', { status: 'published' as const }],
        ['status and provider', { status: 'published' as const, providerId: provider.id }],
        ['headline prefix', { status: 'published' as const, headlinePrefix: prefix }],
        ['taken down', { status: 'taken_down' as const }],
      ] as const) {
        assert.deepEqual(await problemsOf(() => store.articles.adminPage(filter, undefined, 50)), [], `${name}, first page`);
        const cursor = 'headlinePrefix' in filter ? { id: deep.id, headline: prefix } : deep;
        assert.deepEqual(await problemsOf(() => store.articles.adminPage(filter, cursor, 50)), [], `${name}, deep`);
      }
    });

    it('reads a feed’s bodies and an API page’s story sizes by primary key and cluster index', async () => {
      const page = await store.listings.page({ kind: 'latest' }, {}, 50);
      const ids = [...page.items.map((i) => i.id), facts.bigStoryHeadId];
      assert.deepEqual(await problemsOf(() => store.listings.details(ids)), []);
      const sizes = await store.listings.storySizes([...page.items.map((i) => i.storyId), facts.bigStoryHeadId]);
      assert.ok(sizes.get(facts.bigStoryHeadId)! > 1, 'the big story counts its versions');
      assert.deepEqual(await problemsOf(() => store.listings.storySizes(page.items.map((i) => i.storyId))), []);
    });

    it('runs the repeat check of a poll by one index (on SQLite from the index alone, never the articles themselves)', async () => {
      const provider = (await store.providers.findBySlug(facts.providerSlug))!;
      const stored = await store.db.selectFrom('articles').select('guid').where('provider_id', '=', provider.id).orderBy('id').limit(64).execute();
      const guids = [...stored.map((r) => r.guid), 'not-stored-yet'];
      const stamps = await store.articles.findStamps(provider.id, guids);
      assert.equal(stamps.size, stored.length, 'every stored guid is found, the new one is not');
      const [statement] = await archive.statementsOf(() => store.articles.findStamps(provider.id, guids));
      const { problems, plan } = await explainPlan(store, statement!, LARGE_TABLES);
      assert.deepEqual(problems, []);
      // SQLite names an index that holds every column read; PostgreSQL reads the same index
      // (whether it also skips the table depends on its visibility map, which VACUUM keeps).
      if (engine === 'SQLite') assert.match(plan, /USING COVERING INDEX articles_repeat_check/);
      else assert.match(plan, /Index (Only )?Scan on articles_repeat_check|Bitmap Index Scan on articles_repeat_check/, plan);
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

    it('ranks most popular, writes counted views and reads front-page teasers by index', async () => {
      // A week of readers: every story of the archive read at least once.
      const recent = (await store.listings.page({ kind: 'latest' }, {}, 100)).items;
      const older = await store.listings.cursorAt({ kind: 'latest' }, 3_000);
      const counts: { articleId: number; views: number; at: Date }[] = [];
      let cursor = undefined as Parameters<typeof store.listings.page>[1];
      for (let i = 0; i < 200 && (i === 0 || cursor); i++) {
        const page = await store.listings.page({ kind: 'latest' }, cursor ?? {}, 100);
        counts.push(...page.items.map((t, k) => ({ articleId: t.id, views: 1 + ((i * 100 + k) % 17), at: new Date() })));
        cursor = page.older ? { before: page.older } : undefined;
      }
      for (let i = 0; i < counts.length; i += 2_000) await store.popularity.record(counts.slice(i, i + 2_000), 24);
      if (store.engine === 'postgres') await store.db.executeQuery(CompiledQuery.raw('analyze popular_entries; analyze story_popularity'));
      const since = (older?.sortAt ?? 0) - 1;
      for (const scope of [{ kind: 'latest' }, { kind: 'category', slug: facts.categorySlug }, { kind: 'language', language: 'en' }] as ListingScope[]) {
        assert.ok((await store.listings.popular(scope, since, 10)).length > 0, `${scope.kind} has a ranking`);
        assert.deepEqual(await problemsOf(() => store.listings.popular(scope, since, 10)), [], `most popular in ${scope.kind}`);
      }
      assert.deepEqual(await problemsOf(() => store.popularity.scores(recent.slice(0, 40).map((t) => t.storyId))), []);
      assert.deepEqual(await problemsOf(() => store.listings.teasers(recent.slice(0, 20).map((t) => t.id))), []);
      assert.deepEqual(await problemsOf(() => store.popularity.record(counts.slice(0, 500), 24)), [], 'a flush');
      assert.deepEqual(await problemsOf(() => store.popularity.prune(since - 30 * 86_400_000)), []);
    });

    it('adds a new version to a story of thousands without reading its versions, by index', async () => {
      const provider = (await store.providers.findBySlug(facts.providerSlug))!;
      const draft = articleDraft({ providerId: provider.id, guid: 'plan-new-version', headline: 'Another version of the big story', publishedAt: new Date() });
      const statements = await archive.statementsOf(() =>
        store.transaction(async (tx) => {
          const { article } = await tx.articles.upsert(draft);
          await tx.clusters.assign({ articleId: article.id, clusterId: facts.bigStoryHeadId, match: 'event', similarity: 0.6, signature: 'AAAA', bandKeys: [], publishedAt: draft.publishedAt, fresh: true, links: [{ articleId: facts.bigStoryHeadId, similarity: 0.6 }] });
        }),
      );
      // Rebuilding the story would read its thousands of version ids (and pass them back as
      // parameters); writing its entries' search rows again, in one insert, may take many.
      assert.deepEqual(statements.filter((s) => /^select/.test(s.sql) && s.parameters.length > 100).map((s) => s.sql), []);
      assert.ok(!statements.some((s) => /from "article_clusters" where "cluster_id" (=|in) /.test(s.sql)), 'the story’s versions were not listed');
      const listingReads = statements.filter((s) => /^select .* from "listing_entries"/.test(s.sql));
      assert.ok(listingReads.length > 0, 'the story’s entries were read instead');
      for (const statement of listingReads) assert.deepEqual(await planProblems(store, statement, LARGE_TABLES), [], statement.sql);
      const heads = (await store.listings.page({ kind: 'provider', providerId: provider.id }, {}, 100)).items.filter((i) => i.storyId === facts.bigStoryHeadId);
      assert.ok(heads.length <= 1, 'the provider lists the story once');
    });

    it('keeps a story’s listings on a write by index: the ingest transaction costs the same at any size', async () => {
      const problems = await problemsOf(() => store.articles.setStatus(facts.bigStoryHeadId, 'unpublished'));
      assert.deepEqual(problems, []);
      assert.ok(!(await store.listings.page({ kind: 'latest' }, {}, 100)).items.some((a) => a.id === facts.bigStoryHeadId));
    });
  });
}
