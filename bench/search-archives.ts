/**
 * The archives the search benchmark runs on: the listings' fixture with searchable text
 * (a news vocabulary), kept apart from the listings' own archives (.bench-out/search-<size>,
 * PostgreSQL schema gazette_search_<size>). `tsx bench/search-archives.ts` builds them ahead.
 */
import { pathToFileURL } from 'node:url';
import { postgresArchive, SIZES, sqliteArchive, type ArchiveVariant, type Target } from './listings.bench.js';
import { postgresUrl } from './postgres-url.js';

export const SEARCH_ARCHIVE: ArchiveVariant = { name: 'search', shape: { searchText: true } };

/** The archive of `size` on one engine, built when missing. */
export function searchArchive(engine: 'sqlite' | 'postgres', size: number, url: string | null): Promise<Target> {
  return engine === 'sqlite' ? sqliteArchive(size, SEARCH_ARCHIVE) : postgresArchive(url!, size, SEARCH_ARCHIVE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = await postgresUrl();
  for (const size of SIZES) {
    for (const engine of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]) {
      if (engine === 'postgres' && !url) continue;
      const started = Date.now();
      await searchArchive(engine, size, url);
      console.log(`${engine} ${size}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
}
