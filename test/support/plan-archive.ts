/**
 * The query-plan tests' archive: a fresh store of either engine filled by the archive fixture
 * (test/support/archive-fixture.ts), with every statement it runs captured so a test can
 * explain what one call of the store ran.
 */
import assert from 'node:assert/strict';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { buildArchive, type ArchiveFacts, type ArchiveShape } from './archive-fixture.js';
import { openTestPostgresStore } from './postgres.js';
import type { Captured } from './query-plans.js';
import { openTestSqliteStore } from './sqlite.js';

export interface PlanArchive {
  store: KyselyStore;
  facts: ArchiveFacts;
  drop(): Promise<void>;
  /**
   * Runs `work` and returns the statements it ran, each text once with the parameters it
   * first ran with (transaction control left out: it has no plan). Splitting a story of
   * thousands of versions runs the same few statements tens of thousands of times, and
   * explaining every run cost the listing-plans file most of its time.
   */
  statementsOf(work: () => Promise<unknown>): Promise<Captured[]>;
}

export async function openPlanArchive(engine: 'SQLite' | 'PostgreSQL', shape: ArchiveShape): Promise<PlanArchive> {
  const captured: Captured[] = [];
  const onQuery = (text: string, parameters: readonly unknown[]) => captured.push({ sql: text, parameters });
  // The fixture loads rows into the schema as it was at 0005 and migrates from there.
  const at = { migratedTo: '0005-source-hash-and-full-text', onQuery };
  const { store, drop } = engine === 'SQLite' ? await openTestSqliteStore(at) : await openTestPostgresStore(at);
  const facts = await buildArchive(store, shape);
  return {
    store,
    facts,
    drop,
    async statementsOf(work) {
      captured.length = 0;
      await work();
      const statements = captured.splice(0).filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.sql));
      assert.ok(statements.length > 0, 'the work ran statements');
      const first = new Map<string, Captured>();
      for (const statement of statements) if (!first.has(statement.sql)) first.set(statement.sql, statement);
      return [...first.values()];
    },
  };
}
