import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/store.js';

/** Request latency buckets, in seconds: a cached page takes well under a millisecond, a search can take a second. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Pipeline stage buckets, in seconds: cleaning a page is milliseconds, fetching one can take its whole timeout. */
const STAGE_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What the server's parts report to, and what /metrics shows (Prometheus text format). */
export interface GazetteMetrics {
  readonly registry: Registry;
  /** Requests by route pattern (never the raw path, so the series stay few), method and status. */
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route' | 'method'>;
  /** Page-cache lookups: hit in the fast path before the app, hit in the app's middleware, or miss. */
  readonly pageCache: Counter<'result' | 'layer'>;
  /** Ingested items by outcome (created, updated, unchanged, rejected). */
  readonly ingestItems: Counter<'outcome'>;
  /** Time of each pipeline stage per item (normalize, clean, enrich, fingerprint, full_text, store). */
  readonly pipelineStage: Histogram<'stage'>;
  /** Feed polls by result (ok, not-modified, failed, cancelled). */
  readonly feedPolls: Counter<'result'>;
  /** Webhook delivery attempts by result (delivered, failed). */
  readonly webhookAttempts: Counter<'result'>;
  /** The text a scrape gets, and its content type. */
  render(): Promise<{ body: string; contentType: string }>;
}

/** What the gauges read at scrape time. */
export interface MetricSources {
  store: Store;
  /** Bytes in this node's page cache. */
  pageCacheBytes?: () => number;
}

/**
 * Builds the metrics of one Gazette process in a registry of its own (not prom-client's
 * global one, so tests and several apps in one process do not share counts). Gauges that
 * describe the database (feeds failing, queues, the pool) are read when scraped, and a
 * database that does not answer leaves them out rather than failing the scrape.
 */
export function createMetrics(sources: MetricSources): GazetteMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gazette_' });
  const { store } = sources;

  const httpRequests = new Counter({ name: 'gazette_http_requests_total', help: 'HTTP requests by route pattern, method and status.', labelNames: ['route', 'method', 'status'] as const, registers: [registry] });
  const httpDuration = new Histogram({
    name: 'gazette_http_request_duration_seconds',
    help: 'Time from request to the last byte of the response, by route pattern.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const pageCache = new Counter({ name: 'gazette_page_cache_requests_total', help: 'Page-cache lookups of GET/HEAD requests: hit (fast path or app) or miss.', labelNames: ['result', 'layer'] as const, registers: [registry] });
  const ingestItems = new Counter({ name: 'gazette_ingest_items_total', help: 'Items ingested, by outcome.', labelNames: ['outcome'] as const, registers: [registry] });
  const pipelineStage = new Histogram({ name: 'gazette_pipeline_stage_seconds', help: 'Time per item of each pipeline stage.', labelNames: ['stage'] as const, buckets: STAGE_BUCKETS, registers: [registry] });
  const feedPolls = new Counter({ name: 'gazette_feed_polls_total', help: 'Feed polls by result.', labelNames: ['result'] as const, registers: [registry] });
  const webhookAttempts = new Counter({ name: 'gazette_webhook_attempts_total', help: 'Webhook delivery attempts by result.', labelNames: ['result'] as const, registers: [registry] });

  new Gauge({
    name: 'gazette_feeds',
    help: 'Registered feeds, and those whose last poll failed.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const health = await store.feeds.health().catch(() => undefined);
      if (!health) return;
      this.set({ state: 'total' }, health.total);
      this.set({ state: 'failing' }, health.failing);
    },
  });
  new Gauge({
    name: 'gazette_queue_size',
    help: 'Work waiting: webhook events not yet fanned out (webhook_outbox), deliveries not yet sent (webhook_deliveries), comments awaiting moderation (comments, counted up to 1000) and open complaints (complaints, up to 1000).',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const sizes = await store.webhooks.queueSizes().catch(() => undefined);
      if (!sizes) return;
      this.set({ queue: 'webhook_outbox' }, sizes.outbox);
      this.set({ queue: 'webhook_deliveries' }, sizes.pending);
      const [comments, complaints] = await Promise.all([store.comments.countWaiting().catch(() => undefined), store.complaints.countOpen().catch(() => undefined)]);
      if (comments !== undefined) this.set({ queue: 'comments' }, comments);
      if (complaints !== undefined) this.set({ queue: 'complaints' }, complaints);
    },
  });
  new Gauge({
    name: 'gazette_db_pool_connections',
    help: 'PostgreSQL pool: connections open, idle, and queries waiting for one (absent on SQLite).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = store.poolStats();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  new Gauge({
    name: 'gazette_db_up',
    help: '1 when the database answers a ping.',
    registers: [registry],
    async collect() {
      this.set((await store.ping()) ? 1 : 0);
    },
  });
  if (sources.pageCacheBytes) {
    const bytes = sources.pageCacheBytes;
    new Gauge({ name: 'gazette_page_cache_bytes', help: 'Bytes of rendered pages held in memory on this node.', registers: [registry], collect() { this.set(bytes()); } });
  }

  return {
    registry,
    httpRequests,
    httpDuration,
    pageCache,
    ingestItems,
    pipelineStage,
    feedPolls,
    webhookAttempts,
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
