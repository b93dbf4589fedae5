import { assignCluster } from '../cluster/assign-cluster.js';
import type { ClusterMembership } from '../cluster/cluster-index.js';
import type { ClusterOptions } from '../cluster/cluster-options.js';
import type { Article } from '../domain/article.js';
import { GazetteError } from '../domain/errors.js';
import type { ArticleStamp, Store, UpsertResult } from '../store/store.js';
import type { ProcessedItem } from './process-worker.js';

/** One processed item to store, with what is known of its stored version. */
export interface ItemToStore {
  result: ProcessedItem & { kind: 'accepted' };
  /** The stored version found by the repeat check, if any. */
  stored?: ArticleStamp;
  /** Columns kept from the stored article (reprocessing keeps status and source hash). */
  keep?: Pick<Article, 'status' | 'sourceHash'>;
  /** Entities and cluster are written again even when the article did not change (reprocessing). */
  always?: boolean;
}

/** What became of one item: stored (with its story), or refused by the store with the reason. */
export type StoredItem =
  | { saved: UpsertResult & { membership?: ClusterMembership }; error?: undefined; cause?: undefined }
  | { saved?: undefined; error: string; cause: unknown };

/** How a run stores its items. */
export interface StoreItemsOptions {
  providerId: number;
  clustering: ClusterOptions;
  /** Whether the provider has a disclaimer; the first one found in a body becomes its own. Updated on commit. */
  disclaimer: { known: boolean };
  /** GROUP_BUDGET_MS unless given (tests and benchmarks widen it to keep groups whole). */
  budgetMs?: number;
}

/**
 * Most items one transaction stores. Each commit costs a few statements of its own (begin,
 * the change log, the webhook outbox, commit) and rewrites each touched story once; fifty
 * items share them.
 */
export const GROUP_MAX_ITEMS = 50;
/**
 * A group stops taking items after this much CPU time: on SQLite the transaction holds the
 * only connection, so pages wait for it, and the store yields the event loop only between
 * transactions. CPU time, not wall time: on a loaded machine a descheduled process answers
 * no page either, and a 20 ms wall-clock budget shrank every group to one item (measured at
 * a load average of 25 on 2 cores). It is the process's CPU time, pool threads included,
 * so on two busy cores a group ends within 10 ms of wall time.
 */
export const GROUP_BUDGET_MS = 20;
/** However the CPU budget stands, a group takes no further item after this much wall time. */
export const GROUP_WALL_MS = 50;

/** CPU milliseconds this process has used, all threads. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** A group's budget from now: `cpuBudgetMs` of CPU time, or GROUP_WALL_MS (at least as much) of wall time. */
function groupBudget(cpuBudgetMs: number): { spent(): boolean } {
  const cpu = cpuMs();
  const wall = performance.now();
  const wallBudgetMs = Math.max(cpuBudgetMs, GROUP_WALL_MS);
  return { spent: () => cpuMs() - cpu > cpuBudgetMs || performance.now() - wall > wallBudgetMs };
}

/**
 * Stores items in input order, several per short transaction: up to GROUP_MAX_ITEMS, or
 * what fits in the budget (GROUP_BUDGET_MS, GROUP_WALL_MS). Each item is written in a
 * savepoint, so one the store refuses (its reason comes back) leaves the others of its
 * group stored. Items of one
 * group see each other's writes: a second version of a story finds the first and joins it.
 * When a whole group fails at commit, its items are stored again one per transaction, so
 * only the one at fault fails.
 */
export async function storeItems(store: Store, items: readonly ItemToStore[], options: StoreItemsOptions): Promise<StoredItem[]> {
  const outcomes: StoredItem[] = [];
  while (outcomes.length < items.length) {
    outcomes.push(...(await storeGroup(store, items.slice(outcomes.length, outcomes.length + GROUP_MAX_ITEMS), options)));
  }
  return outcomes;
}

/** One transaction over the first items of `items` (at least one); their outcomes. */
async function storeGroup(store: Store, items: readonly ItemToStore[], options: StoreItemsOptions): Promise<StoredItem[]> {
  let taken = 0;
  try {
    const { outcomes, known } = await store.transaction(async (tx) => {
      const budget = groupBudget(options.budgetMs ?? GROUP_BUDGET_MS);
      const done: StoredItem[] = [];
      let known = options.disclaimer.known;
      for (const item of items) {
        if (done.length > 0 && budget.spent()) break;
        taken++;
        const adoptDisclaimer = item.result.disclaimer !== null && !known;
        const outcome = await storeOne(tx, item, adoptDisclaimer, options);
        if (adoptDisclaimer && !outcome.error) known = true;
        done.push(outcome);
      }
      return { outcomes: done, known };
    });
    options.disclaimer.known = known;
    return outcomes;
  } catch (error) {
    if (taken <= 1) throw error;
    // The commit itself failed (rewriting a story, the change log): nothing of the group was
    // stored. One item per transaction stores the others before the one at fault, which
    // fails the run as it would have alone.
    const alone: StoredItem[] = [];
    for (const item of items.slice(0, taken)) alone.push(...(await storeGroup(store, [item], options)));
    return alone;
  }
}

/** One item in a savepoint of the group's transaction. */
async function storeOne(tx: Store, item: ItemToStore, adoptDisclaimer: boolean, options: StoreItemsOptions): Promise<StoredItem> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { saved: await tx.savepoint((sp) => writeItem(sp, item, adoptDisclaimer, options)) };
    } catch (error) {
      // Two writers creating the same new article at once (PostgreSQL): one wins the unique
      // key (provider, guid); running the loser again turns its insert into an update.
      if (attempt === 1 && isUniqueViolation(error)) continue;
      return refused(error);
    }
  }
}

/** upsert → entities → story cluster: what one item writes. */
async function writeItem(tx: Store, item: ItemToStore, adoptDisclaimer: boolean, options: StoreItemsOptions) {
  const { result, stored } = item;
  // A disclaimer found in a body becomes the provider's, when it has none yet.
  if (adoptDisclaimer) await tx.providers.update(options.providerId, { disclaimer: result.disclaimer! });
  // An undated item is stamped with the time it was first seen; seen again, it keeps
  // that time instead of looking new and "updated" on every poll.
  let draft = result.undated && stored ? { ...result.draft, publishedAt: stored.publishedAt, updatedAt: stored.updatedAt } : result.draft;
  if (item.keep) draft = { ...draft, ...item.keep };
  const saved = await tx.articles.upsert(draft);
  let membership: ClusterMembership | undefined;
  if (saved.outcome !== 'unchanged' || item.always) {
    const fresh = saved.outcome === 'created';
    await tx.entities.saveForArticle(saved.article.id, result.enrichment.entities, result.enrichment.quotes, { fresh });
    membership = await assignCluster(tx.clusters, saved.article, options.clustering, result.print, result.enrichment.entities, { fresh, published: saved.article.status === 'published' });
    // No listing call here: the store rewrites the listings of the stories this touched before it commits.
  }
  return { ...saved, membership };
}

/** A store refusal as the provider reads it. */
function refused(cause: unknown): StoredItem {
  const message = cause instanceof Error ? cause.message : String(cause);
  const issues = cause instanceof GazetteError && Array.isArray(cause.details) ? (cause.details as { path?: unknown[]; message?: string }[]) : [];
  const detail = issues.map((i) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`).join('; ');
  return { error: `The item could not be stored: ${message}${detail ? ` (${detail})` : ''}`, cause };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || (typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed'));
}
