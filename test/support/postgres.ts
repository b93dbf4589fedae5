import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, set by `npm test` when a
 * server answers and always by CI. Undefined means the PostgreSQL suites are skipped.
 */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests are skipped, or false when they run. */
export const skipPostgres: string | false = testDatabaseUrl
  ? false
  : 'PostgreSQL suite skipped: TEST_DATABASE_URL is not set and no server answered on 127.0.0.1:5432';

/**
 * Opens a migrated store in a fresh schema of its own, so test files can run in parallel,
 * and returns it with a function that drops the schema again.
 */
export async function openTestPostgresStore(
  options: { migrate?: boolean; onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<{ store: KyselyStore; schema: string; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) throw new Error(String(skipPostgres));
  const schema = `gazette_test_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore(testDatabaseUrl, { schema, maxConnections: 4, onQuery: options.onQuery });
  if (options.migrate !== false) await store.migrate();
  return {
    store,
    schema,
    drop: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
