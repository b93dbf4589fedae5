import { Piscina } from 'piscina';
import type { ProcessedItem, ProcessTask } from './process-worker.js';

/** Runs the CPU half of ingest (see process-worker.ts), on this thread or on a pool. */
export interface ItemProcessor {
  /** How many items it works on at once; callers keep about twice this many in flight. */
  readonly concurrency: number;
  process(task: ProcessTask): Promise<ProcessedItem>;
  /** Waits for the tasks under way and stops the threads. */
  close(): Promise<void>;
}

/** Processes on the calling thread: for tests, one-off tools and INGEST_WORKERS=0. */
export function inlineProcessor(): ItemProcessor {
  // Loaded on first use: a process whose items go to the pool never loads the stages itself.
  let worker: Promise<typeof import('./process-worker.js')> | undefined;
  return {
    concurrency: 1,
    process: async (task) => (await (worker ??= import('./process-worker.js'))).default(task),
    close: async () => {},
  };
}

/**
 * A worker-thread pool of `threads` threads, so that cleaning and enriching never hold up
 * the event loop that serves pages. Under tsx (tests, `npm run dev`) the worker is the .ts
 * source: worker threads inherit the `--import tsx` hook through process.execArgv; from
 * dist/ it is the compiled .js beside this file.
 */
export function createProcessPool(options: { threads: number; maxHeapMb?: number }): ItemProcessor {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const pool = new Piscina<ProcessTask, ProcessedItem>({
    filename: new URL(`./process-worker${extension}`, import.meta.url).href,
    // Threads start with the first item and leave after a minute idle: a node that only
    // serves pages holds none (each costs ~30 MB with the clean and enrich stages loaded).
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    // A bounded heap makes each thread collect garbage early instead of growing to hundreds
    // of MB; an item that needs more fails alone (the service turns that into a rejection).
    // A small young generation suits short-lived per-item garbage: measured, it cut the peak
    // RSS of an import with two threads from 353 to 280 MB at the same speed.
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 128, maxYoungGenerationSizeMb: 8 },
  });
  return {
    concurrency: options.threads,
    process: (task) => pool.run(task),
    close: () => pool.close(),
  };
}
