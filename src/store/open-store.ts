import type { Config } from '../config/load-config.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import type { Store } from './store.js';

/**
 * Opens PostgreSQL when DATABASE_URL is set, else the embedded SQLite file, and migrates it
 * unless told not to. With `mustExist`, a missing SQLite file is an error, not a new database.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'sqliteFile'>,
  options: { migrate?: boolean; mustExist?: boolean } = {},
): Promise<Store> {
  const store = config.databaseUrl ? await openPostgresStore(config.databaseUrl) : openSqliteStore(config.sqliteFile, { mustExist: options.mustExist });
  if (options.migrate === false) return store;
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
