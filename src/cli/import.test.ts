import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Provider } from '../domain/provider.js';
import { createIngestService } from '../pipeline/run-ingest.js';
import { seedTaxonomy } from '../store/seed-taxonomy.js';
import { runGazette } from '../../test/support/cli.js';
import { openTestSqliteStore } from '../../test/support/sqlite.js';
import { formatImportSummary, importFiles, listImportFiles } from './import.js';

const ingestData = fileURLToPath(new URL('../ingest/testdata/', import.meta.url));

/** A directory of mixed import files: feeds in each format, an article page, and bad files. */
function makeImportDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-import-'));
  for (const name of ['rss2.xml', 'atom10.xml', 'json-feed-1.1.json', 'newsml-g2-item.xml']) {
    copyFileSync(join(ingestData, 'formats', name), join(dir, name));
  }
  mkdirSync(join(dir, 'pages'));
  writeFileSync(
    join(dir, 'pages', 'budget.txt'),
    'City budget approved\n\nLONDON (Wire) - The council approved the budget on Monday.\nSpending on schools rises by four percent.\n',
  );
  writeFileSync(
    join(dir, 'pages', 'harbour.html'),
    '<html><head><title>Harbour page</title></head><body><article><h1>Harbour dredging starts</h1><p>Dredging of the harbour channel started on Monday and will take six weeks, the port authority said.</p><p>Ships will be guided through a single lane while the work goes on.</p></article></body></html>',
  );
  writeFileSync(
    join(dir, 'story.ninjs.json'),
    JSON.stringify({ uri: 'urn:wire:ninjs:42', type: 'text', headline: 'Ninjs story arrives', body_html: '<p>The story came as IPTC ninjs and reads like any other.</p>', language: 'en' }),
  );
  copyFileSync(join(ingestData, 'malformed', 'xxe.xml'), join(dir, 'zz-xxe.xml'));
  copyFileSync(join(ingestData, 'malformed', 'garbage.bin'), join(dir, 'zz-garbage.bin'));
  return dir;
}

describe('gazette import', () => {
  let db: Awaited<ReturnType<typeof openTestSqliteStore>>;
  let provider: Provider;
  let dir: string;

  before(async () => {
    db = await openTestSqliteStore();
    await seedTaxonomy(db.store);
    provider = await db.store.providers.create({ slug: 'wire', name: 'Wire' });
    dir = makeImportDir();
  });
  after(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports feeds of every format and article pages, and reports the files it cannot read', async () => {
    const result = await importFiles(createIngestService({ store: db.store }), provider, listImportFiles(dir));
    assert.equal(result.files, 9);
    assert.deepEqual(
      result.failedFiles.map((f) => [f.file.slice(dir.length + 1), /external entity|could not|Not a feed|not a readable/i.test(f.reason)]),
      [
        ['zz-garbage.bin', true],
        ['zz-xxe.xml', true],
      ],
    );
    // rss2 (2) + atom (1) + JSON Feed (2) + NewsML-G2 (1) + ninjs + text page + HTML page
    assert.equal(result.summary.read, 9);
    assert.equal(result.summary.created, 9, JSON.stringify(result.rejectedItems));
    assert.equal(await db.store.articles.count(), 9);
    assert.equal((await db.store.articles.findByGuid(provider.id, 'urn:wire:ninjs:42'))?.headline, 'Ninjs story arrives');

    const port = await db.store.articles.findByGuid(provider.id, 'harbour-1001');
    assert.equal(port?.headline, 'Port reopens after storm');
    assert.equal(port?.sourceUrl, 'https://harbour.example/news/port-reopens');
    assert.equal(port?.byline, 'Ana Lima');
    const g2 = await db.store.articles.findByGuid(provider.id, 'urn:newsml:agency.example:20250603:wire-5521');
    assert.equal(g2?.headline, 'Trade talks resume in Geneva');
    assert.equal(g2?.language, 'en');
    assert.ok(g2?.categories.includes('business'));
    const page = await db.store.articles.findByGuid(provider.id, 'file:budget.txt');
    assert.equal(page?.dateline, 'LONDON (Wire)');
    const html = await db.store.articles.findByGuid(provider.id, 'file:harbour.html');
    assert.match(html?.bodyText ?? '', /Dredging of the harbour channel/);
  });

  it('is idempotent: a second import finds every article unchanged and stores no duplicate', async () => {
    const again = await importFiles(createIngestService({ store: db.store }), provider, listImportFiles(dir));
    assert.deepEqual([again.summary.created, again.summary.updated, again.summary.unchanged], [0, 0, 9]);
    assert.equal(await db.store.articles.count(), 9);
  });

  it('updates a changed item in place, keeping its id', async () => {
    const before = await db.store.articles.findByGuid(provider.id, 'file:budget.txt');
    writeFileSync(join(dir, 'pages', 'budget.txt'), 'City budget approved after long debate\n\nThe council approved the budget on Monday night.\n');
    const result = await importFiles(createIngestService({ store: db.store }), provider, [join(dir, 'pages', 'budget.txt')]);
    assert.equal(result.summary.updated, 1);
    const after = await db.store.articles.findByGuid(provider.id, 'file:budget.txt');
    assert.equal(after?.id, before?.id);
    assert.equal(after?.headline, 'City budget approved after long debate');
  });

  it('stores items with NUL, control characters and impossible dates, flagging each, with escaped output', async () => {
    const file = fileURLToPath(new URL('../jobs/testdata/unsafe-items.json', import.meta.url));
    const result = await importFiles(createIngestService({ store: db.store }), provider, [file]);
    assert.deepEqual([result.summary.created, result.rejectedItems.length, result.flaggedItems.length], [4, 0, 3]);
    const printed = formatImportSummary(result, dir);
    assert.match(printed, /flagged .*harbour-1: Control, bidi-override or zero-width characters were removed from: guid, headline, text/);
    assert.match(printed, /flagged .*harbour-3: publishedAt 9999-12-31/);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(printed), printed);
  });

  it('changes nothing stored when the only file is malformed or an attack', async () => {
    const countBefore = await db.store.articles.count();
    for (const name of ['billion-laughs.xml', 'xxe.xml', 'garbage.bin']) {
      const result = await importFiles(createIngestService({ store: db.store }), provider, [join(ingestData, 'malformed', name)]);
      assert.equal(result.failedFiles.length, 1, name);
      assert.equal(result.summary.read, 0);
    }
    assert.equal(await db.store.articles.count(), countBefore);
  });

  it('reads a local feed bigger than the 10 MB fetch limit as a stream, one piece at a time', async () => {
    const big = join(dir, '..', `${provider.slug}-big.xml`);
    const item = (n: number) =>
      `<item><title>Ferry timetable change ${n}</title><guid>big-${n}</guid><description><![CDATA[<p>The ferry company changes its winter timetable ${n}; crossings leave an hour later on weekdays from next month.</p>]]></description></item>`;
    // Filler between items (as in a pretty-printed export) makes the file 12 MB without slowing the pipeline.
    const filler = ' '.repeat(400_000) + '\n';
    writeFileSync(big, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${Array.from({ length: 30 }, (_, n) => item(n) + filler).join('')}</channel></rss>`);
    try {
      const result = await importFiles(createIngestService({ store: db.store }), provider, [big]);
      assert.deepEqual(result.failedFiles, []);
      assert.equal(result.summary.created, 30);
      assert.ok(await db.store.articles.findByGuid(provider.id, 'big-29'));
    } finally {
      rmSync(big, { force: true });
    }
  });
});

describe('gazette import (the command)', () => {
  it('imports into the SQLite file under DATA_DIR and prints the summary', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gazette-cli-'));
    const run = async (...args: string[]) => {
      const result = await runGazette(args, { DATA_DIR: dataDir, DATABASE_URL: '' });
      assert.equal(result.code, 0, result.stderr);
      return result;
    };
    try {
      await run('migrate');
      await run('provider', 'add', 'harbour', '--name', 'Harbour Wire');
      const first = await run('import', join(ingestData, 'formats', 'rss2.xml'), '--provider', 'harbour');
      assert.match(first.stdout, /read 2, new 2, updated 0, unchanged 0, rejected 0/);
      const bad = await run('import', join(ingestData, 'malformed', 'xxe.xml'), '--provider', 'harbour');
      assert.match(bad.stdout, /unreadable files 1/);
      assert.match(bad.stdout, /external entity "secret"/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
