import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { GazetteError } from '../domain/errors.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SITE_NAME: z.string().min(1).default('Gazette'),
  /** Public base URL used in feeds, sitemaps and canonical links. */
  PUBLIC_URL: z.string().url().optional(),
  /** Load the demo set into an empty database on start ("true"/"false"). */
  DEMO_CONTENT: z.enum(['true', 'false']).default('true'),
  /** Run the feed scheduler in this process ("true"/"false"). */
  SCHEDULER: z.enum(['true', 'false']).default('true'),
  /** Minimum estimated similarity (0–1] for two versions to be one story. */
  CLUSTER_SIMILARITY: z.coerce.number().gt(0).lte(1).default(0.5),
  /** Versions published further apart than this many hours are never one story. */
  CLUSTER_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** Memory for rendered pages on this node, in megabytes; 0 turns the page cache off. */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  /** How long a CDN may serve a listing page (s-maxage). */
  CACHE_LISTING_SECONDS: z.coerce.number().int().min(0).default(30),
  /** How long a CDN may serve an article page (s-maxage). */
  CACHE_ARTICLE_SECONDS: z.coerce.number().int().min(0).default(300),
  /** How long a CDN may serve a stale page while it fetches a fresh one (stale-while-revalidate). */
  CACHE_STALE_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Push API requests per minute per API key (0: no limit). */
  PUSH_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  /** Public API reads per minute per client IP (0: no limit). */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(300),
  /** WebSub callback requests per minute per client IP (0: no limit). */
  WEBSUB_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  /** Requests the fetcher keeps in flight to one host at most. */
  FETCH_MAX_PER_HOST: z.coerce.number().int().min(1).max(64).default(4),
  /** Worker threads that clean and enrich ingested items; 0 runs them on the main thread. Default: one per core. */
  INGEST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** URLs per sitemap file at most (the protocol allows 50,000). */
  SITEMAP_MAX_URLS: z.coerce.number().int().min(1).max(50_000).default(50_000),
  /** A WebSub hub that outbound feeds advertise (rel="hub"). */
  FEED_HUB_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** Log lines as JSON, as readable lines for people ("pretty"), or pretty only on a terminal ("auto"). */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** One log line per HTTP request ("true"/"false"). */
  ACCESS_LOG: z.enum(['true', 'false']).default('true'),
  /** Serves /metrics on the site's port to requests bearing this token (Authorization: Bearer). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
  /** Serves /metrics on this separate port (on HOST) instead; with METRICS_TOKEN, the token is needed there too. */
  METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
});

/** Gazette's whole configuration, validated once at start and frozen. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** The SQLite file used when no DATABASE_URL is set. */
  sqliteFile: string;
  databaseUrl: string | undefined;
  logLevel: (typeof logLevels)[number];
  siteName: string;
  publicUrl: string;
  demoContent: boolean;
  /** Whether this process polls feeds. */
  scheduler: boolean;
  /** Story-cluster thresholds every ingest path uses (see README, "Enrichment and clustering"). */
  clustering: { similarity: number; windowHours: number };
  /** Bytes of rendered pages kept in memory; 0 when the page cache is off. */
  pageCacheBytes: number;
  /** Cache-Control lifetimes for shared caches, in seconds (see README, "Caching"). */
  httpCache: { listingSeconds: number; articleSeconds: number; staleSeconds: number };
  /** Requests per minute allowed per push API key, per WebSub client IP and per API reader IP; 0 turns a limit off. */
  rateLimits: { pushPerMinute: number; websubPerMinute: number; readPerMinute: number };
  /** Requests the fetcher keeps in flight to one host (feeds, article pages, hubs). */
  fetchMaxPerHost: number;
  /** Worker threads of the ingest pool (0: process on the main thread). */
  ingestWorkers: number;
  /** URLs per sitemap file at most; a month with more is split into parts. */
  sitemapMaxUrls: number;
  /** The WebSub hub outbound feeds name (rel="hub"), if any. */
  websubHub: string | undefined;
  /** Whether PUBLIC_URL was given; otherwise pages that name the base URL use the request's origin. */
  publicUrlConfigured: boolean;
  /** JSON lines, or readable lines for people (see README, Operating Gazette). */
  logFormat: 'auto' | 'json' | 'pretty';
  accessLog: boolean;
  /** Where /metrics is served: on the site's port with a token, and/or on a port of its own. Neither: not served. */
  metrics: { token: string | undefined; port: number | undefined };
}

/**
 * Reads the configuration from environment variables, applies the documented defaults
 * (see README, "Configuration") and fails with every bad key listed at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GazetteError('CONFIG_INVALID', `Invalid configuration: ${problems}`, { details: parsed.error.issues });
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dataDir,
    sqliteFile: resolve(dataDir, 'gazette.sqlite'),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    siteName: e.SITE_NAME,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    demoContent: e.DEMO_CONTENT === 'true',
    scheduler: e.SCHEDULER === 'true',
    clustering: Object.freeze({ similarity: e.CLUSTER_SIMILARITY, windowHours: e.CLUSTER_WINDOW_HOURS }),
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    httpCache: Object.freeze({ listingSeconds: e.CACHE_LISTING_SECONDS, articleSeconds: e.CACHE_ARTICLE_SECONDS, staleSeconds: e.CACHE_STALE_SECONDS }),
    rateLimits: Object.freeze({ pushPerMinute: e.PUSH_RATE_LIMIT, websubPerMinute: e.WEBSUB_RATE_LIMIT, readPerMinute: e.API_RATE_LIMIT }),
    fetchMaxPerHost: e.FETCH_MAX_PER_HOST,
    ingestWorkers: e.INGEST_WORKERS ?? availableParallelism(),
    websubHub: e.FEED_HUB_URL,
    sitemapMaxUrls: e.SITEMAP_MAX_URLS,
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    logFormat: e.LOG_FORMAT,
    accessLog: e.ACCESS_LOG === 'true',
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT }),
  });
}
