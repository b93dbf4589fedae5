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
  /** Admin sign-in attempts a minute per client IP; 0 turns it off (the account lockout stays). */
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
  /** Requests the fetcher keeps in flight to one host at most. */
  FETCH_MAX_PER_HOST: z.coerce.number().int().min(1).max(64).default(4),
  /** Worker threads that clean and enrich ingested items; 0 runs them on the main thread. Default: one per core. */
  INGEST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** URLs per sitemap file at most (the protocol allows 50,000). */
  SITEMAP_MAX_URLS: z.coerce.number().int().min(1).max(50_000).default(50_000),
  /** A WebSub hub that outbound feeds advertise (rel="hub"). */
  FEED_HUB_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** Key of the image URLs' HMAC signatures; the same on every node. Default: one made once and kept in DATA_DIR. */
  IMAGE_SECRET: z.string().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  /** Disk for fetched and resized images, in megabytes; the least recently used go first. */
  IMAGE_CACHE_MB: z.coerce.number().min(1).max(10_000_000).default(1024),
  /** Widths the image endpoint makes, in pixels, comma-separated. */
  IMAGE_WIDTHS: z
    .string()
    .regex(/^\s*\d{2,4}(\s*,\s*\d{2,4})*\s*$/, 'must be widths in pixels separated by commas, e.g. "320,640,960,1280"')
    .default('320,640,960,1280,1600'),
  /** Largest original picture fetched, in megabytes. */
  IMAGE_MAX_MB: z.coerce.number().positive().max(200).default(15),
  /** Largest original picture decoded, in megapixels (a decompression bomb stops here). */
  IMAGE_MAX_MEGAPIXELS: z.coerce.number().positive().max(1000).default(40),
  /** The IANA time zone pages show times in, e.g. "Europe/Berlin". */
  SITE_TIMEZONE: z.string().min(1).default('UTC').refine(isTimeZone, 'must be an IANA time zone such as "UTC" or "Asia/Dubai"'),
  /** The BCP 47 locale of dates and the site's own words, e.g. "en-GB", "ar". */
  SITE_LOCALE: z.string().min(2).default('en-GB').refine(isLocale, 'must be a BCP 47 locale such as "en-GB" or "ar-AE"'),
  /** Hours after which a view counts half as much in "Most popular". */
  POPULAR_HALF_LIFE_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
  /** Seconds between flushes of counted views to the database. */
  VIEW_FLUSH_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** Log lines as JSON, as readable lines for people ("pretty"), or pretty only on a terminal ("auto"). */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** One log line per HTTP request ("true"/"false"). */
  ACCESS_LOG: z.enum(['true', 'false']).default('true'),
  /** Serves /metrics on the site's port to requests bearing this token (Authorization: Bearer). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
  /** Serves /metrics on this separate port (on HOST) instead; with METRICS_TOKEN, the token is needed there too. */
  METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

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
  /** Cache-Control lifetimes for shared caches, in seconds (see README, "Listings and caching"). */
  httpCache: { listingSeconds: number; articleSeconds: number; staleSeconds: number };
  /** Requests per minute allowed per push API key, per WebSub client IP and per API reader IP; 0 turns a limit off. */
  rateLimits: { pushPerMinute: number; websubPerMinute: number; readPerMinute: number; signinPerMinute: number };
  /** Requests the fetcher keeps in flight to one host (feeds, article pages, hubs). */
  fetchMaxPerHost: number;
  /** Worker threads of the ingest pool (0: process on the main thread). */
  ingestWorkers: number;
  /** URLs per sitemap file at most; a month with more is split into parts. */
  sitemapMaxUrls: number;
  /** The WebSub hub outbound feeds name (rel="hub"), if any. */
  websubHub: string | undefined;
  /** The image endpoint (see README, "Images"); `secret` undefined: the one kept in DATA_DIR. */
  images: { secret: string | undefined; cacheBytes: number; widths: readonly number[]; maxBytes: number; maxPixels: number };
  /** How pages show times: IANA time zone and BCP 47 locale. */
  site: { timeZone: string; locale: string };
  /** "Most popular": the half-life of a view's weight, and how often counted views are written. */
  popularity: { halfLifeHours: number; flushSeconds: number };
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
    rateLimits: Object.freeze({ pushPerMinute: e.PUSH_RATE_LIMIT, websubPerMinute: e.WEBSUB_RATE_LIMIT, readPerMinute: e.API_RATE_LIMIT, signinPerMinute: e.SIGNIN_RATE_LIMIT }),
    fetchMaxPerHost: e.FETCH_MAX_PER_HOST,
    // One core is the main thread's: it stores every item (and serves pages), a full core of
    // work during an import. A pool thread more competes with it for that core and holds
    // another copy of the clean and enrich stages: on 2 cores, 3,000 items took 28 s and
    // peaked at 365 MB with two pool threads, 32 s and 294 MB with one.
    ingestWorkers: e.INGEST_WORKERS ?? Math.max(1, availableParallelism() - 1),
    websubHub: e.FEED_HUB_URL,
    sitemapMaxUrls: e.SITEMAP_MAX_URLS,
    images: Object.freeze({
      secret: e.IMAGE_SECRET,
      cacheBytes: Math.round(e.IMAGE_CACHE_MB * 1024 * 1024),
      widths: Object.freeze([...new Set(e.IMAGE_WIDTHS.split(',').map((w) => Number(w.trim())))].sort((a, b) => a - b)),
      maxBytes: Math.round(e.IMAGE_MAX_MB * 1024 * 1024),
      maxPixels: Math.round(e.IMAGE_MAX_MEGAPIXELS * 1_000_000),
    }),
    site: Object.freeze({ timeZone: e.SITE_TIMEZONE, locale: e.SITE_LOCALE }),
    popularity: Object.freeze({ halfLifeHours: e.POPULAR_HALF_LIFE_HOURS, flushSeconds: e.VIEW_FLUSH_SECONDS }),
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    logFormat: e.LOG_FORMAT,
    accessLog: e.ACCESS_LOG === 'true',
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT }),
  });
}
