import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { assignCluster } from '../cluster/assign-cluster.js';
import { clusterOptions, type ClusterOptions } from '../cluster/cluster-options.js';
import type { Article } from '../domain/article.js';
import { GazetteError } from '../domain/errors.js';
import { withStore } from '../main.js';
import { processItem } from '../pipeline/process-item.js';
import type { RawItem } from '../domain/raw-item.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';

/** Options of a reprocessing run. */
export interface ReprocessOptions {
  /** Articles read per batch. */
  batchSize?: number;
  /** Drop the stored categories and let the rules assign them again. */
  recategorize?: boolean;
  cluster?: Partial<ClusterOptions>;
  /** Called after each article with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Counts of a reprocessing run. */
export interface ReprocessSummary {
  total: number;
  reprocessed: number;
  /** Articles whose stored fields (language, categories, summary, body) changed. */
  changed: number;
  rejected: { id: number; reason: string }[];
  /** Articles now in a cluster with at least one other version. */
  clustered: number;
}

/**
 * Runs clean + enrich + clustering again over every stored article, batch by batch, each
 * article in its own transaction (an interrupted run leaves whole articles, and running
 * again finishes the job). Status and times are kept; provider categories are kept unless
 * `recategorize` asks the rules to decide again.
 */
export async function reprocessArticles(store: Store, options: ReprocessOptions = {}): Promise<ReprocessSummary> {
  const batchSize = Math.min(Math.max(1, options.batchSize ?? 100), 100);
  const clustering = clusterOptions(options.cluster);
  const total = await store.articles.count();
  const summary: ReprocessSummary = { total, reprocessed: 0, changed: 0, rejected: [], clustered: 0 };
  let done = 0;
  // Newest first, in batches by id from where the last one ended: each costs the same however
  // deep the archive. A story's earlier versions come later, so they stay its first version.
  for (let beforeId: number | undefined; ; ) {
    const batch = await store.articles.batchBefore(beforeId, batchSize);
    if (batch.length === 0) break;
    beforeId = batch.at(-1)!.id;
    for (const article of batch) {
      const result = processItem(toRawItem(article, options.recategorize ?? false), { providerId: article.providerId, now: new Date() });
      if (result.kind === 'rejected') {
        summary.rejected.push({ id: article.id, reason: result.reason });
      } else {
        const membership = await store.transaction(async (tx) => {
          // The provider's original bytes did not change: keep their hash, so the next copy is still recognised.
          const { outcome, article: stored } = await tx.articles.upsert({ ...result.draft, status: article.status, sourceHash: article.sourceHash });
          if (outcome !== 'unchanged') summary.changed++;
          await tx.entities.saveForArticle(stored.id, result.enrichment.entities, result.enrichment.quotes);
          return assignCluster(tx.clusters, stored, clustering);
        });
        summary.reprocessed++;
        if (membership.match !== 'first' || (await store.clusters.otherVersions(article.id)).length > 0) summary.clustered++;
      }
      options.onProgress?.(++done, total);
    }
    if (batch.length < batchSize) break;
  }
  return summary;
}

/** A stored article as the pipeline's input, so it goes through the same stages as on ingest. */
function toRawItem(article: Article, recategorize: boolean): RawItem {
  return {
    guid: article.guid,
    url: article.sourceUrl,
    headline: article.headline,
    html: article.bodyHtml,
    text: null,
    summary: null,
    byline: article.byline,
    dateline: article.dateline,
    language: article.language,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    categories: recategorize ? [] : article.categories,
  };
}

/** `gazette reprocess`: re-runs clean, enrich and clustering after the rules change. */
export function registerReprocess(program: Command, io: CliIo): void {
  program
    .command('reprocess')
    .description('run clean, enrich and clustering again over every stored article')
    .option('--batch-size <n>', 'articles read per batch (1–100)', '100')
    .option('--recategorize', 'drop stored categories and let the rules assign them again')
    .option('--similarity <x>', 'minimum estimated Jaccard similarity to join a story cluster')
    .option('--window-hours <h>', 'only versions published this close together are compared')
    .action(async (opts: { batchSize: string; recategorize?: boolean; similarity?: string; windowHours?: string }) => {
      const number = (value: string | undefined, name: string) => {
        if (value === undefined) return undefined;
        const n = Number(value);
        if (!Number.isFinite(n) || n <= 0) throw new GazetteError('VALIDATION_FAILED', `--${name} must be a positive number.`);
        return n;
      };
      const batchSize = number(opts.batchSize, 'batch-size');
      await withStore(async (store, config) => {
        // Flags override the configured thresholds (CLUSTER_SIMILARITY, CLUSTER_WINDOW_HOURS).
        const cluster = {
          similarity: number(opts.similarity, 'similarity') ?? config.clustering.similarity,
          windowHours: number(opts.windowHours, 'window-hours') ?? config.clustering.windowHours,
        };
        const bar = process.stderr.isTTY ? new SingleBar({ format: 'reprocess [{bar}] {value}/{total} articles · {eta_formatted} left' }, Presets.shades_classic) : null;
        let started = false;
        const summary = await reprocessArticles(store, {
          batchSize,
          recategorize: opts.recategorize,
          cluster,
          onProgress: (done, total) => {
            if (bar && !started) (bar.start(total, 0), (started = true));
            bar?.update(done);
            if (!bar && (done % 1000 === 0 || done === total)) io.err(`reprocessed ${done}/${total}`);
          },
        });
        bar?.stop();
        io.out(
          `reprocessed ${summary.reprocessed} of ${summary.total}, changed ${summary.changed}, in a multi-version story ${summary.clustered}, rejected ${summary.rejected.length}`,
        );
        for (const r of summary.rejected) io.out(`  rejected article ${r.id}: ${r.reason}`);
      }, io.env);
    });
}
