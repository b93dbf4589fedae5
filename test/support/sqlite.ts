import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/** Opens a migrated store on a real SQLite file in a temporary directory. */
export async function openTestSqliteStore(): Promise<{ store: KyselyStore; dir: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-test-'));
  const store = openSqliteStore(join(dir, 'gazette.sqlite'));
  await store.migrate();
  return {
    store,
    dir,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
