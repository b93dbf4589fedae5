/**
 * The body of a process-pool worker thread: the CPU half of ingest for one item (clean,
 * enrich, and the cluster fingerprint). Items and results cross the thread boundary by
 * structured clone, which keeps Dates and typed arrays.
 */
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { ClusterOptions } from '../cluster/cluster-options.js';
import { fingerprint, type Fingerprint } from '../cluster/fingerprint.js';
import type { RawItem } from '../domain/raw-item.js';
import { processItem, type ProcessContext, type ProcessResult } from './process-item.js';

// Pool threads yield the CPU to the thread that serves pages: on Linux, pid 0 names the
// calling thread only. (This module also loads on the main thread, for inline processing.)
if (!isMainThread) {
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted here: the thread keeps the normal priority.
  }
}

/** One task: an item, how to process it, and the cluster settings its fingerprint needs. */
export interface ProcessTask {
  item: RawItem;
  ctx: ProcessContext;
  cluster: ClusterOptions;
}

/** The pipeline's answer, with the fingerprint of an accepted item. */
export type ProcessedItem = (ProcessResult & { kind: 'rejected' }) | (ProcessResult & { kind: 'accepted'; print: Fingerprint });

/** Runs processItem and fingerprints what it accepted: everything ingest does without I/O. */
export default function processTask({ item, ctx, cluster }: ProcessTask): ProcessedItem {
  const result = processItem(item, ctx);
  if (result.kind === 'rejected') return result;
  const started = performance.now();
  const print = fingerprint(result.draft.headline, result.draft.bodyText, cluster, result.draft.language);
  return { ...result, print, stageMs: { ...result.stageMs, fingerprint: performance.now() - started } };
}
