import type BetterSqlite3 from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

/** Distinct statements a running Gazette issues: a few hundred; more are rare one-offs. */
const MAX_STATEMENTS = 500;
/**
 * Statements with more parameters than this are kept only once their text comes a second
 * time: most such texts grow with the data (`in (?, ?, …)` over a story's versions, many
 * rows in one insert), so they seldom come again, and each compiled program holds native
 * memory the JavaScript heap does not see. Kept at once, a long import filled the cache with
 * them: peak RSS grew by about 150 MB over 3,000 items (measured; flat without them). Some
 * long ones recur with every item, though (an article's 25 band keys, its event-index
 * lookup), and compiling those each time cost as much as running them.
 */
const MAX_PARAMETERS_KEPT = 32;
/** Long statement texts seen once, remembered to recognise the second time. */
const MAX_SEEN_ONCE = 1_000;

/**
 * Kysely's SQLite driver prepares every statement again on each execution; compiling the
 * SQL costs more than running a listing's index range scan. This hands the driver a
 * connection whose `prepare` returns the already-compiled statement for the same SQL.
 * Safe because the driver runs one statement at a time per connection and binds the
 * parameters on every call.
 */
export function reusePreparedStatements(connection: BetterSqlite3.Database): BetterSqlite3.Database {
  const statements = new LRUCache<string, BetterSqlite3.Statement>({ max: MAX_STATEMENTS });
  const seenOnce = new LRUCache<string, true>({ max: MAX_SEEN_ONCE });
  const prepare = connection.prepare.bind(connection);
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = statements.get(source);
        if (!statement) {
          statement = prepare(source);
          if (parameterCount(source) <= MAX_PARAMETERS_KEPT || seenOnce.has(source)) statements.set(source, statement);
          else seenOnce.set(source, true);
        }
        return statement;
      };
    },
  });
}

/** The `?` placeholders Kysely wrote into `source` (it never inlines a value that holds one). */
function parameterCount(source: string): number {
  let count = 0;
  for (let i = source.indexOf('?'); i !== -1 && count <= MAX_PARAMETERS_KEPT; i = source.indexOf('?', i + 1)) count++;
  return count;
}
