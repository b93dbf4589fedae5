/**
 * A crash or kill in the middle of an import leaves only whole articles, and running the
 * import again finishes the job. The import runs as the real `gazette import` process and is
 * killed with SIGKILL (no chance to clean up) while it is storing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { runGazette } from '../support/cli.js';
import { gazetteCommand } from '../support/gazette-process.js';

// Enough that the import is still running when it is killed after its first 20 articles.
const FILES = 300;

function story(i: number): string {
  return [
    `Harbour report number ${i} on shipping traffic`,
    `(Northwind) The port handled ${1000 + i} containers this week, officials said on Monday, as traffic through the northern terminals kept rising.`,
    `Operators expect volumes to grow further in the spring, when two new cranes enter service at the container terminal number ${i % 7}.`,
    `Unions said they would follow the expansion closely and asked for talks on shift patterns before the summer season begins.`,
  ].join('\n');
}

describe('an import killed midway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-kill-'));
  const files = join(dir, 'files');
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves only whole articles, and a second run completes it', async () => {
    mkdirSync(files);
    for (let i = 0; i < FILES; i++) writeFileSync(join(files, `story-${String(i).padStart(4, '0')}.txt`), story(i));
    // Setting up runs in-process; only the import that gets killed needs its own process.
    assert.equal((await runGazette(['migrate'], env)).code, 0);
    const add = await runGazette(['provider', 'add', 'northwind', '--name', 'Northwind'], env);
    assert.equal(add.code, 0, add.stderr);

    const child = spawn(gazetteCommand[0], [...gazetteCommand.slice(1), 'import', files, '--provider', 'northwind'], { env, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const dbFile = join(dir, 'data', 'gazette.sqlite');
    const count = () => {
      const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('select count(*) as n from articles').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    let atKill = 0;
    for (let waited = 0; waited < 120_000 && atKill < 20; waited += 25) {
      await new Promise((r) => setTimeout(r, 25));
      atKill = count();
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = count();
    assert.ok(afterKill > 0 && afterKill < FILES, `killed midway (${afterKill} of ${FILES} stored)`);

    // Every stored article is whole: it has its cluster membership and band keys, which
    // are written last in the same transaction.
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      assert.equal((db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
      const partial = db
        .prepare(
          `select count(*) as n from articles a
           where not exists (select 1 from article_clusters c where c.article_id = a.id)
              or not exists (select 1 from lsh_bands b where b.article_id = a.id)`,
        )
        .get() as { n: number };
      assert.equal(partial.n, 0, 'no half-written article');
    } finally {
      db.close();
    }

    const again = await runGazette(['import', files, '--provider', 'northwind'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`new ${FILES - afterKill}\\b`));
    assert.equal(count(), FILES);
  });
});
