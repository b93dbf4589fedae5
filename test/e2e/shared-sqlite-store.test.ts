/**
 * One SQLite file shared by a serving node and three `gazette import` processes at once, as
 * on a one-machine install: every import finishes with exact counts, no "database is locked"
 * anywhere, and the site answers throughout. Then SIGTERM stops the server within 10 s.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { runGazette } from '../support/cli.js';
import { finished, gazetteCommand as cli, startServeProcess } from '../support/gazette-process.js';

const PER_FILE = 60;
const SHARED = 20;
const words = 'port council budget harbour minister talks market shares election storm ferry school rail energy price court'.split(' ');

/** An RSS 2.0 feed of `count` items with guids `<prefix>-<n>`: a few paragraphs each. */
function feed(prefix: string, count: number): string {
  const sentence = (n: number) => Array.from({ length: 14 }, (_, i) => words[(n * 7 + i * 5) % words.length]).join(' ');
  const items = Array.from({ length: count }, (_, n) => {
    const body = Array.from({ length: 5 }, (_, p) => `<p>${sentence(n + p * 3)} in ${prefix} report ${n}, part ${p}.</p>`).join('');
    return `<item><title>${prefix} story ${n}</title><link>https://shared.example/${prefix}/${n}</link><guid>${prefix}-${n}</guid>
<pubDate>${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${prefix}</title>${items.join('\n')}</channel></rss>`;
}

describe('a serving node and three imports on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-shared-'));
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', DEMO_CONTENT: 'false', SCHEDULER: 'false', INGEST_WORKERS: '1' };
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every item exactly once, keeps answering, and stops on SIGTERM', async () => {
    mkdirSync(join(dir, 'files'));
    // Only serve and migrate create a database; every other command expects one. Setting up
    // runs in-process; the server and the imports that share the file are processes.
    const migrated = await runGazette(['migrate'], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    const add = await runGazette(['provider', 'add', 'wire', '--name', 'Wire'], env);
    assert.equal(add.code, 0, add.stderr);
    const serving = await startServeProcess(env);
    server = serving.child;
    const { url, exit: serverExit } = serving;

    // Each import has a file of its own, and all three import one shared file too.
    const imports = ['a', 'b', 'c'].map((name) => {
      const files = join(dir, 'files', name);
      mkdirSync(files);
      writeFileSync(join(files, `${name}.xml`), feed(name, PER_FILE));
      writeFileSync(join(files, 'shared.xml'), feed('shared', SHARED));
      return finished(spawn(cli[0], [...cli.slice(1), 'import', files, '--provider', 'wire'], { env: { ...env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] }));
    });

    // The site keeps answering while they run.
    let importsDone = false;
    const statuses: number[] = [];
    const probing = (async () => {
      while (!importsDone) {
        for (const path of ['/healthz', '/']) statuses.push((await fetch(url + path)).status);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const results = await Promise.all(imports);
    importsDone = true;
    await probing;

    const counts = { read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of results) {
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr + r.stdout, /locked|SQLITE_BUSY/i);
      const m = /read (\d+), new (\d+), updated (\d+), unchanged (\d+), rejected (\d+)/.exec(r.stdout);
      assert.ok(m, r.stdout);
      counts.read += Number(m[1]);
      counts.new += Number(m[2]);
      counts.updated += Number(m[3]);
      counts.unchanged += Number(m[4]);
      counts.rejected += Number(m[5]);
    }
    // Every item read once per process; each article created by exactly one of them.
    assert.deepEqual(counts, { read: 3 * (PER_FILE + SHARED), new: 3 * PER_FILE + SHARED, updated: 0, unchanged: 2 * SHARED, rejected: 0 });
    const db = new BetterSqlite3(join(dir, 'data', 'gazette.sqlite'), { readonly: true });
    try {
      assert.equal((db.prepare('select count(*) as n from articles').get() as { n: number }).n, 3 * PER_FILE + SHARED);
      assert.equal((db.prepare('select count(*) as n from article_clusters').get() as { n: number }).n, 3 * PER_FILE + SHARED);
    } finally {
      db.close();
    }
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 200), `statuses: ${[...new Set(statuses)].join(', ')}`);

    const stopping = Date.now();
    server.kill('SIGTERM');
    const exit = await serverExit;
    assert.ok(Date.now() - stopping < 10_000, `stopped in ${Date.now() - stopping} ms`);
    assert.equal(exit.code, 0, exit.stderr);
  });
});
