import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Engine } from '../store.js';

/** The column type for a point in time: text ISO-8601 in SQLite, timestamptz in PostgreSQL. */
export function timestampType(engine: Engine): 'text' | 'timestamptz' {
  return engine === 'postgres' ? 'timestamptz' : 'text';
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
): CreateTableBuilder<T, 'id'> {
  return engine === 'postgres'
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
