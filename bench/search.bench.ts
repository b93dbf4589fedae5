/**
 * Search at 10,000, 100,000 and 1,000,000 articles (BENCH_SIZES to choose) on SQLite and
 * PostgreSQL: the results page for a common word, a rare word and a phrase, each measured
 * for CPU per request and latency next to a bare node:http server sending the same bytes in
 * the same run. The archives are the listings' fixture with searchable text (built once by
 * bench/search-archives.ts, kept for later runs); servers run the compiled dist/. The notes
 * give each engine's plan for the candidate query, so a plan change at scale shows.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { parseSearchQuery } from '../src/domain/parse-search-query.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { againstBareColumns, measure, measurePages, type LoadResult } from './http-load.js';
import { SIZES, type Target } from './listings.bench.js';
import { postgresUrl } from './postgres-url.js';
import { searchArchive } from './search-archives.js';

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const COMPRESSED = { 'accept-encoding': 'br, gzip' };
/**
 * The offered rate of the open-loop rows (requests a second, evenly spaced; BENCH_RATE=0
 * leaves them out; a list gives a row each). The 16-connection rows keep 16 requests waiting on one event loop at
 * every moment, so their p99 is mostly that queue (about 16 × the CPU per request); a
 * reader's wait at a given traffic is what requests offered at a fixed rate show. 20 a second
 * is well below what one node answers, even on the shared 2-core machine the figures of
 * docs/benchmarks.md come from; 100 a second keeps a core about half busy.
 */
const RATES = (process.env.BENCH_RATE ?? '20,100').split(',').map(Number).filter((rate) => rate > 0);

/** The fixture's words (see ARCHIVE_VOCABULARY): in ~all stories, in ~4 %, in ~1 in 10,000, and a phrase in ~5 %. */
const QUERIES = [
  { name: 'common word', q: 'government' },
  { name: 'word in 4 % of stories', q: 'palladium' },
  { name: 'rare word', q: 'wiesbaden' },
  { name: 'phrase', q: '"interest rates"' },
];

async function openStore(target: Target, onQuery?: (sql: string, parameters: readonly unknown[]) => void): Promise<KyselyStore> {
  return target.engine === 'SQLite'
    ? openSqliteStore(join(target.env.BENCH_DATA_DIR!, 'gazette.sqlite'), onQuery ? { onQuery } : {})
    : openPostgresStore(target.env.DATABASE_URL!, onQuery ? { onQuery } : {});
}

/** The plan of each query's candidate statement, in one line. */
async function plans(target: Target): Promise<string[]> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const store = await openStore(target, (sql, parameters) => captured.push({ sql, parameters }));
  const lines: string[] = [];
  try {
    for (const { name, q } of QUERIES) {
      captured.length = 0;
      const page = await store.search.query({ query: parseSearchQuery(q), filters: {} });
      // The candidate statement: one on each engine (on PostgreSQL, every key window in it).
      const statement = captured.filter((s) => /search_fts match| @@ /.test(s.sql)).at(-1)!;
      let plan: string;
      if (store.engine === 'sqlite') {
        const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
        plan = rows.rows.map((r) => r.detail).join('; ');
      } else {
        // Run, to tell the windows PostgreSQL read from those the limit spared.
        const rows = await store.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, costs off, timing off) ${statement.sql}`, [...statement.parameters]));
        const lines = rows.rows.map((r) => r['QUERY PLAN']);
        // The windows are the Append's children: the lines one level below it.
        const append = lines.find((l) => /->  Append/.test(l)) ?? '';
        const depth = append.indexOf('->') + 6;
        const windows = lines.filter((l) => l.indexOf('->') === depth);
        const read = windows.filter((l) => !/never executed/.test(l)).length;
        plan = `${read} of ${windows.length} key windows read; ${lines.filter((l) => /Scan|BitmapAnd/.test(l) && !/never executed/.test(l)).map((l) => l.trim().replace(/^->\s+/, '').replace(/\s*\(actual.*$/, '')).join('; ')}`;
      }
      lines.push(`${target.engine}, ${target.size.toLocaleString('en')} articles, ${name} (${page.hits.length} hits on page 1): ${plan}`);
    }
  } finally {
    await store.close();
  }
  return lines;
}

const bench: Benchmark = {
  name: 'Search at 10k, 100k and 1M articles (common word, rare word, phrase) against bare node:http',
  group: 'speed',
  async run() {
    execSync('npm run build', { stdio: 'ignore' });
    const url = await postgresUrl();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const size of SIZES) {
      for (const engine of ENGINES) {
        if (engine === 'postgres' && !url) continue;
        const target = await searchArchive(engine, size, url);
        notes.push(...(await plans(target)));
        const pages = QUERIES.map((query) => ({ name: query.name, path: `/search?q=${encodeURIComponent(query.q)}` }));
        // The page cache off: every request searches (a cached results page is a listing page's cost).
        const atRate = new Map<string, LoadResult>();
        const { measurements } = await measurePages({ ...target.env, SCHEDULER: 'false', DEMO_CONTENT: 'false', PAGE_CACHE_MB: '0' }, pages, COMPRESSED, async (server, m) => {
          for (const rate of RATES) atRate.set(`${rate} ${m.page.name}`, await measure(server, m.page.path, COMPRESSED, 200, rate));
        });
        for (const m of measurements) rows.push(row(target, m.page.name, m.measured, m.baseline));
        for (const rate of RATES) {
          for (const m of measurements) {
            const r = atRate.get(`${rate} ${m.page.name}`);
            if (r) rows.push(rateRow(target, m.page.name, r, rate));
          }
        }
      }
    }
    notes.push('Target: p99 < 50 ms at 1,000,000 articles on both engines (the machine is shared, so compare with the bare server of the same run).');
    for (const rate of RATES) notes.push(`Rows "${rate} req/s offered": the same page requested at a fixed ${rate} a second, evenly spaced (open loop), latency from when each request was due.`);
    return { rows, notes };
  },
};

function row(target: Target, query: string, r: LoadResult, bare: LoadResult): BenchRow {
  return {
    engine: target.engine,
    articles: target.size.toLocaleString('en'),
    query,
    load: '16 connections',
    ...againstBareColumns(r, bare),
  };
}

/** A page measured at the fixed rate: its own figures (the bare server's are in its 16-connection row). */
function rateRow(target: Target, query: string, r: LoadResult, rate: number): BenchRow {
  return {
    engine: target.engine,
    articles: target.size.toLocaleString('en'),
    query,
    load: `${rate} req/s offered`,
    'CPU µs/req': Math.round(r.cpuMicrosPerRequest),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'req/s': Math.round(r.rps),
  };
}

export default bench;
