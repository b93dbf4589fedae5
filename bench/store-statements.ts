/**
 * `tsx bench/store-statements.ts [items]`: statements the store runs per new item, on SQLite
 * and (when a server answers) PostgreSQL, with the most frequent kinds. The CPU stages run
 * beforehand, so only the store's statements are counted; on PostgreSQL each is a round trip.
 */
import { clusterOptions } from '../src/cluster/cluster-options.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { createIngestService } from '../src/pipeline/run-ingest.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import { seedTaxonomy } from '../src/store/seed-taxonomy.js';
import type { Store } from '../src/store/store.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { makeFeed } from './make-feed.js';
import { processedBeforehand } from './processed-beforehand.js';
import { postgresUrl } from './postgres-url.js';

const ITEMS = Number(process.argv[2] ?? 600);
/** A group's CPU budget in ms (store-items.ts's default unless given; a large one keeps groups at 50 items). */
const BUDGET = process.argv[3] ? Number(process.argv[3]) : undefined;
/** When given, every row the run stored is written to `<DUMP>.<engine>.json`, to compare two trees. */
const DUMP = process.argv[4];

/** A statement's kind: its first words, parameter lists folded. */
function kind(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/sp_\d+/g, 'sp_n').replace(/\(\$?\d*\??(, \$?\d*\??)*\)/g, '(…)').replace(/\$\d+/g, '?').slice(0, 110);
}

const parsed = parseFeed(makeFeed(ITEMS, { prefix: 'count' }), { maxBytes: 1e9 });
if (parsed.kind === 'rejected') throw new Error(parsed.reason);
const items = parsed.items;
const cluster = clusterOptions();
const processed = processedBeforehand(items, cluster);

async function count(engine: string, store: Store, seen: string[]): Promise<void> {
  await store.migrate();
  await seedTaxonomy(store);
  const provider = await store.providers.create({ slug: 'count', name: 'Count' });
  const ingest = createIngestService({ store, processor: processed, cluster, groupBudgetMs: BUDGET });
  seen.length = 0;
  took.length = 0;
  const serverBefore = engine === 'PostgreSQL' ? await serverCpuMs(store as KyselyStore) : new Map<number, number>();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await ingest.ingest(provider, items);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const serverAfter = engine === 'PostgreSQL' ? await serverCpuMs(store as KyselyStore) : new Map<number, number>();
  let server = 0;
  for (const [pid, after] of serverAfter) server += after - (serverBefore.get(pid) ?? 0);
  console.log(`CPU per item: this process ${((used.user + used.system) / 1000 / summary.created).toFixed(2)} ms, PostgreSQL backends ${(server / summary.created).toFixed(2)} ms`);
  const kinds = new Map<string, number>();
  const time = new Map<string, number>();
  for (const [i, s] of seen.entries()) {
    kinds.set(kind(s), (kinds.get(kind(s)) ?? 0) + 1);
    time.set(kind(s), (time.get(kind(s)) ?? 0) + (took[i] ?? 0));
  }
  const total = took.reduce((a, b) => a + b, 0);
  console.log(`statements took ${(total / summary.created).toFixed(2)} ms per item of ${(ms / summary.created).toFixed(2)} ms`);
  console.log(`\n${engine}: ${summary.created} new items, ${seen.length} statements, ${(seen.length / summary.created).toFixed(2)} per item, ${(summary.created / (ms / 1000)).toFixed(0)} items/s (store only)`);
  const groups = kinds.get('commit') ?? 0;
  console.log(`${(summary.created / Math.max(1, groups)).toFixed(1)} items per transaction`);
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(n / summary.created).toFixed(3).padStart(7)} ${((time.get(k) ?? 0) / summary.created).toFixed(3).padStart(7)} ms  ${k}`);
  if (DUMP) writeFileSync(`${DUMP}.${engine}.json`, JSON.stringify(await dump(store as KyselyStore)));
}

/** CPU milliseconds used so far by each PostgreSQL backend serving this run (Linux /proc; ticks of 10 ms). */
async function serverCpuMs(store: KyselyStore): Promise<Map<number, number>> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${APP}`.execute(store.db);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // Not on Linux, or the server runs elsewhere: no figure.
    }
  }
  return out;
}

/** Tables the store path writes, every row in a stable order, without the times of the run itself. */
const TABLES = ['articles', 'article_categories', 'entities', 'article_entities', 'quotes', 'article_clusters', 'cluster_links', 'lsh_bands', 'event_keys', 'event_profiles', 'event_term_docs', 'listing_entries', 'search_entries', 'webhook_outbox'];
const RUN_TIMES = new Set(['ingested_at', 'at', 'created_at']);

async function dump(store: KyselyStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    out[table] = rows
      .map((r) => JSON.stringify(Object.entries(r).filter(([c]) => !(RUN_TIMES.has(c) && table !== 'event_keys')), (_, v) => (typeof v === 'bigint' ? String(v) : v)))
      .sort();
  }
  return out;
}

/** This run's connections, to find their server processes. */
const APP = `gazette-count-${process.pid}`;
const seen: string[] = [];
const took: number[] = [];
const observe = (statement: string, _parameters: readonly unknown[], ms: number) => {
  seen.push(statement);
  took.push(ms);
};
const dir = mkdtempSync(join(tmpdir(), 'gazette-count-'));
const sqlite = openSqliteStore(join(dir, 'count.sqlite'), { onQuery: observe });
try {
  await count('SQLite', sqlite, seen);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}
const url = await postgresUrl();
if (url) {
  const schema = `gazette_count_${randomBytes(6).toString('hex')}`;
  const named = new URL(url);
  named.searchParams.set('application_name', APP);
  const store = await openPostgresStore(named.toString(), { schema, maxConnections: 4, onQuery: observe });
  try {
    await count('PostgreSQL', store, seen);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
  }
}
