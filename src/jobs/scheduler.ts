import type { ClusterOptions } from '../cluster/cluster-options.js';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { IngestService } from '../pipeline/run-ingest.js';
import type { Store } from '../store/store.js';
import { pollFeed, type PollContext, type PollOutcome } from './poll-feed.js';
import { defaultScheduleRules, type ScheduleRules } from './schedule-rules.js';

/** How the scheduler runs; everything has a default. */
export interface SchedulerOptions {
  store: Store;
  logger?: Logger;
  /** Names this node in feed claims; unique per process by default. */
  nodeId?: string;
  /** How often to look for due feeds. Default 15 s. */
  tickMs?: number;
  /** Feeds claimed per query. Default 20. */
  batchSize?: number;
  /** Feeds polled at the same time. Default 4. */
  concurrency?: number;
  /** How long a claim holds if this node dies mid-poll. Default 5 min. */
  claimMs?: number;
  rules?: Partial<ScheduleRules>;
  now?: () => Date;
  random?: () => number;
  fetch?: PollContext['fetch'];
  publicUrl?: string | null;
  /** Story-cluster thresholds for what the polls ingest. */
  cluster?: Partial<ClusterOptions>;
  /** The ingest service the polls use (on the worker pool); one on this thread when absent. */
  ingest?: IngestService;
  /** Told of every poll (/metrics). */
  onPoll?: (outcome: PollOutcome) => void;
}

/** The in-process feed scheduler. */
export interface Scheduler {
  readonly nodeId: string;
  /** Starts ticking; the first round runs at once. */
  start(): void;
  /** Stops ticking, cancels fetches in flight and waits for the round to wind down. */
  stop(): Promise<void>;
  /** One round: claims and polls due feeds until none is left due; returns what each poll did. */
  runOnce(): Promise<PollOutcome[]>;
  /** Polls one feed now, due or not; "busy" when another node is polling it. */
  pollNow(feedId: number): Promise<PollOutcome | 'busy' | 'not-found'>;
}

/**
 * Polls every feed on its own schedule. Several nodes may run one each against the same
 * PostgreSQL: each feed is claimed (FeedRepo.claimDue, `FOR UPDATE SKIP LOCKED`) by exactly
 * one node before it is polled, and the claim expires if that node dies.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const tickMs = options.tickMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const claimMs = options.claimMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  const stopping = new AbortController();
  const ctx: PollContext = {
    store: options.store,
    rules: { ...defaultScheduleRules, ...options.rules },
    now,
    random: options.random ?? Math.random,
    logger: options.logger,
    fetch: options.fetch,
    publicUrl: options.publicUrl ?? null,
    cluster: options.cluster,
    ingest: options.ingest,
    signal: stopping.signal,
  };
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  let running = false;

  const claimUntil = () => new Date(now().getTime() + claimMs);

  async function runOnce(): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    while (!stopping.signal.aborted) {
      const claimed = await options.store.feeds.claimDue(nodeId, now(), claimUntil(), batchSize);
      if (claimed.length === 0) break;
      const queue = [...claimed];
      const worker = async () => {
        for (let feed = queue.shift(); feed; feed = queue.shift()) {
          try {
            const outcome = await pollFeed(feed, ctx);
            options.onPoll?.(outcome);
            outcomes.push(outcome);
          } catch (error) {
            // A store failure mid-poll: the claim expires and another round retries the feed.
            options.logger?.error({ feedId: feed.id, error: (error as Error).message }, 'feed poll crashed');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    }
    return outcomes;
  }

  function schedule(delay: number): void {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      round = runOnce()
        .then((outcomes) => {
          if (outcomes.length > 0) {
            const failed = outcomes.filter((o) => o.result === 'failed').length;
            options.logger?.info({ polled: outcomes.length, failed }, 'polled due feeds');
          }
        })
        .catch((error: Error) => options.logger?.error({ error: error.message }, 'scheduler round failed'))
        .finally(() => schedule(tickMs));
    }, delay);
    timer.unref?.();
  }

  return {
    nodeId,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await round;
    },
    runOnce,
    async pollNow(feedId) {
      const feed = await options.store.feeds.findById(feedId);
      if (!feed) return 'not-found';
      const claimed = await options.store.feeds.claim(feedId, nodeId, now(), claimUntil());
      if (!claimed) return 'busy';
      const outcome = await pollFeed(claimed, ctx);
      options.onPoll?.(outcome);
      return outcome;
    },
  };
}
