/**
 * Does ingest cost per item stay flat as the store grows? The same new ~600-word items are
 * stored into SQLite and PostgreSQL holding 0, 100,000 and 1,000,000 articles (loaded by SQL, each with a
 * story cluster and 25 LSH band keys, published over the year before). The CPU stages are
 * done once beforehand, so the figure is the store's share: repeat check, upsert, entities,
 * cluster lookup and assignment, commit. The baseline is the empty store, in the same run,
 * each figure also taken per a CPU-bound reference loop measured just before it.
 */
import { sql } from 'kysely';
import { clusterOptions } from '../src/cluster/cluster-options.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { createIngestService } from '../src/pipeline/run-ingest.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { onPostgres, onSqlite } from './bench-stores.js';
import { cpuMsSince, referenceLoopMs } from './cpu-meter.js';
import { postgresUrl } from './postgres-url.js';
import type { Store } from '../src/store/store.js';
import { makeFeed } from './make-feed.js';
import { processedBeforehand } from './processed-beforehand.js';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '0,100000,1000000').split(',').map(Number);
/** PostgreSQL's sizes, when they should differ (its bulk load of 1,000,000 takes far longer). */
const PG_SIZES = (process.env.BENCH_SCALE_SIZES_PG ?? SIZES.join(',')).split(',').map(Number);
const ITEMS = 400;

/** Loads `count` articles with clusters and band keys in a few statements, on either engine. */
async function bulkLoad(store: KyselyStore, providerId: number, count: number): Promise<void> {
  if (count === 0) return;
  const db = store.db;
  if (store.engine === 'postgres') {
    await sql`
      insert into articles (provider_id, guid, slug, headline, summary, body_html, body_text, language, published_at, updated_at, ingested_at, status, content_hash, source_hash)
      select ${providerId}, 'bulk-' || n, 'bulk-story-' || n, 'Bulk story ' || n, '', '<p>Bulk body ' || n || '</p>', 'Bulk body ' || n, 'en',
        t, t, t, 'published', md5(random()::text) || md5(random()::text), ''
      from (select n, timestamptz '2025-01-01' - ((${count} - n) * 31536.0 / ${count} * 1000) * interval '1 second' as t from generate_series(1, ${count}) n) dated`.execute(db);
    await sql`insert into article_clusters (article_id, cluster_id, match, similarity, signature) select id, id, 'first', 1, '' from articles where guid like 'bulk-%'`.execute(db);
    await sql`
      insert into lsh_bands (band_key, article_id, published_at)
      select b || ':' || substr(md5(random()::text), 1, 8), id, published_at from articles, generate_series(0, 24) b where guid like 'bulk-%'`.execute(db);
    // As an archive that has been in use: rows read once (hint bits set, the visibility map
    // up to date, as autovacuum leaves them) and the bulk load's dirty pages written out. Without
    // this the measured items pay for the load: their first reads write hint bits over the
    // fresh pages, and a checkpoint flushes gigabytes while they run.
    await sql`vacuum (analyze)`.execute(db);
    await sql`checkpoint`.execute(db).catch(() => {}); // needs pg_checkpoint or superuser
    return;
  }
  await sql`
    insert into articles (provider_id, guid, slug, headline, summary, body_html, body_text, language, published_at, updated_at, ingested_at, status, content_hash, source_hash)
    with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${count}),
      dated(n, t) as (select n, strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '-' || ((${count} - n) * 31536000 / ${count}) || ' seconds') from seq)
    select ${providerId}, 'bulk-' || n, 'bulk-story-' || n, 'Bulk story ' || n, '', '<p>Bulk body ' || n || '</p>', 'Bulk body ' || n, 'en',
      t, t, t, 'published', lower(hex(randomblob(32))), ''
    from dated`.execute(db);
  await sql`insert into article_clusters (article_id, cluster_id, match, similarity, signature) select id, id, 'first', 1, '' from articles where guid like 'bulk-%'`.execute(db);
  await sql`
    insert into lsh_bands (band_key, article_id, published_at)
    with recursive band(b) as (select 0 union all select b + 1 from band where b < 24)
    select b || ':' || lower(hex(randomblob(4))), id, published_at from articles, band where guid like 'bulk-%'`.execute(db);
  await sql`analyze`.execute(db);
}

const bench: Benchmark = {
  name: `Ingest cost as the store grows: ${ITEMS} new items into SQLite and PostgreSQL holding ${SIZES.map((s) => s.toLocaleString('en')).join(' / ')} articles`,
  group: 'speed',
  async run() {
    const parsed = parseFeed(makeFeed(ITEMS, { prefix: 'scale' }), { maxBytes: 1e9 });
    if (parsed.kind === 'rejected') throw new Error(parsed.reason);
    const cluster = clusterOptions();
    // The CPU half, done beforehand: only the store's work is timed.
    const processed = processedBeforehand(parsed.items, cluster);
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const url = await postgresUrl();
    if (!url) notes.push('PostgreSQL skipped: no server answered (set TEST_DATABASE_URL).');
    type Open = (work: (store: Store) => Promise<void>) => Promise<void>;
    const engines: [string, Open, number[]][] = [['SQLite', onSqlite, SIZES]];
    if (url) engines.push(['PostgreSQL', (work) => onPostgres(url, work), PG_SIZES]);
    for (const [engine, open, sizes] of engines) {
      let base: { ms: number; cpu: number } | undefined;
      for (const size of sizes) {
        await open(async (store) => {
          await seedTaxonomy(store);
          const provider = await store.providers.create({ slug: 'scale', name: 'Scale' });
          const loadStarted = performance.now();
          await bulkLoad(store as KyselyStore, provider.id, size);
          const loadSeconds = (performance.now() - loadStarted) / 1000;
          const ingest = createIngestService({ store, processor: processed, cluster });
          await ingest.ingest(provider, parsed.items.slice(0, 50)); // warm-up
          const referenceMs = referenceLoopMs();
          const cpuStart = process.cpuUsage();
          const started = performance.now();
          const summary = await ingest.ingest(provider, parsed.items.slice(50));
          const ms = (performance.now() - started) / (ITEMS - 50);
          const cpu = cpuMsSince(cpuStart) / (ITEMS - 50);
          if (summary.created !== ITEMS - 50) throw new Error(`created ${summary.created}`);
          base ??= { ms, cpu };
          rows.push({
            engine,
            'articles stored': size,
            'store ms per new item': Number(ms.toFixed(3)),
            'Gazette CPU ms per item': Number(cpu.toFixed(3)),
            'CPU ratio vs empty': cpu / base.cpu,
            'wall ratio vs empty': ms / base.ms,
            // The machine's load at the time: the same loop takes longer when others use the cores.
            'reference loop ms': Math.round(referenceMs),
            'bulk load s': Number(loadSeconds.toFixed(1)),
          });
        });
      }
    }
    notes.push(
      'items are stored a few per transaction (repeat check, upsert, entities, cluster lookup and assignment, listing refresh, commit); CPU stages excluded.',
      'Gazette CPU is this process only: on PostgreSQL the server\'s own CPU is not in it.',
    );
    return { rows, notes };
  },
};

export default bench;
