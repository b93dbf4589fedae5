import type { Logger } from 'pino';
import type { Store } from '../store/store.js';

/** How often held items are checked: an embargo lifts at most this late. */
export const EMBARGO_CHECK_MS = 30_000;

/**
 * Publishes every held (embargoed) article whose time has come, in batches, through the
 * store's release (each article in its own transaction with its listings). Returns their ids.
 */
export async function releaseDueEmbargoes(store: Store, now: Date): Promise<number[]> {
  const released: number[] = [];
  for (;;) {
    const batch = await store.articles.releaseEmbargoes(now, 500);
    released.push(...batch);
    if (batch.length < 500) return released;
  }
}

/**
 * Runs `releaseDueEmbargoes` every `everyMs` on this node (the node that runs the feed
 * scheduler; on several nodes at once it is still safe: a release is a conditional update).
 * Returns a function that stops it.
 */
export function startEmbargoRelease(options: { store: Store; logger?: Logger; everyMs?: number; now?: () => Date }): () => void {
  const now = options.now ?? (() => new Date());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const released = await releaseDueEmbargoes(options.store, now());
      if (released.length > 0) options.logger?.info({ articles: released }, 'embargo lifted: published held articles');
    } catch (err) {
      options.logger?.warn({ err }, 'releasing embargoed articles failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.everyMs ?? EMBARGO_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
