import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ClusterOptions } from '../cluster/cluster-options.js';
import type { FullTextPolicy } from '../clean/needs-full-text.js';
import { fetchUrl, type FetchOptions } from '../ingest/fetch/fetch-url.js';
import { parseFeed } from '../ingest/parse-feed.js';
import { createIngestService, type IngestService, type IngestSummary } from '../pipeline/run-ingest.js';
import type { Feed, FeedPatch } from '../domain/feed.js';
import type { Store } from '../store/store.js';
import { updateRhythm } from './feed-rhythm.js';
import { freshnessMs, retryAfterMs } from './http-freshness.js';
import { planNextPoll } from './plan-next-poll.js';
import type { ScheduleRules } from './schedule-rules.js';
import { subscribeToHub } from './websub/subscribe-to-hub.js';

/** What polling needs from the outside world; the composition root and tests supply it. */
export interface PollContext {
  store: Store;
  rules: ScheduleRules;
  now: () => Date;
  random: () => number;
  logger?: Logger;
  /** Limits and resolver for fetching (allowPrivate comes from each feed). */
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'resolve' | 'userAgent' | 'addressPolicy' | 'maxPerHost'>;
  /** Gazette's public base URL; WebSub subscriptions need it for their callback. Null: never subscribe. */
  publicUrl: string | null;
  signal?: AbortSignal;
  /** Story-cluster thresholds (config); defaults when absent. */
  cluster?: Partial<ClusterOptions>;
  /** The ingest service (built by the composition root); one on this thread when absent. */
  ingest?: IngestService;
}

/** What one poll did, for the CLI and the logs. */
export interface PollOutcome {
  feedId: number;
  url: string;
  /**
   * "failed" covers fetch errors, bad HTTP statuses and unreadable feeds alike; "not-modified"
   * a 304, or the same bytes as the last poll that stored every item.
   */
  result: 'ok' | 'not-modified' | 'failed' | 'cancelled';
  httpStatus: number | null;
  error: string | null;
  summary: IngestSummary | null;
  nextPollAt: Date;
  websub: string | null;
}

/**
 * Polls one feed (already claimed by the caller): conditional GET, parse, ingest through the
 * one pipeline, then records health and the next poll time on the feed and releases the
 * claim. Every failure — network, HTTP status, malformed feed — is recorded on the feed in
 * plain words and stores nothing; the next success clears it.
 */
export async function pollFeed(feed: Feed, ctx: PollContext): Promise<PollOutcome> {
  const started = ctx.now();
  const fetched = await fetchUrl(feed.url, {
    ...ctx.fetch,
    allowPrivate: feed.allowPrivate,
    etag: feed.etag,
    lastModified: feed.lastModified,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    signal: ctx.signal,
  });
  if (ctx.signal?.aborted) {
    // Shutting down: leave the feed as it was, due again for whichever node runs next.
    await ctx.store.feeds.update(feed.id, { claimedBy: null, claimedUntil: null });
    return outcome('cancelled', null, 'the poll was cancelled', null, feed.nextPollAt, null);
  }
  const now = ctx.now();
  if (fetched.kind === 'failed') {
    return recordFailure(fetched.reason, fetched.status ?? null, retryAfterMs(fetched.retryAfter, now));
  }

  let summary: IngestSummary | null = null;
  let title = feed.title;
  let websub: string | null = null;
  // Many servers send the whole feed again rather than a 304: the same bytes as the last poll
  // that stored every item are not parsed or looked up again (a poll's largest cost).
  const bodyHash = fetched.kind === 'ok' ? createHash('sha256').update(fetched.body).digest('hex') : null;
  // (A feed with a hub is read again when its subscription is due for renewal, or made before
  // callback tokens: reading the feed subscribes again.)
  const renewalDue = feed.websubHub !== null && (feed.websubToken === null || (feed.websubLeaseUntil?.getTime() ?? 0) - now.getTime() <= ctx.rules.websubRenewMs);
  const sameBytes = bodyHash !== null && bodyHash === feed.bodyHash && !renewalDue;
  if (fetched.kind === 'ok' && !sameBytes) {
    const parsed = parseFeed(fetched.body, { contentType: fetched.contentType, url: fetched.finalUrl });
    if (parsed.kind === 'rejected') {
      return recordFailure(`the feed could not be read: ${parsed.reason}`, fetched.status, retryAfterMs(fetched.retryAfter, now));
    }
    const provider = await ctx.store.providers.findById(feed.providerId);
    if (!provider) return recordFailure('the feed belongs to no provider', fetched.status, null);
    try {
      const ingest = ctx.ingest ?? createIngestService({ store: ctx.store, cluster: ctx.cluster, fetch: ctx.fetch });
      summary = await ingest.ingest(provider, parsed.items, { now: ctx.now, fullText: feedFullText(feed), allowPrivate: feed.allowPrivate, signal: ctx.signal });
      for (const failure of summary.fullText.failed) ctx.logger?.warn({ feedId: feed.id, ...failure }, 'full text could not be fetched');
    } catch (error) {
      // Each item commits on its own, so what was stored stays whole; the rest comes next poll.
      return recordFailure(`the items could not be stored: ${(error as Error).message}`, fetched.status, null);
    }
    title = parsed.feed.title ?? title;
    if (parsed.feed.hubUrl && ctx.publicUrl) websub = await maybeSubscribe(parsed.feed.hubUrl, parsed.feed.selfUrl ?? fetched.finalUrl);
  }

  const current = (await ctx.store.feeds.findById(feed.id)) ?? feed;
  const nextPollAt = planNextPoll(
    {
      now,
      intervalMs: feed.pollIntervalSeconds * 1000,
      succeeded: true,
      consecutiveFailures: 0,
      freshnessMs: freshnessMs(fetched.caching, now),
      retryAfterMs: retryAfterMs(fetched.retryAfter, now),
      websubLeaseUntil: current.websubLeaseUntil,
    },
    ctx.rules,
    ctx.random,
  );
  const patch: FeedPatch = {
    title,
    lastFetchAt: started,
    lastSuccessAt: now,
    lastStatus: fetched.status,
    consecutiveFailures: 0,
    lastError: null,
    // A 304 may carry fresh validators; a server that stops sending them keeps the old ones.
    etag: fetched.etag ?? feed.etag,
    lastModified: fetched.lastModified ?? feed.lastModified,
    // Kept only when every item of these bytes was stored: one refused (or a run cut short) is tried again.
    bodyHash: summary ? (summary.rejected.length === 0 && !ctx.signal?.aborted ? bodyHash : null) : feed.bodyHash,
    itemsSeen: summary?.read ?? 0,
    itemsNew: summary?.created ?? 0,
    itemsUpdated: summary?.updated ?? 0,
    ...updateRhythm(feed, summary?.created ?? 0, now, ctx.rules),
    nextPollAt,
    claimedBy: null,
    claimedUntil: null,
  };
  await ctx.store.feeds.update(feed.id, patch);
  if (fetched.movedPermanently && fetched.finalUrl !== feed.url) await moveFeed(fetched.finalUrl);
  return outcome(sameBytes ? 'not-modified' : fetched.kind, fetched.status, null, summary, nextPollAt, websub);

  async function recordFailure(reason: string, status: number | null, retryAfter: number | null): Promise<PollOutcome> {
    const failures = feed.consecutiveFailures + 1;
    const nextPollAt = planNextPoll(
      { now, intervalMs: feed.pollIntervalSeconds * 1000, succeeded: false, consecutiveFailures: failures, retryAfterMs: retryAfter },
      ctx.rules,
      ctx.random,
    );
    await ctx.store.feeds.update(feed.id, {
      lastFetchAt: started,
      lastStatus: status,
      consecutiveFailures: failures,
      lastError: reason,
      nextPollAt,
      claimedBy: null,
      claimedUntil: null,
    });
    ctx.logger?.warn({ feedId: feed.id, url: feed.url, status, failures, reason }, 'feed poll failed');
    return outcome('failed', status, reason, null, nextPollAt, null);
  }

  async function maybeSubscribe(hubUrl: string, topicUrl: string): Promise<string | null> {
    const current = (await ctx.store.feeds.findById(feed.id)) ?? feed;
    const leaseLeft = current.websubLeaseUntil ? current.websubLeaseUntil.getTime() - now.getTime() : 0;
    // A subscription made before callback tokens existed is made again, with a token.
    const unchanged = current.websubHub === hubUrl && current.websubTopic === topicUrl && current.websubToken !== null;
    if (unchanged && leaseLeft > ctx.rules.websubRenewMs) return null;
    const answer = await subscribeToHub(ctx.store, current, { hubUrl, topicUrl, publicUrl: ctx.publicUrl!, fetch: ctx.fetch });
    if (!answer.ok) ctx.logger?.warn({ feedId: feed.id, hubUrl, reason: answer.reason }, 'WebSub subscription failed');
    return answer.ok ? `subscription requested at ${hubUrl}` : answer.reason;
  }

  async function moveFeed(url: string): Promise<void> {
    // RFC 9110 §15.4.2: a permanent redirect means "use the new URL from now on".
    try {
      await ctx.store.feeds.update(feed.id, { url });
    } catch (error) {
      ctx.logger?.warn({ feedId: feed.id, url, error: (error as Error).message }, 'could not move the feed to its new URL');
    }
  }

  function outcome(
    result: PollOutcome['result'],
    httpStatus: number | null,
    error: string | null,
    summary: IngestSummary | null,
    nextPollAt: Date,
    websub: string | null,
  ): PollOutcome {
    return { feedId: feed.id, url: feed.url, result, httpStatus, error, summary, nextPollAt, websub };
  }
}

/**
 * Which items of a feed are completed from their pages: all of them when the feed is marked
 * "full text", else only those with no real body (empty, the summary again, a "Read more" stub).
 */
export function feedFullText(feed: Pick<Feed, 'fullText'>): FullTextPolicy {
  return feed.fullText ? { always: true } : { minWords: 0 };
}
