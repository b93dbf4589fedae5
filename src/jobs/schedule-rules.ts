/** The rules the scheduler follows; defaults are documented in the README ("Feeds"). */
export interface ScheduleRules {
  /** No feed is polled more often than this, whatever its interval or headers say. */
  minIntervalMs: number;
  /** Backoff never waits longer than this between attempts (unless the interval is longer). */
  maxBackoffMs: number;
  /** Random extra delay, as a fraction of the delay (0.1 = up to 10 % later). */
  jitterFraction: number;
  /** Cache-Control / Expires may push the next poll out by at most this much. */
  maxFreshnessMs: number;
  /** Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
  /** While a WebSub lease is valid the feed is polled only this often, as a safety net. */
  websubPollMs: number;
  /** Renew a WebSub subscription when its lease ends within this time. */
  websubRenewMs: number;
  /** A feed is quiet when no new item came for `quietFactor` × its usual gap … */
  quietFactor: number;
  /** … and for at least this long. */
  minQuietMs: number;
}

const minute = 60_000;
const hour = 60 * minute;

/** Gazette's default schedule. */
export const defaultScheduleRules: Readonly<ScheduleRules> = Object.freeze({
  minIntervalMs: minute,
  maxBackoffMs: 6 * hour,
  jitterFraction: 0.1,
  maxFreshnessMs: 24 * hour,
  maxRetryAfterMs: 24 * hour,
  websubPollMs: 24 * hour,
  websubRenewMs: 24 * hour,
  quietFactor: 4,
  minQuietMs: 6 * hour,
});
