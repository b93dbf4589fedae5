/**
 * A store's schema as lines of text that two databases can be compared by: every table's
 * columns (type, nullability, default), every index, constraint, trigger, view and function,
 * and the migrations recorded as run. What a missed or differently applied migration would
 * leave different (a column, an index, a constraint) shows as a differing line; the order
 * objects were created in and the schema's own name do not.
 */
import { sql } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';

export async function schemaShape(store: KyselyStore): Promise<string[]> {
  const lines = store.engine === 'sqlite' ? await sqliteShape(store) : await postgresShape(store);
  const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  return [...lines.sort(), ...migrations.rows.map((r) => `migration ${r.name}`)];
}

async function sqliteShape(store: KyselyStore): Promise<string[]> {
  // The stored CREATE text of each object: ALTER TABLE … ADD COLUMN rewrites a table's text,
  // so it holds the columns a migration added as well as those it was created with.
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where name not like 'sqlite_%' and name != 'kysely_migration' and name != 'kysely_migration_lock'`.execute(store.db);
  return objects.rows.map((o) => `${o.type} ${o.name}: ${(o.sql ?? '').replace(/\s+/g, ' ')}`);
}

async function postgresShape(store: KyselyStore): Promise<string[]> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
  // Definitions name the schema (a sequence in a column default, a table in an index); the
  // schema's name is the one thing two test databases are meant to differ in.
  const local = (text: string) => text.replaceAll(`${schema}.`, '');
  const skip = (table: string) => table === 'kysely_migration' || table === 'kysely_migration_lock';
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = ${schema}`.execute(store.db);
  const indexes = await sql<{ tablename: string; indexdef: string }>`
    select tablename, indexdef from pg_indexes where schemaname = ${schema}`.execute(store.db);
  const constraints = await sql<{ table_name: string; conname: string; def: string }>`
    select c.conrelid::regclass::text as table_name, c.conname, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = ${schema}`.execute(store.db);
  const triggers = await sql<{ tgname: string; def: string }>`
    select t.tgname, pg_get_triggerdef(t.oid) as def from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and not t.tgisinternal`.execute(store.db);
  const routines = await sql<{ proname: string; def: string }>`
    select p.proname, pg_get_functiondef(p.oid) as def from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${schema} and p.prokind in ('f', 'p')`.execute(store.db);
  const views = await sql<{ viewname: string; definition: string }>`
    select viewname, definition from pg_views where schemaname = ${schema}`.execute(store.db);
  return [
    ...columns.rows.filter((c) => !skip(c.table_name)).map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable === 'YES' ? 'null' : 'not null'} default ${local(c.column_default ?? '-')}`),
    ...indexes.rows.filter((i) => !skip(i.tablename)).map((i) => `index ${local(i.indexdef)}`),
    ...constraints.rows.filter((c) => !skip(local(c.table_name))).map((c) => `constraint ${local(c.table_name)}.${c.conname}: ${local(c.def)}`),
    ...triggers.rows.map((t) => `trigger ${t.tgname}: ${local(t.def)}`),
    ...routines.rows.map((r) => `function ${r.proname}: ${local(r.def).replace(/\s+/g, ' ')}`),
    ...views.rows.map((v) => `view ${v.viewname}: ${local(v.definition).replace(/\s+/g, ' ')}`),
  ];
}
