import type { Config } from '../config/load-config.js';
import type { Store } from './store.js';

/**
 * Opens PostgreSQL when DATABASE_URL is set, else the embedded SQLite file, and migrates it
 * unless told not to. With `mustExist`, a missing SQLite file is an error, not a new database.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'sqliteFile'>,
  options: { migrate?: boolean; mustExist?: boolean } = {},
): Promise<Store> {
  // Each engine's driver is loaded only when used: pg costs a SQLite process about 15 MB.
  const store = config.databaseUrl
    ? await (await import('./postgres/open-postgres-store.js')).openPostgresStore(config.databaseUrl)
    : (await import('./sqlite/open-sqlite-store.js')).openSqliteStore(config.sqliteFile, { mustExist: options.mustExist });
  if (options.migrate === false) return store;
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
