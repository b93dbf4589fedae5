/** Fresh stores for benchmarks, dropped afterwards: a SQLite file, or a PostgreSQL schema. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';

/** Runs `work` on a fresh, migrated SQLite file and deletes it afterwards. */
export async function onSqlite<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` on a fresh, migrated PostgreSQL schema and drops it afterwards. */
export async function onPostgres<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const schema = `gazette_bench_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore(url, { schema, maxConnections: 4 });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
  }
}
