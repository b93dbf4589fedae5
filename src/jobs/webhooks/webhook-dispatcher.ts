import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../../store/store.js';
import type { DueDelivery, NewDelivery } from '../../store/webhook-repo.js';
import { nextAttemptAt, defaultRetryPolicy, type RetryPolicy } from './retry-plan.js';
import { sendDelivery, type DeliveryFetchOptions, type SendOutcome } from './send-delivery.js';
import { eventTypes, matchesFilter, webhookEventBody } from './webhook-event.js';
import type { WebhookSecretBox } from '../../domain/webhook-secret-box.js';

/** How the dispatcher runs; everything but the store has a default. */
export interface WebhookDispatcherOptions {
  store: Store;
  /** Opens the sealed signing secrets (keyed from the server secret, the same on every node). */
  secrets: WebhookSecretBox;
  /** Gazette's public base URL, for the article URLs in events. */
  publicUrl: string;
  logger?: Logger;
  /** Names this node in delivery claims; unique per process by default. */
  nodeId?: string;
  /** How often to look for due deliveries when nothing changed. Default 5 s. */
  tickMs?: number;
  /** Deliveries sent at the same time. Default 4. */
  concurrency?: number;
  /** How long a claim holds if this node dies mid-send. Default 2 min. */
  claimMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: DeliveryFetchOptions;
  now?: () => Date;
  random?: () => number;
  /** Told of every attempt (metrics). */
  onAttempt?: (outcome: SendOutcome) => void;
}

/** Sends partners' webhooks from the outbox and the delivery queue in the database. */
export interface WebhookDispatcher {
  start(): void;
  stop(): Promise<void>;
  /** Fans the whole outbox out, then sends every due delivery once; returns the attempts made. */
  runOnce(): Promise<number>;
}

const OUTBOX_BATCH = 200;

/**
 * The webhook dispatcher: (1) fan-out turns each outbox event into one delivery per
 * matching enabled endpoint, in one transaction that also deletes the event; (2) sending
 * claims due deliveries (two nodes never claim one), POSTs each signed, and records the
 * outcome: delivered, retried later with backoff, or given up after the last attempt, which
 * disables the endpoint. Every step is a committed row, so a restart loses nothing; a node
 * that dies mid-send leaves a claim that expires, and the event is sent again (at least once).
 * Its first round seals any signing secret still stored in plain text from before sealing.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { store } = options;
  const nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const tickMs = options.tickMs ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const claimMs = options.claimMs ?? 2 * 60_000;
  const retry = { ...defaultRetryPolicy, ...options.retry };
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | undefined;
  let sealedOldSecrets: Promise<unknown> | undefined;

  /** One outbox batch; false when the outbox is empty. */
  async function fanOutBatch(): Promise<boolean> {
    return store.transaction(async (tx) => {
      const events = await tx.webhooks.takeOutbox(OUTBOX_BATCH);
      if (events.length === 0) return false;
      const hooks = await tx.webhooks.active();
      const deliveries: NewDelivery[] = [];
      for (const event of hooks.length > 0 ? events : []) {
        const article = await tx.articles.findById(event.articleId);
        // A created or updated article that is not (or no longer) public is nobody's news.
        if (!article || ((event.kind === 'created' || event.kind === 'updated') && article.status !== 'published')) continue;
        const needsEntities = hooks.some((h) => h.filter.entity !== undefined);
        const entitySlugs = needsEntities ? (await tx.entities.ofArticle(article.id)).map((e) => e.slug) : [];
        const matching = hooks.filter((h) => matchesFilter(h.filter, { article, entitySlugs }));
        if (matching.length === 0) continue;
        const story = { id: (await tx.clusters.membershipOf(article.id))?.clusterId ?? article.id };
        for (const hook of matching) {
          const made = webhookEventBody(event, article, story, options.publicUrl);
          deliveries.push({ webhookId: hook.id, eventId: made.id, eventType: eventTypes[event.kind], articleId: article.id, payload: made.body });
        }
      }
      await tx.webhooks.enqueue(deliveries, now());
      await tx.webhooks.deleteOutbox(events.map((e) => e.id));
      return true;
    });
  }

  async function sendDue(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const claimed = await store.webhooks.claimDue(nodeId, now(), new Date(now().getTime() + claimMs), concurrency * 4);
      if (claimed.length === 0) return attempts;
      const queue = [...claimed];
      const worker = async () => {
        for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
          const outcome = await sendSealed(delivery);
          attempts++;
          options.onAttempt?.(outcome);
          const at = now();
          const made = delivery.attempts + 1;
          const next = outcome.delivered || outcome.permanent ? null : nextAttemptAt(made, retry, at, options.random);
          await store.webhooks.recordAttempt(delivery.id, { ...outcome, nextAttemptAt: next, at });
          if (!outcome.delivered && next === null) {
            const reason = outcome.permanent
              ? `stopped after a permanent failure: ${outcome.error}`
              : `stopped after ${made} failed attempts; last: ${outcome.error}`;
            await store.webhooks.setDisabled(delivery.webhookId, reason, at);
            options.logger?.warn({ webhookId: delivery.webhookId, deliveryId: delivery.id, reason }, 'webhook endpoint disabled');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    }
  }

  /** Sends one delivery signed with its opened secrets; one that cannot be opened is a failed attempt, retried. */
  async function sendSealed(delivery: DueDelivery): Promise<SendOutcome> {
    const secrets = delivery.secrets.map((s) => options.secrets.open(s));
    if (secrets.some((s) => s === null)) {
      const error = "the endpoint's signing secret was sealed with another server secret: set the same IMAGE_SECRET on every node";
      options.logger?.error({ webhookId: delivery.webhookId, deliveryId: delivery.id }, error);
      return { delivered: false, status: null, error, permanent: false };
    }
    return sendDelivery({ ...delivery, secrets: secrets as string[] }, options.fetch, now());
  }

  async function runOnce(): Promise<number> {
    sealedOldSecrets ??= store.webhooks.sealPlainSecrets(options.secrets.isPlain, options.secrets.seal).then(
      (n) => {
        if (n > 0) options.logger?.info({ endpoints: n }, 'sealed webhook secrets stored in plain text');
      },
      (err: unknown) => {
        sealedOldSecrets = undefined; // tried again next round
        throw err;
      },
    );
    await sealedOldSecrets;
    while (await fanOutBatch());
    return sendDue();
  }

  /** Runs a round now, or right after the one under way. */
  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = runOnce()
      .catch((err: unknown) => {
        options.logger?.error({ err }, 'webhook round failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        } else schedule();
      });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(kick, tickMs);
    timer.unref?.();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // A commit anywhere may have written the outbox: look at once rather than at the next tick.
      unsubscribe = store.changes.subscribe((tags) => {
        if (tags.some((t) => t.startsWith('article:') || t === '*')) kick();
      });
      kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await running;
    },
    runOnce,
  };
}
