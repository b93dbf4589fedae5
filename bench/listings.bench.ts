/**
 * Reader pages at archive sizes a real site reaches: 10,000, 100,000 and 1,000,000 articles
 * (BENCH_SIZES to choose), on SQLite and PostgreSQL, with the page cache on and off. Each
 * page's server CPU per request and latency sit next to a bare node:http server sending
 * the same compressed bytes in the same run. Archives are built once in bulk SQL
 * (test/support/archive-fixture.ts) and kept in .bench-out/ and in PostgreSQL schemas
 * gazette_bench_<size> for the next run. Servers run the compiled dist/, as `npm start` does.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import pg from 'pg';
import { formatCursor } from '../src/domain/listing.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { buildArchive, type ArchiveShape } from '../test/support/archive-fixture.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { againstBareColumns, measure, measurePages, startServer, type LoadResult } from './http-load.js';
import { postgresUrl } from './postgres-url.js';

export const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
/** BENCH_ENGINES=sqlite or postgres and BENCH_CACHE=on or off narrow a run down while working. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const CACHE_MODES = (process.env.BENCH_CACHE ?? 'on,off').split(',') as ('on' | 'off')[];
/** Where SQLite archives are kept: BENCH_OUT (e.g. a temporary folder), else .bench-out/. */
const OUT = process.env.BENCH_OUT ?? new URL('../.bench-out/', import.meta.url).pathname;
const COMPRESSED = { 'accept-encoding': 'br, gzip' };
/** How deep the "far back" category page starts: 10,000 stories, or as deep as a small archive goes. */
const DEEP = 10_000;

export interface Target {
  engine: 'SQLite' | 'PostgreSQL';
  size: number;
  env: Record<string, string>;
}

/** A kind of archive other than the listings' own: its own name (folder, schema) and shape options. */
export interface ArchiveVariant {
  name: string;
  shape: Omit<ArchiveShape, 'articles'>;
}

/** An archive of `size` articles on SQLite, built once and kept for later runs. */
export async function sqliteArchive(size: number, variant?: ArchiveVariant): Promise<Target> {
  const dir = join(OUT, `${variant?.name ?? 'archive'}-${size}`);
  const file = join(dir, 'gazette.sqlite');
  if (!existsSync(file)) {
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const store = openSqliteStore(join(building, 'gazette.sqlite'));
    await buildArchive(store, { ...variant?.shape, articles: size });
    await store.close();
    renameSync(building, dir);
  }
  return { engine: 'SQLite', size, env: { BENCH_DATA_DIR: dir } };
}

/** An archive of `size` articles in a PostgreSQL schema of its own, built once. */
export async function postgresArchive(url: string, size: number, variant?: ArchiveVariant): Promise<Target> {
  const schema = `gazette_${variant?.name ?? 'bench'}_${size}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const done = await client.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'listing_entries'`, [schema]);
    if (done.rowCount === 0) {
      await client.query(`drop schema if exists ${schema} cascade`);
      // Without JIT: compiling the fixture's large bulk statements would take longer than
      // running them. (The URL's options replace the store's, so the schema goes here too.)
      const building = new URL(url);
      building.searchParams.set('options', `-c jit=off -c search_path=${schema}`);
      const store = await openPostgresStore(building.toString(), { schema });
      await buildArchive(store, { ...variant?.shape, articles: size });
      await store.close();
    }
  } finally {
    await client.end();
  }
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return { engine: 'PostgreSQL', size, env: { DATABASE_URL: withSchema.toString() } };
}

/** The pages measured, found in the archive itself. */
async function pagesOf(store: Store): Promise<{ name: string; path: string }[]> {
  const category = { kind: 'category', slug: 'world' } as const;
  const deep = (await store.listings.cursorAt(category, DEEP)) ?? (await store.listings.cursorAt(category, 200));
  const provider = (await store.providers.findBySlug('provider-3'))!;
  const article = (await store.listings.page({ kind: 'provider', providerId: provider.id }, {}, 1)).items[0]!;
  return [
    { name: 'home', path: '/' },
    { name: 'category, page 1', path: '/category/world' },
    { name: `category, ${DEEP.toLocaleString('en')} back`, path: `/category/world?before=${formatCursor(deep!)}` },
    { name: 'provider', path: `/provider/${provider.slug}` },
    { name: 'entity', path: '/entity/nato' },
    { name: 'article', path: `/article/${article.id}/${article.slug}` },
  ];
}

/** The archives of one size on the engines BENCH_ENGINES picks (PostgreSQL when a server answers). */
export async function archivesOf(size: number, pgUrl: string | null | undefined): Promise<Target[]> {
  return [
    ...(ENGINES.includes('sqlite') ? [await sqliteArchive(size)] : []),
    ...(pgUrl && ENGINES.includes('postgres') ? [await postgresArchive(pgUrl, size)] : []),
  ];
}

export async function openTarget(target: Target): Promise<Store> {
  return target.engine === 'SQLite'
    ? openSqliteStore(join(target.env.BENCH_DATA_DIR!, 'gazette.sqlite'))
    : openPostgresStore(target.env.DATABASE_URL!);
}

const bench: Benchmark = {
  name: 'Reader pages at 10k, 100k and 1M articles, page cache on and off, against bare node:http',
  group: 'speed',
  async run() {
    mkdirSync(OUT, { recursive: true });
    // Servers run the compiled code, as `npm start` does, so memory is measured as deployed.
    execSync('npm run build', { stdio: 'ignore' });
    const pgUrl = await postgresUrl();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const uncachedCpu = new Map<string, number>();
    for (const size of SIZES) {
      const targets = await archivesOf(size, pgUrl);
      for (const target of targets) {
        const store = await openTarget(target);
        const pages = await pagesOf(store);
        await store.close();
        for (const cache of CACHE_MODES) {
          const env = { ...target.env, PAGE_CACHE_MB: cache === 'on' ? '64' : '0', SCHEDULER: 'false', DEMO_CONTENT: 'false' };
          const { measurements, maxRssMb } = await measurePages(env, pages, COMPRESSED, async (server, { page, measured, baseline, response: res }) => {
            rows.push(row(target, cache, page.name, measured, baseline));
            if (cache === 'off') uncachedCpu.set(`${target.engine}|${page.name}|${size}`, measured.cpuMicrosPerRequest);
            if (page.name !== 'article') return;
            const etag = String(res.headers.etag);
            const notModified = await measure(server, page.path, { ...COMPRESSED, 'if-none-match': etag }, 304);
            const bare304 = await startServer('./servers/serve-bare.ts', {}, { base64: '', headers: res.headers });
            try {
              rows.push(row(target, cache, 'article, 304', notModified, await measure(bare304, '/', { 'if-none-match': etag }, 304)));
            } finally {
              await bare304.stop();
            }
          });
          if (measurements.length !== pages.length) throw new Error('a page was not measured');
          notes.push(`${target.engine}, ${size.toLocaleString('en')} articles, cache ${cache}: server peak RSS ${maxRssMb} MB.`);
        }
      }
    }
    const smallest = Math.min(...SIZES);
    for (const [key, cpu] of uncachedCpu) {
      const [engine, page, size] = key.split('|');
      if (Number(size) === smallest) continue;
      const base = uncachedCpu.get(`${engine}|${page}|${smallest}`);
      if (base) notes.push(`Uncached ${engine} ${page}: CPU at ${Number(size).toLocaleString('en')} is ${(cpu / base).toFixed(2)}× its CPU at ${smallest.toLocaleString('en')}.`);
    }
    return { rows, notes };
  },
};

/** One measured page next to the bare server, as a table row (the front-page benchmark shares it). */
export function row(target: Target, cache: string, page: string, r: LoadResult, bare: LoadResult): BenchRow {
  return {
    engine: target.engine,
    articles: target.size.toLocaleString('en'),
    cache,
    page,
    ...againstBareColumns(r, bare),
  };
}

export default bench;
