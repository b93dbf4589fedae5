/**
 * The dashboards' "views per day" chart reads `daily_views` (migration 0022) by an index range
 * on its key's leading `day` column, for every provider and for one, on both engines: three
 * years of days for 40 providers (43,800 rows), of which the chart reads the last week.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openTestPostgresStore, skipPostgres } from '../support/postgres.js';
import { planProblems, type Captured } from '../support/query-plans.js';
import { openTestSqliteStore } from '../support/sqlite.js';

const DAY_MS = 86_400_000;
const PROVIDERS = 40;
const DAYS = 3 * 365;
/** The last day with views: 2026-01-01. */
const LAST_DAY = Date.UTC(2026, 0, 1) / DAY_MS;

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe(`daily views query plans: ${engine}`, { skip: engine === 'PostgreSQL' && skipPostgres }, () => {
    const captured: Captured[] = [];
    let store: KyselyStore;
    let drop: () => Promise<void>;
    const providerIds: number[] = [];

    before(async () => {
      const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
      ({ store, drop } = engine === 'SQLite' ? await openTestSqliteStore({ onQuery }) : await openTestPostgresStore({ onQuery }));
      for (let p = 0; p < PROVIDERS; p++) providerIds.push((await store.providers.create({ slug: `provider-${p}`, name: `Provider ${p}` })).id);
      const rows = Array.from({ length: DAYS }, (_, d) => providerIds.map((id, p) => ({ day: LAST_DAY - d, provider_id: id, views: 10 + ((d + p) % 7) }))).flat();
      for (let i = 0; i < rows.length; i += 800) await store.db.insertInto('daily_views').values(rows.slice(i, i + 800)).execute();
      if (engine === 'PostgreSQL') await sql`analyze`.execute(store.db);
    });
    after(async () => drop?.());

    async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
      captured.length = 0;
      await work();
      const statements = captured.splice(0);
      assert.ok(statements.length > 0);
      const problems: string[] = [];
      for (const statement of statements) for (const p of await planProblems(store, statement, ['daily_views'])) problems.push(`${p} in: ${statement.sql}`);
      return problems;
    }

    it('reads the last week for all providers and for one by an index range', async () => {
      const since = new Date((LAST_DAY - 6) * DAY_MS);
      const all = await store.popularity.viewsPerDay(since);
      assert.equal(all.length, 7, 'a row per day of the week');
      assert.equal(all[0]!.day.toISOString(), '2025-12-26T00:00:00.000Z', 'oldest day first');
      assert.equal(all.at(-1)!.day.toISOString(), '2026-01-01T00:00:00.000Z');
      const one = await store.popularity.viewsPerDay(since, providerIds[3]!);
      assert.deepEqual(
        one.map((r) => r.views),
        [6, 5, 4, 3, 2, 1, 0].map((d) => 10 + ((d + 3) % 7)),
        'one provider’s own views, day by day',
      );
      assert.deepEqual(await problemsOf(() => store.popularity.viewsPerDay(since)), []);
      assert.deepEqual(await problemsOf(() => store.popularity.viewsPerDay(since, providerIds[3]!)), []);
    });
  });
}
