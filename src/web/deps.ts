import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { GazetteMetrics } from '../observe/metrics.js';
import { createIngestService, type IngestService } from '../pipeline/run-ingest.js';
import type { Store } from '../store/store.js';
import type { PageCache } from './http-cache/page-cache.js';

/** What the web layer is given by the composition root. */
export interface AppDeps {
  store: Store;
  config: Readonly<Config>;
  logger: Logger;
  /** This node's rendered pages, connected to the store's changes (`connectPageCache`); built from config when absent. */
  pageCache?: PageCache;
  /** The ingest service (on the worker pool); one on the event loop when absent (tests). */
  ingest?: IngestService;
  /** This process's metrics; /metrics is served and requests are counted only when given. */
  metrics?: GazetteMetrics;
}

/** The app's ingest service: the one given, else one that processes on this thread. */
export function ingestOf(deps: AppDeps): IngestService {
  return deps.ingest ?? createIngestService({ store: deps.store, cluster: deps.config.clustering });
}
