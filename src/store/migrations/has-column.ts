import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.js';

/**
 * Whether a table already has a column. Two columns were once added by editing landed
 * migrations, so some databases have them and some do not; the migration that adds them
 * properly asks first.
 */
export async function hasColumn(db: Kysely<any>, engine: Engine, table: string, column: string): Promise<boolean> {
  const rows =
    engine === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table}) where name = ${column}`.execute(db);
  return rows.rows.length > 0;
}
