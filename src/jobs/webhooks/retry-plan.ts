import { withJitter } from '../backoff.js';

/** How deliveries are retried; every field has a default. */
export interface RetryPolicy {
  /** Attempts in all before a delivery is given up and its endpoint disabled. Default 15. */
  maxAttempts: number;
  /** Delay after the first failure; doubles with each one. Default 30 s. */
  baseDelayMs: number;
  /** The longest delay between two attempts. Default 6 h. */
  maxDelayMs: number;
}

/**
 * The defaults retry for about 32 hours (30 s, 1 min, 2 min … 4 h 16 min, then every 6 h),
 * so a receiver that is down for a day still gets every event.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 15, baseDelayMs: 30_000, maxDelayMs: 6 * 60 * 60_000 };

/**
 * When to try again after `attempts` failed attempts, or null to give up. The delay doubles
 * up to the cap, plus up to half again at random, so endpoints that fail together (an outage)
 * do not all come back in the same second.
 */
export function nextAttemptAt(attempts: number, policy: RetryPolicy, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return new Date(now.getTime() + withJitter(delay, 0.5, random));
}
