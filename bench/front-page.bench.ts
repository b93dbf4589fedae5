/**
 * The front page (lead, top stories lifted by popularity, most popular, a block per section,
 * latest by provider: about fifteen index range scans), a language front page and an
 * article page with its related stories and most-popular rail, at 10,000, 100,000 and
 * 1,000,000 articles (BENCH_SIZES), on SQLite and PostgreSQL, page cache on and off, next
 * to a bare node:http server sending the same bytes in the same run. The archives are the
 * search benchmark's (built once, kept in .bench-out/ and gazette_search_<size> schemas);
 * before measuring, a day of readers is recorded (the 3,000 newest stories read 1–40 times),
 * so the rankings are full.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Store } from '../src/store/store.js';
import type { Benchmark, BenchRow } from './benchmark.js';
import { measurePages } from './http-load.js';
import { openTarget, row, SIZES } from './listings.bench.js';
import { searchArchive } from './search-archives.js';
import { postgresUrl } from './postgres-url.js';

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const CACHE_MODES = (process.env.BENCH_CACHE ?? 'on,off').split(',') as ('on' | 'off')[];
const OUT = new URL('../.bench-out/', import.meta.url).pathname;
const COMPRESSED = { 'accept-encoding': 'br, gzip' };
const READ_STORIES = 3_000;

/** Records a day of readers once per archive (a second run adds another day: harmless, the ranking only sharpens). */
async function recordReaders(store: Store): Promise<void> {
  const counts: { articleId: number; views: number; at: Date }[] = [];
  let position = {};
  while (counts.length < READ_STORIES) {
    const page = await store.listings.page({ kind: 'latest' }, position, 100);
    counts.push(...page.items.map((t, i) => ({ articleId: t.id, views: 1 + ((counts.length + i) * 7919) % 40, at: new Date() })));
    if (!page.older) break;
    position = { before: page.older };
  }
  for (let i = 0; i < counts.length; i += 500) await store.popularity.record(counts.slice(i, i + 500), 24);
}

async function pagesOf(store: Store): Promise<{ name: string; path: string }[]> {
  const top = (await store.listings.page({ kind: 'latest' }, {}, 1)).items[0]!;
  return [
    { name: 'front page', path: '/' },
    { name: 'language front page', path: '/lang/en' },
    { name: 'article with related and popular', path: `/article/${top.id}/${top.slug}` },
  ];
}

const bench: Benchmark = {
  name: 'Front page, language front page and article rails at 10k, 100k and 1M articles, cached and uncached, against bare node:http',
  group: 'speed',
  async run() {
    mkdirSync(OUT, { recursive: true });
    execSync('npm run build', { stdio: 'ignore' });
    const pgUrl = await postgresUrl();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const size of SIZES) {
      // The search benchmark's archives (the listings' fixture with searchable text): one build of each size serves both.
      const targets = [];
      for (const engine of ENGINES) if (engine === 'sqlite' || pgUrl) targets.push(await searchArchive(engine, size, pgUrl));
      for (const target of targets) {
        const store = await openTarget(target);
        await store.migrate();
        await recordReaders(store);
        const pages = await pagesOf(store);
        await store.close();
        for (const cache of CACHE_MODES) {
          const env = { ...target.env, PAGE_CACHE_MB: cache === 'on' ? '64' : '0', SCHEDULER: 'false', DEMO_CONTENT: 'false' };
          const { measurements, maxRssMb } = await measurePages(env, pages, COMPRESSED);
          for (const m of measurements) rows.push(row(target, cache, m.page.name, m.measured, m.baseline));
          notes.push(`${target.engine}, ${size.toLocaleString('en')} articles, cache ${cache}: server peak RSS ${maxRssMb} MB.`);
        }
      }
    }
    return { rows, notes };
  },
};

export default bench;
