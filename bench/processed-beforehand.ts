import type { ClusterOptions } from '../src/cluster/cluster-options.js';
import type { RawItem } from '../src/domain/raw-item.js';
import type { ItemProcessor } from '../src/pipeline/process-pool.js';
import processTask, { type ProcessedItem } from '../src/pipeline/process-worker.js';

/**
 * An item processor whose CPU stages ran once beforehand, on this thread: ingest through it
 * times only the store's work. Items are known by guid; each comes back for the provider asked.
 */
export function processedBeforehand(items: readonly RawItem[], cluster: ClusterOptions): ItemProcessor {
  const now = new Date();
  const done = new Map<string, ProcessedItem>();
  for (const item of items) done.set(item.guid!, processTask({ item, ctx: { providerId: 0, now }, cluster }));
  return {
    concurrency: 2,
    process: async ({ item, ctx }) => {
      const result = done.get(item.guid!)!;
      return result.kind === 'accepted' ? { ...result, draft: { ...result.draft, providerId: ctx.providerId } } : result;
    },
    close: async () => {},
  };
}
