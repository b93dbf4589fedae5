/**
 * Items per second from a large feed file, end to end (parse → pipeline → store) into SQLite
 * and, when a server answers, PostgreSQL; the baseline in the same run is parse-only
 * throughput, so the ratio shows what the pipeline and the store cost. Reports peak RSS.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { ingestItems } from '../src/pipeline/run-ingest.js';
import type { RawItem } from '../src/domain/raw-item.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres-store.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { postgresUrl } from './postgres-url.js';
import type { Benchmark, BenchRow } from './benchmark.js';

const ITEMS = 3000;
const words = 'port council budget harbour minister talks market shares election storm ferry school rail energy price court'.split(' ');

/** A realistic RSS 2.0 feed: content:encoded bodies of a few paragraphs, categories, authors. */
function makeFeed(items: number): Buffer {
  const sentence = (n: number) => Array.from({ length: 12 }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ');
  const body = (n: number) => Array.from({ length: 6 }, (_, p) => `<p>${sentence(n + p)} number ${n}-${p}.</p>`).join('');
  const entries = Array.from(
    { length: items },
    (_, n) => `<item><title>Story ${n}: ${sentence(n).slice(0, 60)}</title><link>https://bench.example/story/${n}</link>
<guid>bench-${n}</guid><pubDate>${new Date(Date.UTC(2025, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${n % 17}</dc:creator><category>${n % 2 ? 'Business' : 'Sport'}</category>
<description>${sentence(n)}</description><content:encoded><![CDATA[${body(n)}]]></content:encoded></item>`,
  );
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench</title><link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`);
}

function parseItems(bytes: Buffer): RawItem[] {
  const result = parseFeed(bytes, { maxBytes: 100 * 1024 * 1024 });
  if (result.kind === 'rejected') throw new Error(result.reason);
  return result.items;
}


const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function endToEnd(engine: string, store: Store, bytes: Buffer): Promise<BenchRow> {
  await seedTaxonomy(store);
  const provider = await store.providers.create({ slug: 'bench', name: 'Bench' });
  const started = performance.now();
  const summary = await ingestItems(store, provider, parseItems(bytes));
  const seconds = (performance.now() - started) / 1000;
  const againStarted = performance.now();
  const again = await ingestItems(store, provider, parseItems(bytes));
  const againSeconds = (performance.now() - againStarted) / 1000;
  if (summary.created !== ITEMS || again.unchanged !== ITEMS) throw new Error(`unexpected counts: ${JSON.stringify([summary.created, again.unchanged])}`);
  return {
    path: `parse + pipeline + ${engine} (new items)`,
    'items/s': Math.round(ITEMS / seconds),
    're-import items/s (all unchanged)': Math.round(ITEMS / againSeconds),
    'peak RSS MB': peakRssMb(),
  };
}

const bench: Benchmark = {
  name: `Feed ingest: ${ITEMS} items from one RSS file, end to end`,
  group: 'speed',
  async run() {
    const bytes = makeFeed(ITEMS);
    parseItems(bytes); // warm-up
    const rounds = 3;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) parseItems(bytes);
    const parseRate = (ITEMS * rounds) / ((performance.now() - started) / 1000);
    const rows: BenchRow[] = [{ path: 'parse only (baseline)', 'items/s': Math.round(parseRate), 'peak RSS MB': peakRssMb() }];
    const notes = [`feed file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${ITEMS} items; each item commits in its own transaction.`];

    const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
    const sqlite = openSqliteStore(join(dir, 'bench.sqlite'));
    try {
      await sqlite.migrate();
      rows.push(await endToEnd('SQLite', sqlite, bytes));
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }

    const url = await postgresUrl();
    if (url) {
      const schema = `gazette_bench_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore(url, { schema, maxConnections: 4 });
      try {
        await store.migrate();
        rows.push(await endToEnd('PostgreSQL', store, bytes));
      } finally {
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
      }
    } else {
      notes.push('PostgreSQL skipped: no server answered (set TEST_DATABASE_URL).');
    }
    for (const row of rows) row['ratio vs parse only'] = Number(row['items/s']) / parseRate;
    return { rows, notes };
  },
};

export default bench;
