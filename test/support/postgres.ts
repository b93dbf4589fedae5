import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { migrationNames } from '../../src/store/migrations/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { latestMigration, migrationsKey, stepIndex } from './migration-templates.js';

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, set by `npm test` when a
 * server answers and always by CI. Undefined means the PostgreSQL suites are skipped.
 */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests are skipped, or false when they run. */
export const skipPostgres: string | false = testDatabaseUrl
  ? false
  : 'PostgreSQL suite skipped: TEST_DATABASE_URL is not set and no server answered on 127.0.0.1:5432';

/** The schema Gazette's tables live in, in every template and every database cloned from one. */
const TEMPLATE_SCHEMA = 'gazette_test';

export interface TestPostgresStore {
  store: KyselyStore;
  schema: string;
  /** A DATABASE_URL that reaches this store's tables, for a `gazette serve` of the test. */
  url: string;
  drop: () => Promise<void>;
}

/**
 * Opens a store of its own, so test files can run in parallel, and returns it with a function
 * that drops it again. A migrated store (the latest schema, or `migratedTo` a step for the
 * upgrade tests) is a database cloned from a migrated template; with `migrate: false` it is
 * an empty schema in the test database.
 */
export async function openTestPostgresStore(
  options: { migrate?: boolean; migratedTo?: string; onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<TestPostgresStore> {
  if (!testDatabaseUrl) throw new Error(String(skipPostgres));
  const name = `gazette_test_${randomBytes(6).toString('hex')}`;
  if (options.migrate === false) {
    const store = await openPostgresStore(testDatabaseUrl, { schema: name, maxConnections: 4, onQuery: options.onQuery });
    const dropSchema = () => admin((client) => client.query(`drop schema if exists ${name} cascade`));
    return { store, schema: name, url: urlOf(testDatabaseUrl, name), drop: closeThen(store, dropSchema) };
  }
  const template = await postgresTemplate(options.migratedTo ?? latestMigration);
  await admin((client) => client.query(`create database ${name} template ${template}`));
  const databaseUrl = databaseUrlOf(name);
  const dropDatabase = () => admin((client) => client.query(`drop database if exists ${name} with (force)`));
  try {
    const store = await openPostgresStore(databaseUrl, { schema: TEMPLATE_SCHEMA, maxConnections: 4, onQuery: options.onQuery });
    return { store, schema: TEMPLATE_SCHEMA, url: urlOf(databaseUrl, TEMPLATE_SCHEMA), drop: closeThen(store, dropDatabase) };
  } catch (error) {
    await dropDatabase();
    throw error;
  }
}

const closeThen = (store: KyselyStore, dispose: () => Promise<unknown>) => async () => {
  await store.close();
  await dispose();
};

/** The test server's URL with another database name. */
function databaseUrlOf(database: string): string {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** `databaseUrl` with its search path set to `schema`, as a separate process would connect. */
function urlOf(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Runs `work` on a connection of its own to the test database (creating and dropping databases). */
async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const templateName = (index: number) => `gazette_template_${migrationsKey}_${index}`;

/**
 * The database to clone for a store migrated to `step`. The templates of every step are built
 * together, once per migrations' source, by the first test file that needs them (the others
 * wait on an advisory lock); each step's is the previous one's clone migrated one step on.
 * They refuse connections once built: a connected template cannot be cloned.
 */
let templatesReady: Promise<void> | undefined;
async function postgresTemplate(step: string): Promise<string> {
  templatesReady ??= admin(buildPostgresTemplates);
  await templatesReady;
  return templateName(stepIndex(step));
}

async function buildPostgresTemplates(client: pg.Client): Promise<void> {
  const last = templateName(migrationNames.length - 1);
  await client.query(`select pg_advisory_lock(hashtext('gazette test templates'))`);
  try {
    const built = await client.query('select 1 from pg_database where datname = $1', [last]);
    if (built.rowCount) return;
    // A build that stopped half-way (the last template is made last) leaves steps to redo.
    const partial = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`gazette_template_${migrationsKey}_%`]);
    for (const { datname } of partial.rows) await client.query(`drop database ${datname} with (force)`);
    for (const [index, step] of migrationNames.entries()) {
      const name = templateName(index);
      await client.query(index === 0 ? `create database ${name}` : `create database ${name} template ${templateName(index - 1)}`);
      const store = await openPostgresStore(databaseUrlOf(name), { schema: TEMPLATE_SCHEMA, maxConnections: 1 });
      try {
        await store.migrateTo(step);
      } finally {
        await store.close();
      }
      await client.query(`alter database ${name} allow_connections false`);
    }
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('gazette test templates'))`);
  }
}
