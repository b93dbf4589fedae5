import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GazetteError } from '../../domain/errors.js';

/** What a finished backup holds. */
export interface BackupReport {
  file: string;
  bytes: number;
  articles: number;
  /** SQLite's `quick_check` of the copy: "ok" when it is sound. */
  check: string;
}

/**
 * Takes an online backup of a SQLite database with SQLite's backup API (better-sqlite3
 * `.backup()`): the server keeps reading and writing while it runs. After a first small step
 * the rest is copied in one step, so writes in between restart the copy at most once and it
 * always finishes, as one consistent snapshot. The copy is written beside the target and
 * renamed into place, so a crash never leaves half a backup under the target's name; it is
 * then opened and checked. An existing target is kept unless `overwrite`.
 */
export async function backupSqlite(source: string, target: string, options: { overwrite?: boolean } = {}): Promise<BackupReport> {
  const from = resolve(source);
  const to = resolve(target);
  if (!existsSync(from)) throw new GazetteError('NOT_FOUND', `No Gazette database at ${from}; set DATA_DIR to where it is.`);
  if (to === from || to === `${from}-wal` || to === `${from}-shm`) throw new GazetteError('VALIDATION_FAILED', 'The backup cannot be written over the database itself.');
  if (existsSync(to) && !options.overwrite) throw new GazetteError('VALIDATION_FAILED', `${to} exists; choose another file, or add --force to replace it.`);
  if (!existsSync(dirname(to))) throw new GazetteError('VALIDATION_FAILED', `The folder ${dirname(to)} does not exist.`);
  const partial = join(dirname(to), `.${basename(to)}.partial-${process.pid}`);
  const db = new BetterSqlite3(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (cause) {
    rmSync(partial, { force: true });
    throw new GazetteError('STORAGE_UNAVAILABLE', `The backup failed: ${(cause as Error).message}`, { cause });
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(partial, { fileMustExist: true });
  let check: string;
  let articles: number;
  try {
    check = String(copy.pragma('quick_check', { simple: true }));
    articles = Number((copy.prepare('select count(*) as n from articles').get() as { n: number }).n);
  } finally {
    copy.close();
  }
  if (check !== 'ok') {
    rmSync(partial, { force: true });
    throw new GazetteError('STORAGE_UNAVAILABLE', `The backup copy failed its check (${check}); nothing was written to ${to}.`);
  }
  renameSync(partial, to);
  return { file: to, bytes: statSync(to).size, articles, check };
}
