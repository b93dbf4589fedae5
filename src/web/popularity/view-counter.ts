import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { popularWindows, type ViewCount } from '../../domain/popularity.js';
import type { PopularityRepo } from '../../store/popularity-repo.js';
import { isAutomated, isPrefetch } from './is-automated.js';

/** An article page as readers open it: its id, then its slug (a missing slug is a redirect, not a view). */
const ARTICLE_PATH = /^\/article\/(\d{1,10})\/[^/?#]+\/?(?:\?|$)/;
const DAY = 86_400_000;
/** Visitor-article pairs remembered per day at most (about 80 bytes each): beyond it, repeats count again rather than memory growing. */
const MAX_SEEN = 1_000_000;
/** Articles waiting for a flush at most: a database down for long loses counts, never memory. */
const MAX_PENDING = 100_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface ViewCounterOptions {
  popularity: PopularityRepo;
  halfLifeHours: number;
  flushMs: number;
  logger: Logger;
  now?: () => number;
}

/** What the counter needs of a request: the page, who asks (never stored), and how. */
export interface ViewRequest {
  articleId: number;
  ip: string;
  userAgent: string | undefined;
  headers: IncomingMessage['headers'];
}

/**
 * Counts article views without cookies and without storing who viewed. A visitor is a
 * SHA-256 of (a salt, their IP, their user agent), and the salt is random, kept in memory
 * only and replaced every day (UTC), so yesterday's hashes cannot be linked to today's and
 * nobody can recompute them. Only "this visitor-article pair was seen today" is kept, in
 * memory. Programs, prefetches and repeat views of the same visitor in a day do not count.
 * Counts are buffered and written in one batch per flush interval, never one write a view.
 */
export class ViewCounter {
  private pending = new Map<number, number>();
  private seen = new Set<string>();
  private day = -1;
  private salt = Buffer.alloc(0);
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private flushing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ViewCounterOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Watches one HTTP request: when it was a GET of an article page answered 200 — from the
   * page cache or freshly rendered, it is the same to the reader — it may count. Runs before
   * the page cache, so a cached page still counts.
   */
  observe(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' || !req.url) return;
    const match = ARTICLE_PATH.exec(req.url);
    if (!match) return;
    const articleId = Number(match[1]);
    res.once('finish', () => {
      if (res.statusCode !== 200) return;
      this.count({ articleId, ip: req.socket.remoteAddress ?? '', userAgent: req.headers['user-agent'], headers: req.headers });
    });
  }

  /** Counts one page view unless it is automated, a prefetch or a repeat today; returns whether it counted. */
  count(view: ViewRequest): boolean {
    if (isAutomated(view.userAgent) || isPrefetch(view.headers)) return false;
    this.rotate();
    const visitor = createHash('sha256').update(this.salt).update(view.ip).update('\0').update(view.userAgent ?? '').update('\0').update(String(view.articleId)).digest('base64url').slice(0, 22);
    if (this.seen.has(visitor)) return false;
    if (this.seen.size < MAX_SEEN) this.seen.add(visitor);
    if (this.pending.size >= MAX_PENDING && !this.pending.has(view.articleId)) return false;
    this.pending.set(view.articleId, (this.pending.get(view.articleId) ?? 0) + 1);
    return true;
  }

  /** Views counted and not yet written. */
  get unflushed(): number {
    let n = 0;
    for (const v of this.pending.values()) n += v;
    return n;
  }

  /** Writes the buffered counts in one batch; on failure they wait for the next flush. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is buffered. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const at = new Date(this.now());
    const counts: ViewCount[] = [...batch].map(([articleId, views]) => ({ articleId, views, at }));
    try {
      await this.options.popularity.record(counts, this.options.halfLifeHours);
      if (at.getTime() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = at.getTime();
        // A day past the longest window, so a story at its edge never flickers out.
        await this.options.popularity.prune(at.getTime() - popularWindows['7d'] - DAY);
      }
    } catch (err) {
      this.options.logger.warn({ err, articles: counts.length }, 'could not write counted views; they wait for the next flush');
      for (const [id, views] of batch) if (this.pending.size < MAX_PENDING || this.pending.has(id)) this.pending.set(id, (this.pending.get(id) ?? 0) + views);
    }
  }

  private rotate(): void {
    const day = Math.floor(this.now() / DAY);
    if (day === this.day) return;
    this.day = day;
    this.salt = randomBytes(32);
    this.seen = new Set();
  }
}
