/**
 * Items per second from a large feed file of ~600-word items, end to end (parse → pipeline →
 * store) into SQLite and, when a server answers, PostgreSQL: on this thread alone (the
 * baseline, measured in the same run) and on the worker pool gazette serve and gazette import
 * use. Then the same file again, every item unchanged. Reports peak RSS.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { RawItem } from '../src/domain/raw-item.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { createProcessPool, type ItemProcessor } from '../src/pipeline/process-pool.js';
import { createIngestService } from '../src/pipeline/run-ingest.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import type { Store } from '../src/store/store.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { cpuMsSince, referenceLoopMs } from './cpu-meter.js';
import { makeFeed } from './make-feed.js';
import { onPostgres, onSqlite } from './bench-stores.js';
import { postgresUrl } from './postgres-url.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 3000);

function parseItems(bytes: Buffer): RawItem[] {
  const result = parseFeed(bytes, { maxBytes: 1e9 });
  if (result.kind === 'rejected') throw new Error(result.reason);
  return result.items;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * New items, then the same items again (all unchanged), through the ingest service.
 * `groupBudgetMs` 0 stores one item per transaction, as ingest did before it grouped them.
 */
async function endToEnd(label: string, store: Store, bytes: Buffer, processor?: ItemProcessor, groupBudgetMs?: number): Promise<BenchRow[]> {
  await seedTaxonomy(store);
  const provider = await store.providers.create({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Bench' });
  const ingest = createIngestService({ store, processor, groupBudgetMs });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await ingest.ingest(provider, parseItems(bytes));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuMsSince(cpu) / ITEMS;
  const items = parseItems(bytes);
  const againCpu = process.cpuUsage();
  const againStarted = performance.now();
  const again = await ingest.ingest(provider, items);
  const againSeconds = (performance.now() - againStarted) / 1000;
  const againCpuMs = cpuMsSince(againCpu) / ITEMS;
  if (summary.created !== ITEMS || again.unchanged !== ITEMS) throw new Error(`unexpected counts: ${JSON.stringify([summary.created, again.unchanged])}`);
  return [
    { path: `${label}: new items (parse + pipeline + store)`, 'items/s': Math.round(ITEMS / seconds), 'CPU ms per item': Number(cpuMs.toFixed(3)), 'peak RSS MB': peakRssMb() },
    { path: `${label}: the same items again, all unchanged (after parse)`, 'items/s': Math.round(ITEMS / againSeconds), 'CPU ms per item': Number(againCpuMs.toFixed(4)), 'peak RSS MB': peakRssMb() },
  ];
}

const bench: Benchmark = {
  name: `Feed ingest: ${ITEMS} ~600-word items from one RSS file, end to end`,
  group: 'speed',
  async run() {
    const bytes = makeFeed(ITEMS);
    const threads = availableParallelism();
    const notes = [
      `feed file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${ITEMS} items; items commit several per short transaction (up to 50, or 20 ms of CPU); pool: ${threads} threads.`,
      'CPU ms per item is this process, pool threads included (on PostgreSQL not the server); items/s is wall time and follows the load on the machine.',
    ];
    const rows: BenchRow[] = [];
    const pool = createProcessPool({ threads });
    try {
      // The baseline first: the same service with everything on this thread.
      rows.push(...(await onSqlite((store) => endToEnd('SQLite, one thread (baseline)', store, bytes))));
      rows.push(...(await onSqlite((store) => endToEnd(`SQLite, pool of ${threads}`, store, bytes, pool))));
      // The same pool storing one item per transaction: what grouping the commits buys.
      const single = await onSqlite((store) => endToEnd(`SQLite, pool of ${threads}, one item per transaction`, store, bytes, pool, 0));
      rows.push(single[0]!);
      const url = await postgresUrl();
      if (url) {
        rows.push(...(await onPostgres(url, (store) => endToEnd('PostgreSQL, one thread (baseline)', store, bytes))));
        rows.push(...(await onPostgres(url, (store) => endToEnd(`PostgreSQL, pool of ${threads}`, store, bytes, pool))));
      } else {
        notes.push('PostgreSQL skipped: no server answered (set TEST_DATABASE_URL).');
      }
    } finally {
      await pool.close();
    }
    const base = new Map<string, number>();
    for (const row of rows) {
      const key = `${String(row.path).split(',')[0]}${String(row.path).includes('unchanged') ? ' again' : ''}`;
      if (String(row.path).includes('one item per transaction')) {
        const grouped = rows.find((r) => r.path === `SQLite, pool of ${threads}: new items (parse + pipeline + store)`);
        notes.push(`grouped commits: ×${(Number(grouped?.['items/s']) / Number(row['items/s'])).toFixed(2)} the items/s of one item per transaction on the same pool, same run.`);
      }
      if (String(row.path).includes('baseline')) base.set(key, Number(row['items/s']));
      row['ratio vs baseline'] = Number(row['items/s']) / (base.get(key) ?? Number(row['items/s']));
    }
    notes.push(`reference loop (bench/cpu-meter.ts) at the end of the run: ${Math.round(referenceLoopMs())} ms.`);
    return { rows, notes };
  },
};

export default bench;
