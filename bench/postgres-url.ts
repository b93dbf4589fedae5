import pg from 'pg';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DATABASE = 'gazette_bench';

/**
 * The PostgreSQL database benchmarks build their archives in: BENCH_DATABASE_URL, else a
 * `gazette_bench` database on the server of TEST_DATABASE_URL (the local test server by
 * default), created when missing; null when no server answers (the PostgreSQL rows are then
 * left out). Never the test database itself: migrating a large archive holds Kysely's
 * migration lock, which is one per database, for minutes, and would stall every test.
 */
export async function postgresUrl(): Promise<string | null> {
  if (process.env.BENCH_DATABASE_URL) return (await answers(process.env.BENCH_DATABASE_URL)) ? process.env.BENCH_DATABASE_URL : null;
  const server = process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [BENCH_DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${BENCH_DATABASE}`);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(server);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
