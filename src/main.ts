/**
 * The composition root: reads config, opens the store, builds the web app (and, as later
 * stages land, the scheduler) and wires them. Nothing else constructs long-lived things or
 * reads the environment; modules receive what they need as arguments.
 */
import { createServer } from 'node:http';
import { getRequestListener, type ServerType } from '@hono/node-server';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from './config/load-config.js';
import { GazetteError } from './domain/errors.js';
import { loadDemoContent } from './demo/load-demo-content.js';
import { closeFetchAgents } from './ingest/fetch/fetch-url.js';
import { startEmbargoRelease } from './jobs/release-embargoes.js';
import { createScheduler, type Scheduler } from './jobs/scheduler.js';
import { createProcessPool, inlineProcessor, type ItemProcessor } from './pipeline/process-pool.js';
import { createIngestService, type IngestService } from './pipeline/run-ingest.js';
import { connectHubPings } from './jobs/websub/ping-hub.js';
import { createLeadImageProber } from './images/lead-image-prober.js';
import { openImages } from './images/open-images.js';
import { seedTaxonomy } from './store/seed-taxonomy.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { buildApp } from './web/app.js';
import { connectPageCache } from './web/http-cache/page-cache.js';
import { serveCached } from './web/http-cache/serve-cached.js';
import { ViewCounter } from './web/popularity/view-counter.js';

/** SQLite's PRAGMA optimize keeps the planner's statistics current; hourly is what SQLite advises. */
const OPTIMIZE_EVERY_MS = 60 * 60_000;

/** A running Gazette: what `gazette serve` starts and tests can stop. */
export interface RunningGazette {
  config: Readonly<Config>;
  store: Store;
  logger: Logger;
  server: ServerType;
  /** The address it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  /** The feed scheduler, when config.scheduler is on. */
  scheduler: Scheduler | null;
  /** The one ingest service (push API, WebSub, polls, demo), on the worker pool. */
  ingest: IngestService;
  /** This node's count of article views, written to the store in batches. */
  views: ViewCounter;
  stop(): Promise<void>;
}

/** Builds the logger every module gets: JSON lines on stdout, level from config. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel });
}

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
function fetchLimits(config: Pick<Config, 'fetchMaxPerHost'>): { maxPerHost: number } {
  return { maxPerHost: config.fetchMaxPerHost };
}

/** Starts the whole site: store, demo content on an empty database, web server. */
export async function startGazette(env: Record<string, string | undefined> = process.env): Promise<RunningGazette> {
  const config = loadConfig(env);
  const logger = createLogger(config);
  const store = await openConfiguredStore(config);
  const processor = createProcessor(config);
  // Lead images are fetched and measured after their stories are stored, by the node that polls feeds.
  const images = await openImages(config, fetchLimits(config));
  const prober = config.scheduler ? createLeadImageProber({ store, images: images.service, logger }) : undefined;
  const ingest = createIngestService({ store, cluster: config.clustering, processor, fetch: fetchLimits(config), leadImages: prober });
  prober?.wake();
  if (config.databaseUrl && !config.images.secret) logger.warn('IMAGE_SECRET is not set: set the same one on every node, or image URLs signed by one node fail on another');
  if (config.demoContent) {
    const loaded = await loadDemoContent(store, ingest);
    if (loaded > 0) logger.info({ articles: loaded }, 'loaded the demo content into an empty database');
  }
  // Pages are cached on this node and dropped as soon as the store announces a change,
  // whichever process or node made it.
  const pageCache = connectPageCache(store.changes, config.pageCacheBytes);
  const app = buildApp({ store, config, logger, pageCache, ingest, images: { service: images.service, secret: images.secret } });
  const appListener = getRequestListener(app.fetch);
  // Views are counted here, in front of the page cache: a page served from it is a view too.
  const views = new ViewCounter({ popularity: store.popularity, halfLifeHours: config.popularity.halfLifeHours, flushMs: config.popularity.flushSeconds * 1000, logger });
  views.start();
  const server = await new Promise<ServerType>((resolve, reject) => {
    // A cached page is sent before the framework sees the request; anything else goes to the app.
    const s = createServer((req, res) => {
      views.observe(req, res);
      if (!serveCached(pageCache, req, res)) void appListener(req, res);
    });
    s.listen(config.port, config.host, () => resolve(s));
    s.once('error', (cause: NodeJS.ErrnoException) => {
      const why = cause.code === 'EADDRINUSE' ? 'the port is in use; set PORT to a free one' : cause.message;
      reject(new GazetteError('LISTEN_FAILED', `Cannot listen on ${config.host}:${config.port}: ${why}.`, { cause }));
    });
  }).catch(async (error: unknown) => {
    await prober?.stop();
    await processor.close();
    await store.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, engine: store.engine }, 'Gazette is listening');
  const scheduler = config.scheduler
    ? createScheduler({ store, logger, publicUrl: config.publicUrl, cluster: config.clustering, fetch: fetchLimits(config), ingest })
    : null;
  scheduler?.start();
  // The node that polls feeds also tells the hub when outbound feeds change: one node, so
  // one ping per change (every node hears every change).
  // Embargoed agency items are held and published when their time comes (on the scheduling node).
  const stopEmbargoes = config.scheduler ? startEmbargoRelease({ store, logger }) : undefined;
  const stopHubPings = config.websubHub && config.scheduler ? connectHubPings({ store, logger, hubUrl: config.websubHub, publicUrl: config.publicUrl }) : undefined;
  const optimizer = setInterval(() => void store.optimize().catch((err: unknown) => logger.warn({ err }, 'optimize failed')), OPTIMIZE_EVERY_MS);
  optimizer.unref();
  return {
    config,
    store,
    logger,
    server,
    url,
    scheduler,
    ingest,
    views,
    async stop() {
      clearInterval(optimizer);
      // Drain: stop taking requests and polls, let those under way finish their current
      // items (each commits on its own), then stop the threads and close the store.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await scheduler?.stop();
      await prober?.stop();
      stopEmbargoes?.();
      await closed;
      await views.stop();
      await stopHubPings?.();
      await closeFetchAgents();
      await processor.close();
      await store.close();
    },
  };
}

/** For commands that ingest: the store and an ingest service on the worker pool, closed after `work`. */
export async function withIngest<T>(
  work: (ingest: IngestService, store: Store, config: Readonly<Config>) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
  /** Command-line flags that override the configured cluster thresholds. */
  overrides: { cluster?: Partial<Config['clustering']> } = {},
): Promise<T> {
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
