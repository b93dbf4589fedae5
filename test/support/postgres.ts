import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { migrationNames } from '../../src/store/migrations/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { latestMigration, migrationsKey, stepIndex } from './migration-templates.js';

const run = promisify(execFile);

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, set by `npm test` when a
 * server answers and always by CI. Undefined means the PostgreSQL suites are skipped.
 */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests are skipped, or false when they run. */
export const skipPostgres: string | false = testDatabaseUrl
  ? false
  : 'PostgreSQL suite skipped: TEST_DATABASE_URL is not set and no server answered on 127.0.0.1:5432';

export interface TestPostgresStore {
  store: KyselyStore;
  schema: string;
  /** A DATABASE_URL that reaches this store's tables, for a `gazette serve` of the test. */
  url: string;
  drop: () => Promise<void>;
}

/**
 * Opens a store in a fresh schema of its own, so test files can run in parallel, and returns
 * it with a function that drops the schema again. The schema is migrated to the latest
 * migration, to `migratedTo` (the upgrade tests), or left empty with `migrate: false`; a
 * migrated schema is a copy of the migrated template (see postgresTemplate).
 */
export async function openTestPostgresStore(
  options: { migrate?: boolean; migratedTo?: string; onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<TestPostgresStore> {
  if (!testDatabaseUrl) throw new Error(String(skipPostgres));
  const schema = `gazette_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrate === false ? undefined : await postgresTemplate(options.migratedTo ?? latestMigration);
  if (template) await admin((client) => client.query(template.replaceAll(TEMPLATE_SCHEMA, schema)));
  const store = await openPostgresStore(testDatabaseUrl, { schema, maxConnections: 4, onQuery: options.onQuery });
  // Without a dump of the template (no pg_dump here), the store runs the migrations itself.
  if (template === null) await store.migrateTo(options.migratedTo ?? latestMigration);
  // Kysely opens its driver on the first query and closes only an opened one (see sqlite.ts).
  await store.ping();
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    store,
    schema,
    url: url.toString(),
    drop: async () => {
      await store.close();
      await admin((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** Runs `work` on a connection of its own to the test database. */
async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The schema the templates are built in; its name, unique to the migrations, is replaced in a copy. */
const TEMPLATE_SCHEMA = `gazette_template_${migrationsKey}`;

/**
 * The SQL that makes a schema as the migrations left it at `step` (tables, indexes,
 * sequences and rows, named in TEMPLATE_SCHEMA): pg_dump's dump of a template schema,
 * built for every step together, once per migrations' source and server version, by the
 * first test file that needs them (the others wait on an advisory lock), and kept in the
 * system's temporary folder. Running it costs one round trip instead of the migrations'
 * hundred-odd statements, and no migration lock (which Kysely takes for the whole database,
 * so test files migrating side by side wait for each other). Null when pg_dump is missing.
 */
let templates: Promise<string | null> | undefined;
async function postgresTemplate(step: string): Promise<string | null> {
  templates ??= admin(buildPostgresTemplates);
  const dir = await templates;
  return dir === null ? null : readFileSync(join(dir, `${stepIndex(step)}.sql`), 'utf8');
}

async function buildPostgresTemplates(client: pg.Client): Promise<string | null> {
  const version = (await client.query<{ server_version_num: string }>('show server_version_num')).rows[0]!.server_version_num;
  const dir = join(tmpdir(), `gazette-test-templates-${migrationsKey}-postgres-${version}`);
  if (existsSync(dir)) return dir;
  await client.query(`select pg_advisory_lock(hashtext('gazette test templates'))`);
  try {
    if (existsSync(dir)) return dir;
    const building = mkdtempSync(`${dir}.building-`);
    await client.query(`drop schema if exists ${TEMPLATE_SCHEMA} cascade`);
    const store = await openPostgresStore(testDatabaseUrl!, { schema: TEMPLATE_SCHEMA, maxConnections: 1 });
    try {
      for (const [index, step] of migrationNames.entries()) {
        await store.migrateTo(step);
        const dump = await dumpSchema(TEMPLATE_SCHEMA);
        if (dump === null) {
          rmSync(building, { recursive: true, force: true });
          return null;
        }
        writeFileSync(join(building, `${index}.sql`), dump);
      }
    } finally {
      await store.close();
      await client.query(`drop schema if exists ${TEMPLATE_SCHEMA} cascade`);
    }
    renameSync(building, dir);
    return dir;
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('gazette test templates'))`);
  }
}

/**
 * pg_dump's SQL for `schema` with its rows as INSERTs, without its psql-only lines; it runs
 * as one query on a connection of its own (its SET commands last as long as the connection).
 */
async function dumpSchema(schema: string): Promise<string | null> {
  try {
    const { stdout } = await run('pg_dump', ['--schema', schema, '--inserts', '--no-owner', '--no-privileges', '--dbname', testDatabaseUrl!], { maxBuffer: 64 * 1024 * 1024 });
    return stdout
      .split('\n')
      .filter((line) => !line.startsWith('\\'))
      .join('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
