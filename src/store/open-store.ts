import type { Config } from '../config/load-config.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import type { Store } from './store.js';

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded SQLite file, and migrates it. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): Promise<Store> {
  const store = config.databaseUrl ? await openPostgresStore(config.databaseUrl) : openSqliteStore(config.sqliteFile);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
