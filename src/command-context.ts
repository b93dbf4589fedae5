/**
 * What the one-shot commands (`gazette import`, `provider`, `user`, …) open: the configured
 * store, and for those that ingest, the ingest service on the worker pool. Kept apart from
 * main.ts, the serving composition root, so that a command loads the store and the pipeline
 * but not the web app, the image service or the jobs: `gazette import` then starts faster
 * and holds less memory. main.ts builds on these too.
 */
import { setFlagsFromString } from 'node:v8';
import { loadConfig, type Config } from './config/load-config.js';
import { imageSecret } from './images/image-secret.js';
import { createProcessPool, inlineProcessor, type ItemProcessor } from './pipeline/process-pool.js';
import { createIngestService, type IngestService } from './pipeline/run-ingest.js';
import { seedTaxonomy } from './store/seed-taxonomy.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

/** Opens and migrates the store, and makes sure the taxonomy is there. */
export async function openConfiguredStore(config: Readonly<Config>, options: { mustExist?: boolean } = {}): Promise<Store> {
  const store = await openStore(config, options);
  await seedTaxonomy(store);
  return store;
}

/** The worker pool of config.ingestWorkers threads, or the main thread when 0. */
export function createProcessor(config: Pick<Config, 'ingestWorkers'>): ItemProcessor {
  return config.ingestWorkers > 0 ? createProcessPool({ threads: config.ingestWorkers }) : inlineProcessor();
}

/** The configured limits of every fetch (feeds, article pages, hubs). */
export function fetchLimits(config: Pick<Config, 'fetchMaxPerHost'>): { maxPerHost: number } {
  return { maxPerHost: config.fetchMaxPerHost };
}

/**
 * A bulk ingest (`import`, `reprocess`) makes short-lived garbage fast, and V8 then lets the
 * heap grow to several times what is live before it collects: a 3,000-item import peaked at
 * 323–338 MB. Each old-generation limit is set at most 30 % above what the last collection
 * kept instead (a V8 flag read at every collection, by the pool's threads too). Measured on
 * that import: 60 % peaked at 301–312 MB (three runs), 30 % at 284–301 MB (eight, two of them
 * the benchmark) for about 4 % more CPU, 20 % at 280–290 MB (four) for about 10 % more. (Since
 * the enriching threads stopped loading compromise and commands load only what they use, the
 * import peaks at 262–272 MB.) `serve` keeps V8's own sizing.
 */
const BULK_HEAP_GROWING_PERCENT = 30;

/** For commands that ingest: the store and an ingest service on the worker pool, closed after `work`. */
export async function withIngest<T>(
  work: (ingest: IngestService, store: Store, config: Readonly<Config>) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
  /** Command-line flags that override the configured cluster thresholds. */
  overrides: { cluster?: Partial<Config['clustering']> } = {},
): Promise<T> {
  setFlagsFromString(`--heap-growing-percent=${BULK_HEAP_GROWING_PERCENT}`);
  return withStore(async (store, config) => {
    const processor = createProcessor(config);
    try {
      const cluster = { ...config.clustering, ...Object.fromEntries(Object.entries(overrides.cluster ?? {}).filter(([, v]) => v !== undefined)) };
      return await work(createIngestService({ store, cluster, processor, fetch: fetchLimits(config) }), store, config);
    } finally {
      await processor.close();
    }
  }, env);
}

/**
 * The server secret sealed values are keyed from (see `domain/sealed-secret.ts`): IMAGE_SECRET,
 * else the one made once and kept in DATA_DIR, the same one the server signs image URLs with.
 */
export function serverSecret(config: Pick<Config, 'images' | 'dataDir'>): Promise<string> {
  return imageSecret(config.images.secret, config.dataDir);
}

/** For one-shot commands: opens the configured store, runs `work`, closes it. */
export async function withStore<T>(
  work: (store: Store, config: Readonly<Config>) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
): Promise<T> {
  const config = loadConfig(env);
  // Only `serve` and `migrate` create a database; any other command run in the wrong folder says where it looked.
  const store = await openConfiguredStore(config, { mustExist: true });
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
