/**
 * What the migrated test databases are cloned from. Running the migrations costs a test
 * store far more than the test itself (on PostgreSQL, over a hundred DDL statements), so
 * each engine migrates a template once, at every step of the history, and a test store is a
 * copy of the template at the step it asks for: a file copy on SQLite, CREATE DATABASE …
 * TEMPLATE on PostgreSQL. The templates are named by a hash of the migrations' source, so
 * editing a migration (or adding one) builds new templates on the next run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrationNames } from '../../src/store/migrations/index.js';

const migrationsDir = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));

/** A short hash of every migration source file: templates built from other sources are never used. */
export const migrationsKey: string = (() => {
  const hash = createHash('sha256');
  // .ts in the sources, .js in the compiled tree `npm test` runs.
  const isSource = (f: string) => /\.[tj]s$/.test(f) && !/\.(test|contract)\.[tj]s$/.test(f);
  for (const name of readdirSync(migrationsDir).filter(isSource).sort()) {
    hash.update(name).update('\0').update(readFileSync(migrationsDir + name)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
})();

/** The latest migration: what a test store is migrated to unless it asks for an earlier step. */
export const latestMigration: string = migrationNames.at(-1)!;

/** The position of `step` in the history, with a clear error for a name that is not in it. */
export function stepIndex(step: string): number {
  const index = migrationNames.indexOf(step);
  if (index < 0) throw new Error(`No migration named ${step}; the history is ${migrationNames.join(', ')}`);
  return index;
}
