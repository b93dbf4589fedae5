/**
 * Cost of event-level clustering per new article as the store grows: the document
 * frequencies of its terms, the candidate lookup on the event index, and the scoring of
 * what it finds, against stores of 1k, 10k and 100k clustered articles (1M with
 * CLUSTER_COST_MAX=1000000), on SQLite and on PostgreSQL. Reported as the ratio to the
 * 1k store measured in the same run; the target is ≤ 1.3× at 1M.
 *
 * The stores are synthetic, built in bulk SQL: articles a minute apart, each with a
 * profile, 16 term keys over a 50,000-word vocabulary, 8 entity keys over 20,000 entities,
 * and one hot entity in every tenth article (a "United States"). Only the clustering tables
 * are filled (foreign keys to articles are off for the build): the measured statements read
 * nothing else. PostgreSQL runs in a database of its own (CLUSTER_BENCH_DATABASE_URL, by
 * default gz_cluster_bench on the local server; `createdb gz_cluster_bench` first).
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { defaultClusterOptions } from '../src/cluster/cluster-options.js';
import { buildEventProfile, decodeProfile } from '../src/cluster/event-profile.js';
import { chooseEventCluster } from '../src/cluster/event-similarity.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import type { Store } from '../src/store/store.js';
import { BASE, buildEventIndex, ENTITY_KEYS, entityOf, MINUTE, termOf } from '../test/support/event-index-fixture.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { onPostgres, onSqlite } from './bench-stores.js';

/**
 * Articles looked up before measuring. A store just built in bulk is cold: on PostgreSQL at 1M
 * the first 60 lookups cost twice what the next 60 did (index pages not yet in shared
 * buffers, hint bits not yet set), and a running site is never in that state.
 */
const WARM = 200;
const MEASURED = 200;

/** Wall time of the lookup and scoring for one new article arriving after the n stored ones. */
async function lookupOnce(store: Store, n: number, j: number): Promise<{ ms: number; candidates: number }> {
  const id = n + j;
  const when = new Date(BASE + n * MINUTE + j * 1000);
  // ~150 distinct terms and 8 entities, drawn the way the stored articles were.
  const terms = new Map<string, number>();
  for (let k = 0; k < 150; k++) terms.set(`w${termOf(id, k)}`, 1 + (k % 3));
  const entities = Array.from({ length: ENTITY_KEYS }, (_, k) => ({ slug: `p${entityOf(id, k)}`, name: '', type: 'person' as const, mentions: 1, role: null }));
  entities.push({ slug: 'hot', name: '', type: 'person', mentions: 1, role: null });
  const started = performance.now();
  const keys = [...[...terms.keys()].map((t) => `t:${t}`), ...entities.map((e) => `e:${e.slug}`)];
  const frequencies = await store.clusters.documentFrequencies(keys);
  const built = buildEventProfile(terms, entities, when, frequencies, defaultClusterOptions.event);
  const windowMs = defaultClusterOptions.windowHours * 3_600_000;
  const found = await store.clusters.eventCandidates(built.queryKeys, new Date(when.getTime() - windowMs), new Date(when.getTime() + windowMs), id, defaultClusterOptions.event.perKey, defaultClusterOptions.event.minSharedKeys);
  chooseEventCluster(built.profile, found.map((c) => ({ articleId: c.articleId, clusterId: c.clusterId, profile: decodeProfile(c.profile) })), { ...defaultClusterOptions.event, windowHours: defaultClusterOptions.windowHours });
  return { ms: performance.now() - started, candidates: found.length };
}

async function measure(store: Store, n: number): Promise<{ meanMs: number; p50Ms: number; candidates: number; buildS: number }> {
  const t0 = performance.now();
  await buildEventIndex(store as KyselyStore, n);
  const buildS = (performance.now() - t0) / 1000;
  for (let j = 1; j <= WARM; j++) await lookupOnce(store, n, j);
  const times: number[] = [];
  let candidates = 0;
  for (let j = WARM + 1; j <= WARM + MEASURED; j++) {
    const r = await lookupOnce(store, n, j);
    times.push(r.ms);
    candidates += r.candidates;
  }
  times.sort((a, b) => a - b);
  return { meanMs: times.reduce((s, t) => s + t, 0) / times.length, p50Ms: times[Math.floor(times.length / 2)]!, candidates: candidates / MEASURED, buildS };
}

async function benchPostgresUrl(): Promise<string | null> {
  const url = process.env.CLUSTER_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/gz_cluster_bench';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

const benchmark: Benchmark = {
  name: 'Clustering cost per new article: event index lookup and scoring against 1k…1M stored',
  group: 'speed',
  async run() {
    const max = Number(process.env.CLUSTER_COST_MAX ?? 100_000);
    const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((s) => s <= max);
    const engines = (process.env.CLUSTER_COST_ENGINES ?? 'sqlite,postgres').split(',');
    const url = await benchPostgresUrl();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const engine of engines) {
      if (engine === 'postgres' && !url) {
        notes.push('PostgreSQL skipped: no database gz_cluster_bench (createdb -h 127.0.0.1 -U postgres gz_cluster_bench).');
        continue;
      }
      let baseline: number | undefined;
      for (const n of sizes) {
        const r = engine === 'sqlite' ? await onSqlite((s) => measure(s, n)) : await onPostgres(url!, (s) => measure(s, n));
        baseline ??= r.meanMs;
        const row = { engine, stored: n, 'ms per article (mean)': r.meanMs, 'ms (median)': r.p50Ms, 'candidates read': r.candidates, 'ratio to 1k': r.meanMs / baseline, 'build s': r.buildS, 'load average': loadavg()[0]! };
        rows.push(row);
        // Each store as it is measured: the 1M builds take long on a busy machine.
        console.log(`measured ${JSON.stringify(row)}`);
      }
    }
    notes.push(`${MEASURED} new articles per store after ${WARM} warm-up ones; each reads the frequencies of ~158 keys, looks up ${defaultClusterOptions.event.queryTerms} term and ${defaultClusterOptions.event.queryEntities} entity keys (at most ${defaultClusterOptions.event.perKey} rows each, within ±${defaultClusterOptions.windowHours} h) and scores what it finds. Wall time on a shared machine.`);
    return { rows, notes };
  },
};

export default benchmark;
