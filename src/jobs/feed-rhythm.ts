import type { ScheduleRules } from './schedule-rules.js';

/** The part of a feed's state that tracks how often it brings something new. */
export interface FeedRhythm {
  lastNewItemAt: Date | null;
  typicalIntervalSeconds: number | null;
  quietSince: Date | null;
}

/**
 * Learns a feed's usual gap between new items (a moving average over the polls that found
 * something new) and flags the feed as quiet once it has been silent for much longer than
 * that — `quietFactor` times its usual gap, and at least `minQuietMs` — so an editor can
 * look at a feed that stopped publishing without ever failing.
 */
export function updateRhythm(
  rhythm: FeedRhythm,
  newItems: number,
  now: Date,
  rules: Pick<ScheduleRules, 'quietFactor' | 'minQuietMs'>,
): FeedRhythm {
  if (newItems > 0) {
    const gap = rhythm.lastNewItemAt ? Math.round((now.getTime() - rhythm.lastNewItemAt.getTime()) / 1000) : null;
    const typical =
      gap === null ? rhythm.typicalIntervalSeconds : rhythm.typicalIntervalSeconds === null ? gap : Math.round(0.75 * rhythm.typicalIntervalSeconds + 0.25 * gap);
    return { lastNewItemAt: now, typicalIntervalSeconds: typical, quietSince: null };
  }
  // Only the three rhythm fields go back, even when handed a whole feed: callers spread the result.
  const same: FeedRhythm = { lastNewItemAt: rhythm.lastNewItemAt, typicalIntervalSeconds: rhythm.typicalIntervalSeconds, quietSince: rhythm.quietSince };
  if (same.quietSince || !same.lastNewItemAt || same.typicalIntervalSeconds === null) return same;
  const silentMs = now.getTime() - same.lastNewItemAt.getTime();
  const threshold = Math.max(rules.quietFactor * same.typicalIntervalSeconds * 1000, rules.minQuietMs);
  return silentMs > threshold ? { ...same, quietSince: now } : same;
}
