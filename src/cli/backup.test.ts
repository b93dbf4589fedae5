/**
 * `gazette backup` as an operator runs it, against a real SQLite file that another thread
 * keeps writing to the whole time: the copy opens as a Gazette database, passes SQLite's
 * integrity check and holds a consistent snapshot; an existing file is kept without --force.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { articleDraft } from '../../test/support/article-draft.js';
import { makeMigratedDataDir, runGazette } from '../../test/support/cli.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';

const require = createRequire(import.meta.url);

/** A thread that inserts providers into the database as fast as it can until told to stop. */
function startWriter(file: string): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.driver);
     const db = new Database(workerData.file);
     db.pragma('busy_timeout = 10000');
     const insert = db.prepare("insert into providers (slug, name, disclaimer, created_at) values (?, ?, '', ?)");
     let n = 0, stop = false;
     parentPort.on('message', () => { stop = true; });
     (function write() {
       if (stop) { db.close(); parentPort.postMessage(n); return; }
       insert.run('writer-' + (++n), 'Writer ' + n, new Date().toISOString());
       setImmediate(write);
     })();`,
    { eval: true, workerData: { file, driver: require.resolve('better-sqlite3') } },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (n: number) => void worker.terminate().then(() => resolve(n)));
        worker.postMessage('stop');
      }),
  };
}

describe('gazette backup (command line)', () => {
  let dataDir: string;
  const gazette = (...args: string[]) => runGazette(args, { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'false' });

  before(async () => {
    dataDir = await makeMigratedDataDir();
    // A few megabytes, so the copy takes many pages while the writer goes on.
    const store = openSqliteStore(join(dataDir, 'gazette.sqlite'));
    const providerId = (await store.providers.create({ slug: 'wire', name: 'Wire' })).id;
    for (let i = 0; i < 300; i++) await store.articles.upsert(articleDraft({ providerId, guid: `b-${i}`, headline: `Story ${i}`, bodyText: `Paragraph ${i}. `.repeat(500) }));
    await store.close();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('copies the database while another thread writes to it, into a file Gazette opens', async () => {
    const writer = startWriter(join(dataDir, 'gazette.sqlite'));
    await new Promise((r) => setTimeout(r, 100));
    const target = join(dataDir, 'backup.sqlite');
    const run = await gazette('backup', target);
    const written = await writer.stop();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Backed up .* to .*backup\.sqlite: [\d.]+ MB, 300 articles, integrity ok\./);
    assert.ok(written > 0, 'the writer kept writing during the backup');

    const copy = openSqliteStore(target, { mustExist: true });
    try {
      assert.equal(await copy.articles.count(), 300);
      const writers = (await copy.providers.list()).filter((p) => p.slug.startsWith('writer-'));
      // A snapshot: whatever the writer had committed when the copy was taken, with no gaps.
      const numbers = writers.map((p) => Number(p.slug.slice(7))).sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
      assert.ok(numbers.length <= written);
      assert.deepEqual(await copy.pendingMigrations(), []);
    } finally {
      await copy.close();
    }
    const raw = new BetterSqlite3(target, { readonly: true });
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();
    assert.deepEqual(readdirSync(dataDir).filter((f) => f.includes('partial')), [], 'no partial file is left');
  });

  it('keeps an existing file unless --force, and refuses to write over the database', async () => {
    const target = join(dataDir, 'existing.sqlite');
    writeFileSync(target, 'precious');
    const refused = await gazette('backup', target);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /exists; choose another file, or add --force/);
    assert.equal(readFileSync(target, 'utf8'), 'precious');
    const forced = await gazette('backup', target, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    const over = await gazette('backup', join(dataDir, 'gazette.sqlite'), '--force');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /cannot be written over the database itself/);
    const noFolder = await gazette('backup', join(dataDir, 'no', 'such', 'dir.sqlite'));
    assert.match(noFolder.stderr, /does not exist/);
    assert.ok(!existsSync(join(dataDir, 'no')));
  });

  it('points a PostgreSQL installation to pg_dump', async () => {
    const run = await runGazette(['backup', join(dataDir, 'pg.dump')], { DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /pg_dump -Fc .* pg_restore/);
  });
});
