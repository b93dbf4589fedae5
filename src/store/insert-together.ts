import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Engine } from './store.js';

/**
 * Runs inserts that do not depend on each other (none reads what another writes). On
 * PostgreSQL they go as one statement, each but the last a data-modifying `with` clause,
 * which PostgreSQL runs whether or not anything refers to it
 * (https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING): one
 * round trip instead of one per insert. SQLite, whose statements are calls within the
 * process, runs them one after the other.
 */
export async function insertTogether(db: Kysely<Database>, engine: Engine, inserts: readonly Compilable[]): Promise<void> {
  if (engine !== 'postgres' || inserts.length < 2) {
    for (const insert of inserts) await db.executeQuery(insert.compile());
    return;
  }
  const clauses = inserts.slice(0, -1).map((insert, i) => sql`${sql.raw(`w${i}`)} as (${insert})`);
  await sql`with ${sql.join(clauses)} ${inserts.at(-1)!}`.execute(db);
}
