import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite dialect, except that every transaction begins with `BEGIN IMMEDIATE`.
 * Kysely begins deferred (`BEGIN`): the write lock is then taken at the first write, and if
 * another process holds it by then SQLite fails at once with SQLITE_BUSY ("database is
 * locked") whatever busy_timeout says, since waiting could deadlock two readers that both
 * want to write. `BEGIN IMMEDIATE` takes the write lock up front, where busy_timeout does
 * wait, so several import processes and a serving node share one file without errors.
 * Every Gazette transaction writes, so nothing is lost by asking for the lock at once.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
