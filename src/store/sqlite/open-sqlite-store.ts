import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { GazetteError } from '../../domain/errors.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect.js';

/** Opens (creating when needed) a SQLite database file in WAL mode. */
export function openSqliteStore(file: string): KyselyStore {
  if (file !== ':memory:') ensureWritableDirectory(dirname(file));
  let connection: BetterSqlite3.Database;
  try {
    connection = new BetterSqlite3(file);
  } catch (cause) {
    throw new GazetteError('STORAGE_UNAVAILABLE', `Cannot open the SQLite database ${file}: ${(cause as Error).message}`, { cause });
  }
  // WAL lets readers go on while the ingester writes; NORMAL sync is safe with WAL.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  // Writers wait for each other (up to 10 s) instead of failing; transactions take the write
  // lock up front (ImmediateSqliteDialect), where this wait applies.
  connection.pragma('busy_timeout = 10000');
  return new KyselyStore(new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: connection }) }), 'sqlite');
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (cause) {
    throw new GazetteError(
      'STORAGE_UNAVAILABLE',
      `The data directory ${dir} cannot be written (${(cause as NodeJS.ErrnoException).code ?? 'error'}); set DATA_DIR to a writable directory.`,
      { cause },
    );
  }
}
