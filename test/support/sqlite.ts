import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/** Opens a migrated store on a real SQLite file in a temporary directory. */
export async function openTestSqliteStore(
  options: { migrate?: boolean; onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<{ store: KyselyStore; dir: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-test-'));
  const store = openSqliteStore(join(dir, 'gazette.sqlite'), { onQuery: options.onQuery });
  if (options.migrate !== false) await store.migrate();
  return {
    store,
    dir,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
