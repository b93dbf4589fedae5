/**
 * The composition root: reads config, opens the store, builds the web app (and, as later
 * stages land, the scheduler) and wires them. Nothing else constructs long-lived things or
 * reads the environment; modules receive what they need as arguments.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener, type ServerType } from '@hono/node-server';
import { destination as logFile, pino, type DestinationStream, type Logger } from 'pino';
import { loadConfig, type Config } from './config/load-config.js';
import { GazetteError } from './domain/errors.js';
import { createProcessor, fetchLimits, openConfiguredStore } from './command-context.js';
import { loadDemoContent } from './demo/load-demo-content.js';
import { closeFetchAgents } from './ingest/fetch/fetch-url.js';
import { startEmbargoRelease } from './jobs/release-embargoes.js';
import { createScheduler, type Scheduler } from './jobs/scheduler.js';
import { createIngestService, type IngestService } from './pipeline/run-ingest.js';
import { connectHubPings } from './jobs/websub/ping-hub.js';
import { createLeadImageProber } from './images/lead-image-prober.js';
import { openImages } from './images/open-images.js';
import { webhookSecretBox } from './domain/webhook-secret-box.js';
import type { Store } from './store/store.js';
import { buildApp } from './web/app.js';
import { connectPageCache } from './web/http-cache/page-cache.js';
import { serveCached } from './web/http-cache/serve-cached.js';
import { ViewCounter } from './web/popularity/view-counter.js';
import { createWebhookDispatcher, type WebhookDispatcher } from './jobs/webhooks/webhook-dispatcher.js';
import { createMetrics, type GazetteMetrics } from './observe/metrics.js';
import { prettyLogStream } from './observe/pretty-log.js';
import type { IngestObserver } from './pipeline/run-ingest.js';
import { metricsListener } from './web/observe/metrics-route.js';
import { observeRequests } from './web/observe/observe-requests.js';

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
  /** This process's metrics (served at /metrics when configured). */
  metrics: GazetteMetrics;
  /** The separate metrics port's address, when METRICS_PORT is set, e.g. http://127.0.0.1:9464 */
  metricsUrl: string | null;
  /** Sends partners' webhooks, on the node that runs the scheduler. */
  webhooks: WebhookDispatcher | null;
  stop(): Promise<void>;
}

/**
 * Builds the logger every module gets, level from config: JSON lines on stdout, or readable
 * lines when LOG_FORMAT=pretty (or "auto" and stdout is a terminal). Tests pass a destination.
 */
export function createLogger(config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>, destination?: DestinationStream): Logger {
  if (destination) return pino({ level: config.logLevel }, destination);
  const tty = Boolean(process.stdout.isTTY);
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && tty);
  if (pretty) return pino({ level: config.logLevel }, prettyLogStream(process.stdout, { colours: tty }));
  // Asynchronous writes: a line waits only while the previous write is under way, so lines
  // written meanwhile go out together. Measured, synchronous writes (one system call per
  // access-log line) nearly doubled the CPU of a cached page (bench/observability.bench.ts).
  // pino flushes what is pending when the process exits.
  return pino({ level: config.logLevel }, logFile({ dest: 1, sync: false }));
}

/** Ingest outcomes and stage times into the metrics. */
function ingestObserver(metrics: GazetteMetrics): IngestObserver {
  return {
    item: (outcome) => metrics.ingestItems.inc({ outcome }),
    stage: (name, ms) => metrics.pipelineStage.observe({ stage: name }, ms / 1000),
  };
}

/** Starts the whole site: store, demo content on an empty database, web server. */
export async function startGazette(
  env: Record<string, string | undefined> = process.env,
  options: {
    /** Where log lines go instead of stdout (tests read them). */
    logDestination?: DestinationStream;
    /** False serves without request ids, access log and request metrics: only the benchmark that measures their cost uses it. */
    observeRequests?: boolean;
  } = {},
): Promise<RunningGazette> {
  const config = loadConfig(env);
  const logger = createLogger(config, options.logDestination);
  const store = await openConfiguredStore(config);
  const processor = createProcessor(config);
  // Lead images are fetched and measured after their stories are stored, by the node that polls feeds.
  // Uploaded logos are kept in the database, so any node can serve one it has not seen yet.
  const images = await openImages(config, fetchLimits(config), (source) => store.providers.logoBytes(source));
  const prober = config.scheduler ? createLeadImageProber({ store, images: images.service, logger }) : undefined;
  let pageCacheBytes = () => 0;
  const metrics = createMetrics({ store, pageCacheBytes: () => pageCacheBytes() });
  const ingest = createIngestService({ store, cluster: config.clustering, processor, fetch: fetchLimits(config), leadImages: prober, observer: ingestObserver(metrics) });
  prober?.wake();
  if (config.databaseUrl && !config.images.secret) logger.warn('IMAGE_SECRET is not set: set the same one on every node, or image URLs signed by one node fail on another');
  if (config.demoContent) {
    const loaded = await loadDemoContent(store, ingest);
    if (loaded > 0) logger.info({ articles: loaded }, 'loaded the demo content into an empty database');
  }
  // Pages are cached on this node and dropped as soon as the store announces a change,
  // whichever process or node made it.
  const pageCache = connectPageCache(store.changes, config.pageCacheBytes);
  pageCacheBytes = () => pageCache.size;
  const app = buildApp({ store, config, logger, pageCache, ingest, metrics, images: { service: images.service, secret: images.secret, store: images.store } });
  const appListener = getRequestListener(app.fetch);
  // Views are counted here, in front of the page cache: a page served from it is a view too.
  const views = new ViewCounter({ popularity: store.popularity, halfLifeHours: config.popularity.halfLifeHours, flushMs: config.popularity.flushSeconds * 1000, logger });
  views.start();
  // Every request gets an id, an access-log line and its count, the fast path's too.
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    views.observe(req, res);
    // A cached page is sent before the framework sees the request; anything else goes to the app.
    const page = serveCached(pageCache, req, res);
    if (!page) void appListener(req, res);
    return page;
  };
  const handle = options.observeRequests === false ? serve : observeRequests({ accessLog: config.accessLog ? logger : undefined, metrics }, serve);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = createServer(handle);
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
  const metricsServer =
    config.metrics.port === undefined
      ? null
      : await listenForMetrics(metrics, config).catch(async (error: unknown) => {
          server.close();
          await processor.close();
          await store.close();
          throw error;
        });
  const metricsAddress = metricsServer?.address();
  const metricsUrl = typeof metricsAddress === 'object' && metricsAddress ? `http://${config.host}:${metricsAddress.port}` : null;
  const scheduler = config.scheduler
    ? createScheduler({
        store,
        logger,
        publicUrl: config.publicUrl,
        cluster: config.clustering,
        fetch: fetchLimits(config),
        ingest,
        onPoll: (outcome) => metrics.feedPolls.inc({ result: outcome.result }),
      })
    : null;
  scheduler?.start();
  // Webhooks go out from the node that polls feeds; deliveries are claimed in the database,
  // so a second node doing it too would still send each one once.
  const webhooks = config.scheduler
    ? createWebhookDispatcher({ store, logger, secrets: webhookSecretBox(images.secret), publicUrl: config.publicUrl, onAttempt: (o) => metrics.webhookAttempts.inc({ result: o.delivered ? 'delivered' : 'failed' }) })
    : null;
  webhooks?.start();
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
    metrics,
    metricsUrl,
    webhooks,
    async stop() {
      clearInterval(optimizer);
      metricsServer?.close();
      // Drain: stop taking requests and polls, let those under way finish their current
      // items (each commits on its own), then stop the threads and close the store.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await scheduler?.stop();
      await prober?.stop();
      stopEmbargoes?.();
      await webhooks?.stop();
      await closed;
      await views.stop();
      await stopHubPings?.();
      await closeFetchAgents();
      await processor.close();
      await store.close();
    },
  };
}

/** The separate metrics port (METRICS_PORT), on the configured host. */
async function listenForMetrics(metrics: GazetteMetrics, config: Readonly<Config>): Promise<Server> {
  const server = createServer(metricsListener(metrics, config.metrics.token));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause: Error) => reject(new GazetteError('LISTEN_FAILED', `Cannot serve metrics on ${config.host}:${config.metrics.port}: ${cause.message}.`, { cause })));
    server.listen(config.metrics.port, config.host, resolve);
  });
  return server;
}

