import { backoffDelayMs, withJitter } from './backoff.js';
import type { ScheduleRules } from './schedule-rules.js';

/** What the next poll time depends on. */
export interface NextPollInput {
  now: Date;
  intervalMs: number;
  /** Whether this poll read the feed (200 or 304) or failed. */
  succeeded: boolean;
  /** Consecutive failures including this poll (0 after a success). */
  consecutiveFailures: number;
  /** From Cache-Control / Expires of a success. */
  freshnessMs?: number | null;
  /** From Retry-After (429, 503, or any answer that carries it). */
  retryAfterMs?: number | null;
  /** A valid WebSub lease means updates are pushed, so polling is only a safety net. */
  websubLeaseUntil?: Date | null;
}

/**
 * When to poll a feed next: its own interval after a success, stretched by the response's
 * freshness (RFC 9111) and by a valid WebSub lease; exponential backoff with a cap after a
 * failure, never sooner than Retry-After (RFC 9110 §10.2.3); plus random jitter.
 */
export function planNextPoll(input: NextPollInput, rules: ScheduleRules, random: () => number = Math.random): Date {
  const interval = Math.max(input.intervalMs, rules.minIntervalMs);
  let delay: number;
  if (input.succeeded) {
    delay = Math.max(interval, Math.min(input.freshnessMs ?? 0, rules.maxFreshnessMs));
    const lease = input.websubLeaseUntil ? input.websubLeaseUntil.getTime() - input.now.getTime() : 0;
    if (lease > 0) {
      // Poll rarely while pushes arrive, but soon enough to renew the lease before it ends.
      delay = Math.max(delay, Math.min(rules.websubPollMs, lease - rules.websubRenewMs / 2));
    }
  } else {
    delay = backoffDelayMs(interval, input.consecutiveFailures, rules.maxBackoffMs);
  }
  if (input.retryAfterMs != null) delay = Math.max(delay, Math.min(input.retryAfterMs, rules.maxRetryAfterMs));
  return new Date(input.now.getTime() + withJitter(delay, rules.jitterFraction, random));
}
