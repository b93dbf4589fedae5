/**
 * CPU time for the ingest benchmarks. The machines they run on are shared, so next to each
 * figure they measure a fixed CPU-bound reference loop in the same run: a figure divided by
 * the loop's time is comparable across runs and load, where items per second alone is not.
 */
import { createHash } from 'node:crypto';

/** CPU milliseconds of this process (every thread, the worker pool's included) since `since`. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * Wall milliseconds of the reference loop: hashing and tokenising 4 MB of prose on this
 * thread, work shaped like ingest's. The best of three, so one descheduling does not count.
 */
export function referenceLoopMs(): number {
  const text = 'The alliance said on Tuesday that ministers would meet again next month. '.repeat(800);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let sink = 0;
    for (let i = 0; i < 70; i++) {
      sink += createHash('sha256').update(text).digest()[0]!;
      sink += text.toLowerCase().split(/\s+/).length;
    }
    best = Math.min(best, performance.now() - started);
    if (sink < 0) throw new Error('unreachable');
  }
  return best;
}
