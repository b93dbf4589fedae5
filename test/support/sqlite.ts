import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { migrationNames } from '../../src/store/migrations/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { latestMigration, migrationsKey, stepIndex } from './migration-templates.js';

/**
 * Opens a store on a real SQLite file in a temporary directory: migrated to the latest
 * schema, to `migratedTo` (the upgrade tests), or left empty with `migrate: false`.
 */
export async function openTestSqliteStore(
  options: { migrate?: boolean; migratedTo?: string; onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<{ store: KyselyStore; dir: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-test-'));
  const file = join(dir, 'gazette.sqlite');
  if (options.migrate !== false) copyFileSync(await sqliteTemplate(options.migratedTo ?? latestMigration), file);
  const store = openSqliteStore(file, { onQuery: options.onQuery });
  // Kysely opens its driver on the first query and closes only an opened one: used once, as
  // the migrations used it, the store's close() really closes the file (tests close it to
  // take the database away).
  await store.ping();
  return {
    store,
    dir,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated SQLite file to copy: the database as the migrations left it at `step`. The
 * templates of every step are built together, once per migrations' source, in the system's
 * temporary folder (shared by the test files, which run in parallel: the folder appears
 * whole, by a rename, or not at all).
 */
export async function sqliteTemplate(step: string): Promise<string> {
  const dir = join(tmpdir(), `gazette-test-templates-${migrationsKey}`);
  if (!existsSync(dir)) await buildSqliteTemplates(dir);
  return join(dir, `${stepIndex(step)}.sqlite`);
}

async function buildSqliteTemplates(dir: string): Promise<void> {
  const building = mkdtempSync(`${dir}.building-`);
  const file = join(building, 'build.sqlite');
  for (const [index, step] of migrationNames.entries()) {
    // Closed after each step, so the write-ahead log is folded into the file that is copied.
    const store = openSqliteStore(file);
    await store.migrateTo(step);
    await store.close();
    copyFileSync(file, join(building, `${index}.sqlite`));
  }
  rmSync(file);
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another test file built them at the same time and renamed first: use its copy.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}
