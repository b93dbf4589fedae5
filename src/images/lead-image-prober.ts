import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { ImageService } from './image-service.js';

/** The job that fetches and measures lead images after their stories are stored. */
export interface LeadImageProber {
  /** Something may be pending: look (cheap when already looking). */
  wake(): void;
  /** Resolves when nothing is pending and nothing runs (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops looking; waits for the pictures under way. */
  stop(): Promise<void>;
}

/** Pending images read per query, and fetched at once. */
const BATCH = 32;
const PARALLEL = 2;

/**
 * Measures every pending lead image: fetches it through the image service (so the original
 * is on disk before any reader asks), then records its size, or a failure, which leaves the
 * story without a picture. Ingest never waits for it and never fails because of it: a page
 * shows a picture only once it is measured, with its width and height (no layout shift, no
 * broken image). It finds its work in the store, so pictures of stories stored by another
 * process (an import) or before a restart are measured too; `wake` is called after ingest,
 * and a timer looks again every `intervalMs`.
 */
export function createLeadImageProber(deps: { store: Store; images: ImageService; logger: Logger; intervalMs?: number }): LeadImageProber {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const timer = setInterval(() => prober.wake(), deps.intervalMs ?? 60_000);
  timer.unref();

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const pending = await deps.store.articles.pendingLeadImages(BATCH);
        if (pending.length === 0) break;
        let recorded = 0;
        for (let i = 0; i < pending.length; i += PARALLEL) {
          const results = await Promise.all(pending.slice(i, i + PARALLEL).map(measure));
          recorded += results.filter(Boolean).length;
        }
        // Nothing could be recorded (the store refused every write): look again on the next wake, not in a loop.
        if (recorded === 0) return;
      }
    } while (again && !stopped);
  }

  async function measure({ articleId, url }: { articleId: number; url: string }): Promise<boolean> {
    try {
      const result = await deps.images.probe(url);
      if (result.kind === 'failed') deps.logger.warn({ articleId, url, reason: result.reason }, 'lead image not usable: the story shows no picture');
      await deps.store.articles.recordLeadImage(articleId, url, result.kind === 'image' ? { width: result.width, height: result.height } : null);
      return true;
    } catch (err) {
      deps.logger.error({ err, articleId, url }, 'lead image could not be recorded');
      return false;
    }
  }

  const prober: LeadImageProber = {
    wake() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = drain()
        .catch((err: unknown) => deps.logger.error({ err }, 'lead image job failed'))
        .finally(() => {
          running = null;
        });
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await prober.idle();
    },
  };
  return prober;
}
