/**
 * Syndication out at archive sizes a real site reaches (BENCH_SIZES, as for reader pages):
 * the latest and a category feed with the page cache on and off, an API list call with
 * filters, an API page 10,000 stories deep, each next to bare node:http sending the same
 * bytes in the same run; and the whole sitemap (index and every monthly file) generated
 * once with the cache off, its time and the server's peak memory. Two stories in three
 * have a measured lead picture, so feeds, the API and sitemaps write theirs.
 * BENCH_ENGINES and BENCH_CACHE narrow a run (as for reader pages); the archives are kept
 * in BENCH_OUT (SQLite) and in TEST_DATABASE_URL's database (PostgreSQL) for the next run.
 */
import { formatCursor } from '../src/domain/listing.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { againstBareColumns, measureAgainstBare, startServer } from './http-load.js';
import { openTarget, postgresArchive, SIZES, sqliteArchive, type ArchiveVariant, type Target } from './listings.bench.js';
import { postgresUrl } from './postgres-url.js';

const COMPRESSED = { 'accept-encoding': 'br, gzip' };
const DEEP = 10_000;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const CACHE_MODES = (process.env.BENCH_CACHE ?? 'on,off').split(',') as ('on' | 'off')[];
/** The listings' archive shape, with lead pictures. */
const SYNDICATION: ArchiveVariant = { name: 'syndication', shape: { leadImages: true } };

/** The requests measured, found in the archive itself. */
async function requestsOf(target: Target): Promise<{ name: string; path: string }[]> {
  const store = await openTarget(target);
  try {
    const category = { kind: 'category', slug: 'world' } as const;
    const deep = (await store.listings.cursorAt({ kind: 'latest' }, DEEP)) ?? (await store.listings.cursorAt({ kind: 'latest' }, 200));
    const span = (await store.listings.span(category))!;
    const since = new Date(span.newest - 7 * 86_400_000).toISOString();
    return [
      { name: 'latest RSS', path: '/feeds/latest.rss' },
      { name: 'category Atom', path: '/feeds/category/world.atom' },
      { name: 'API list, category + since', path: `/api/v1/articles?category=world&since=${encodeURIComponent(since)}&limit=50` },
      { name: `API list, ${DEEP.toLocaleString('en')} deep`, path: `/api/v1/articles?limit=50&cursor=${formatCursor(deep!)}` },
    ];
  } finally {
    await store.close();
  }
}

const bench: Benchmark = {
  name: 'Feeds, JSON API and sitemaps, page cache on and off, against bare node:http',
  group: 'speed',
  async run() {
    const pgUrl = await postgresUrl();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const uncachedCpu = new Map<string, number>();
    for (const size of SIZES) {
      const targets = [
        ...(ENGINES.includes('sqlite') ? [await sqliteArchive(size, SYNDICATION)] : []),
        ...(pgUrl && ENGINES.includes('postgres') ? [await postgresArchive(pgUrl, size, SYNDICATION)] : []),
      ];
      for (const target of targets) {
        const requests = await requestsOf(target);
        for (const cache of CACHE_MODES) {
          const env = { ...target.env, PAGE_CACHE_MB: cache === 'on' ? '64' : '0', SCHEDULER: 'false', DEMO_CONTENT: 'false', API_RATE_LIMIT: '0' };
          const server = await startServer('./servers/serve-gazette.ts', env);
          try {
            for (const request of requests) {
              const { measured, baseline } = await measureAgainstBare(server, request.path, COMPRESSED);
              if (cache === 'off') uncachedCpu.set(`${target.engine}|${request.name}|${size}`, measured.cpuMicrosPerRequest);
              rows.push({
                engine: target.engine,
                articles: size.toLocaleString('en'),
                cache,
                request: request.name,
                ...againstBareColumns(measured, baseline),
              });
            }
          } finally {
            await server.stop();
          }
        }
        // The whole sitemap, as a crawler reads it (the index, then every file it names), on
        // a fresh server with the cache off, so its peak memory is the sitemaps' own.
        const server = await startServer('./servers/serve-gazette.ts', { ...target.env, PAGE_CACHE_MB: '0', SCHEDULER: 'false', DEMO_CONTENT: 'false' });
        try {
          const before = (await server.ask<{ maxRssMb: number }>('cpu')).maxRssMb;
          const started = performance.now();
          const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
          const files = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
          let urls = 0;
          for (const file of files) urls += ((await (await fetch(server.url + file)).text()).match(/<url>/g) ?? []).length;
          const seconds = (performance.now() - started) / 1000;
          const rss = (await server.ask<{ maxRssMb: number }>('cpu')).maxRssMb;
          notes.push(
            `${target.engine}, ${size.toLocaleString('en')} articles: the whole sitemap (${files.length} files, ${urls.toLocaleString('en')} URLs) in ${seconds.toFixed(1)} s; server peak RSS ${before} MB after start, ${rss} MB after.`,
          );
        } finally {
          await server.stop();
        }
      }
    }
    // How the uncached cost grows with the archive: each request against itself at the smallest size.
    const smallest = Math.min(...SIZES);
    for (const [key, cpu] of uncachedCpu) {
      const [engine, request, size] = key.split('|');
      const base = uncachedCpu.get(`${engine}|${request}|${smallest}`);
      if (Number(size) !== smallest && base) notes.push(`Uncached ${engine} ${request}: CPU at ${Number(size).toLocaleString('en')} is ${(cpu / base).toFixed(2)}× its CPU at ${smallest.toLocaleString('en')}.`);
    }
    return { rows, notes };
  },
};

export default bench;
