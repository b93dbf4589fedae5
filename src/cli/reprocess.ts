import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { GazetteError } from '../domain/errors.js';
import { withIngest } from '../command-context.js';
import type { IngestService } from '../pipeline/run-ingest.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './cli-io.js';
import { terminalSafe } from './terminal-safe.js';

/** Options of a reprocessing run. */
export interface ReprocessOptions {
  /** Articles read per batch. */
  batchSize?: number;
  /** Drop the stored categories and let the rules assign them again. */
  recategorize?: boolean;
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
 * Runs clean + enrich + clustering again over every stored article through the ingest
 * service, batch by batch (a batch is processed on the pool at once), each article in its
 * own transaction (an interrupted run leaves whole articles, and running
 * again finishes the job). Status and times are kept; provider categories are kept unless
 * `recategorize` asks the rules to decide again.
 */
export async function reprocessArticles(store: Store, ingest: IngestService, options: ReprocessOptions = {}): Promise<ReprocessSummary> {
  const batchSize = Math.min(Math.max(1, options.batchSize ?? 100), 100);
  const total = await store.articles.count();
  const summary: ReprocessSummary = { total, reprocessed: 0, changed: 0, rejected: [], clustered: 0 };
  let done = 0;
  // Newest first, in batches by id from where the last one ended: each costs the same however
  // deep the archive. A story's earlier versions come later, so they stay its first version.
  // A batch is processed on the pool at once.
  for (let beforeId: number | undefined; ; ) {
    const batch = await store.articles.batchBefore(beforeId, batchSize);
    if (batch.length === 0) break;
    beforeId = batch.at(-1)!.id;
    const outcomes = batch.map((article) => ingest.reprocess(article, { recategorize: options.recategorize }));
    for (const [i, article] of batch.entries()) {
      const outcome = await outcomes[i]!;
      if (outcome.kind === 'rejected') {
        summary.rejected.push({ id: article.id, reason: outcome.reason! });
      } else {
        summary.reprocessed++;
        if (outcome.changed) summary.changed++;
        if (outcome.membership?.match !== 'first' || (await store.clusters.otherVersions(article.id)).length > 0) summary.clustered++;
      }
      options.onProgress?.(++done, total);
    }
    if (batch.length < batchSize) break;
  }
  return summary;
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
      // Flags override the configured thresholds (CLUSTER_SIMILARITY, CLUSTER_WINDOW_HOURS).
      const cluster = { similarity: number(opts.similarity, 'similarity'), windowHours: number(opts.windowHours, 'window-hours') };
      await withIngest(async (ingest, store) => {
        const bar = process.stderr.isTTY ? new SingleBar({ format: 'reprocess [{bar}] {value}/{total} articles · {eta_formatted} left' }, Presets.shades_classic) : null;
        let started = false;
        const summary = await reprocessArticles(store, ingest, {
          batchSize,
          recategorize: opts.recategorize,
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
        for (const r of summary.rejected) io.out(`  rejected article ${r.id}: ${terminalSafe(r.reason)}`);
      }, io.env, { cluster });
    });
}
