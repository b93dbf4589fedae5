import { Kysely } from 'kysely';
import pg from 'pg';
import { GazetteError } from '../../domain/errors.js';
import { ChangeHub } from '../change-feed.js';
import { KyselyStore } from '../kysely-store.js';
import { CurrentSchemaPostgresDialect } from './current-schema-dialect.js';
import { postgresChangeSource } from './postgres-change-source.js';
import type { Database } from '../schema.js';

/** Options for a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Put Gazette's tables in this schema (created when missing); tests use one per suite. */
  schema?: string;
  maxConnections?: number;
  /** Called with every statement the store runs and the milliseconds it took, waiting included (query-plan tests, tracing). */
  onQuery?: (sql: string, parameters: readonly unknown[], ms: number) => void;
}

/**
 * Connects to PostgreSQL and checks the connection at once, so a wrong DATABASE_URL stops
 * start-up with one clear line instead of failing on the first request.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<KyselyStore> {
  const safeUrl = redactPassword(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GazetteError('CONFIG_INVALID', `DATABASE_URL is not a valid URL: ${safeUrl}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new GazetteError('CONFIG_INVALID', `DATABASE_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new GazetteError('CONFIG_INVALID', `Invalid PostgreSQL schema name: ${schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // No JIT compilation: every statement Gazette runs reads a few hundred rows by index, but a
  // search's union of key windows is estimated above jit_above_cost, and compiling it took
  // 43 of its 48 ms at 1,000,000 articles. (pg runs this before the client's first query.)
  pool.on('connect', (client) => void client.query('set jit = off').catch(() => {}));
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new GazetteError('STORAGE_UNAVAILABLE', `Cannot connect to PostgreSQL at ${safeUrl}: ${(cause as Error).message}`, { cause });
  }
  const hub = new ChangeHub(postgresChangeSource(pool, schema));
  const onQuery = options.onQuery;
  const db = new Kysely<Database>({
    dialect: new CurrentSchemaPostgresDialect({ pool }),
    ...(onQuery && { log: (event) => onQuery(event.query.sql, event.query.parameters, event.queryDurationMillis) }),
  });
  const store = new KyselyStore(db, 'postgres', hub, schema);
  store.pool = pool;
  return store;
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
