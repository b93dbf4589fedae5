/**
 * Exponential backoff for a failing feed: the delay doubles with each consecutive failure
 * up to a cap, and never stops — a feed that comes back is picked up again by itself.
 */
export function backoffDelayMs(intervalMs: number, consecutiveFailures: number, capMs: number): number {
  // A feed polled less often than the cap is never polled more often because it failed.
  const cap = Math.max(capMs, intervalMs);
  if (consecutiveFailures <= 0) return intervalMs;
  // 2^failures grows past any cap quickly; the exponent is bounded so it stays a finite number.
  return Math.min(cap, intervalMs * 2 ** Math.min(consecutiveFailures, 40));
}

/**
 * Adds up to `fraction` of the delay at random, so feeds added together (or recovering
 * together after an outage) do not all fire in the same second. Jitter only ever adds time,
 * so a server's Retry-After is never undercut.
 */
export function withJitter(delayMs: number, fraction: number, random: () => number = Math.random): number {
  return Math.round(delayMs + delayMs * fraction * Math.min(Math.max(random(), 0), 1));
}
