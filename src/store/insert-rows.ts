import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Engine } from './store.js';

/** How a column's values travel: the PostgreSQL array type they are sent as. */
export type RowColumnType = 'text' | 'integer' | 'bigint' | 'timestamptz';

/**
 * An insert of many rows of one table whose SQL text does not depend on how many rows there
 * are: the rows go as one parameter, a JSON array read by `json_each` on SQLite, and one array
 * per column read by `unnest` on PostgreSQL.
 *
 * Why: a `values (…), (…)` list is a new statement for every row count. On SQLite each one
 * was compiled afresh (the prepared-statement cache cannot keep texts that seldom recur), and
 * the query builder walked every value: for the event index, the band keys and the document
 * frequencies, about 200 to 500 rows per article, that cost more CPU than SQLite took to
 * write them. One text per table is compiled once.
 *
 * A string travels as the engine's driver would bind it (checked in the store contract): a
 * lone surrogate, escaped by JSON.stringify, is stored by SQLite as it stores a bound one,
 * and PostgreSQL's arrays are encoded as its bound strings are.
 *
 * `rows` hold the values in the order of `columns`. Returns the insert, so a conflict clause
 * can follow and `insertTogether` can send it with others.
 */
export function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  engine: Engine,
  table: T,
  columns: Readonly<Record<keyof Database[T] & string, RowColumnType>>,
  rows: readonly (readonly (string | number | null)[])[],
) {
  const names = Object.keys(columns) as (keyof Database[T] & string)[];
  const insert = db.insertInto(table).columns(names as never);
  if (engine === 'postgres') {
    const arrays = names.map((name, i) => sql`${rows.map((row) => row[i])}::${sql.raw(columns[name])}[]`);
    return insert.expression(sql`select * from unnest(${sql.join(arrays)})`);
  }
  // `where true` keeps SQLite from reading a conflict clause that follows as part of the select.
  const fields = names.map((_, i) => sql.raw(`value ->> ${i}`));
  return insert.expression(sql`select ${sql.join(fields)} from json_each(${JSON.stringify(rows)}) where true`);
}
