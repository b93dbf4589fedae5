import type { Provider } from '../domain/provider.js';
import { clusterOptions, type ClusterOptions } from '../cluster/cluster-options.js';
import { assignCluster } from '../cluster/assign-cluster.js';
import type { Store } from '../store/store.js';
import { itemKey, processItem, sourceHash } from './process-item.js';
import type { RawItem } from '../domain/raw-item.js';

/** What became of one input item. */
export type ItemOutcome =
  | { outcome: 'created' | 'updated' | 'unchanged'; articleId: number; notes?: string[] }
  | { outcome: 'rejected'; reason: string };

/** Counts of one ingest run, and the reasons for each rejection. */
export interface IngestSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { item: string; reason: string }[];
  /** Items stored after normalizing changed them (see `normalizeRawItem`), and how. */
  flagged: { item: string; notes: string[] }[];
  /** Ids of the articles created or updated, in input order. */
  articleIds: number[];
  /** One entry per input item, in input order. */
  items: ItemOutcome[];
}

export function emptySummary(): IngestSummary {
  return { read: 0, created: 0, updated: 0, unchanged: 0, rejected: [], flagged: [], articleIds: [], items: [] };
}

/**
 * The one place the pipeline meets I/O: runs each item through `processItem` and stores
 * the result. Each item commits on its own, so a crash mid-run leaves whole articles only,
 * and running again finishes the job (upserts are idempotent).
 */
export async function ingestItems(
  store: Store,
  provider: Provider,
  items: Iterable<RawItem>,
  options: { now?: () => Date; onItem?: (summary: IngestSummary) => void; cluster?: Partial<ClusterOptions> } = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const clustering = clusterOptions(options.cluster);
  const now = options.now ?? (() => new Date());
  let disclaimerKnown = provider.disclaimer.trim() !== '';
  for (const item of items) {
    summary.read++;
    const key = itemKey(item);
    const stored = key ? await store.articles.findByGuid(provider.id, key) : undefined;
    // Most items of a polled feed are repeats: the same bytes as last time skip the pipeline.
    if (stored && stored.sourceHash === sourceHash(item)) {
      summary.unchanged++;
      summary.items.push({ outcome: 'unchanged', articleId: stored.id });
      options.onItem?.(summary);
      continue;
    }
    const result = processItem(item, { providerId: provider.id, now: now() });
    if (result.kind === 'rejected') {
      summary.rejected.push({ item: item.guid ?? item.url ?? item.headline ?? `#${summary.read}`, reason: result.reason });
      summary.items.push({ outcome: 'rejected', reason: result.reason });
    } else {
      const adoptDisclaimer = result.disclaimer !== null && !disclaimerKnown;
      const { outcome, article } = await store.transaction(async (tx) => {
        // A disclaimer found in a body becomes the provider's, when it has none yet.
        if (adoptDisclaimer) await tx.providers.update(provider.id, { disclaimer: result.disclaimer! });
        // An undated item is stamped with the time it was first seen; seen again, it keeps
        // that time instead of looking new and "updated" on every poll.
        const draft =
          result.undated && stored ? { ...result.draft, publishedAt: stored.publishedAt, updatedAt: stored.updatedAt } : result.draft;
        const saved = await tx.articles.upsert(draft);
        // Entities, quotes and the story cluster commit with the article, or not at all.
        if (saved.outcome !== 'unchanged') {
          await tx.entities.saveForArticle(saved.article.id, result.enrichment.entities, result.enrichment.quotes);
          await assignCluster(tx.clusters, saved.article, clustering);
        }
        return saved;
      });
      if (adoptDisclaimer) disclaimerKnown = true;
      summary[outcome]++;
      summary.items.push({ outcome, articleId: article.id, ...(result.notes.length > 0 && { notes: result.notes }) });
      if (result.notes.length > 0) summary.flagged.push({ item: result.draft.guid, notes: result.notes });
      if (outcome !== 'unchanged') summary.articleIds.push(article.id);
    }
    options.onItem?.(summary);
  }
  return summary;
}
