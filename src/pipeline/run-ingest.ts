import type { ClusterMembership } from '../cluster/cluster-index.js';
import { clusterOptions, type ClusterOptions } from '../cluster/cluster-options.js';
import { needsFullText, type FullTextPolicy } from '../clean/needs-full-text.js';
import type { Article } from '../domain/article.js';
import type { Provider } from '../domain/provider.js';
import type { RawItem } from '../domain/raw-item.js';
import type { FetchOptions } from '../ingest/fetch/fetch-url.js';
import type { ArticleStamp, Store } from '../store/store.js';
import { isRepeat, itemKey } from './item-identity.js';
import { inlineProcessor, type ItemProcessor } from './process-pool.js';
import { isWithdrawal, retractItem, type RetractOutcome } from './retract.js';
import type { ProcessedItem } from './process-worker.js';
import { GROUP_MAX_ITEMS, storeItems, type ItemToStore, type StoredItem } from './store-items.js';

/** What became of one input item. */
export type ItemOutcome =
  | { outcome: 'created' | 'updated' | 'unchanged'; articleId: number; notes?: string[] }
  | { outcome: 'rejected'; reason: string }
  | RetractOutcome;

/** Counts of one ingest run, and the reasons for each rejection. */
export interface IngestSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { item: string; reason: string }[];
  /** Kill notices (pubStatus canceled/withheld): stories taken down, and notices for no stored story. */
  withdrawn: { item: string; articleId: number | null; reason: string }[];
  /** Items stored after normalizing changed them (see `normalizeRawItem`), and how. */
  flagged: { item: string; notes: string[] }[];
  /** Ids of the articles created or updated, in input order. */
  articleIds: number[];
  /** One entry per input item, in input order. */
  items: ItemOutcome[];
  /** Teaser items completed from their pages, and pages that could not be had. */
  fullText: { fetched: number; failed: { url: string; reason: string }[] };
}

/** An empty summary, to add runs up. */
export function emptySummary(): IngestSummary {
  return { read: 0, created: 0, updated: 0, unchanged: 0, rejected: [], withdrawn: [], flagged: [], articleIds: [], items: [], fullText: { fetched: 0, failed: [] } };
}

/** How one ingest run goes, per entry point. */
export interface IngestOptions {
  /** The time of an undated item; the clock by default. */
  now?: () => Date;
  /** Complete teaser items from their linked pages (the feed's "full text" setting). Null: never. */
  fullText?: FullTextPolicy | null;
  /** The feed may fetch from private addresses (its own setting). */
  allowPrivate?: boolean;
  /** Stops the run between items (shutdown); what was stored stays. */
  signal?: AbortSignal;
  /** Called after each item with the running counts. */
  onItem?: (summary: IngestSummary) => void;
}

/** The answer for an all-or-nothing batch: everything stored, or the items refused and nothing stored. */
export type BatchOutcome =
  | { kind: 'stored'; summary: IngestSummary }
  | { kind: 'refused'; refused: { index: number; reason: string }[] };

/** What reprocessing one stored article did. */
export interface ReprocessOutcome {
  kind: 'reprocessed' | 'rejected';
  reason?: string;
  changed?: boolean;
  membership?: ClusterMembership;
}

/**
 * The one ingest service every entry point calls (feed poll, WebSub, push API, import, demo,
 * reprocess): repeat check, full-text completion, process (on the worker pool), cluster and
 * store, the same way for all. No other module runs the pipeline with I/O.
 */
export interface IngestService {
  /** Ingests a stream of items for a provider, in input order, several items per short transaction (each kept or refused on its own). */
  ingest(provider: Provider, items: Iterable<RawItem> | AsyncIterable<RawItem>, options?: IngestOptions): Promise<IngestSummary>;
  /**
   * All or nothing at the pipeline: every item is processed first, and if the pipeline refuses
   * any, nothing is stored. Otherwise they are stored as `ingest` stores them.
   */
  ingestBatch(provider: Provider, items: RawItem[], options?: IngestOptions): Promise<BatchOutcome>;
  /** Runs a stored article through the pipeline again (after the rules change). */
  reprocess(article: Article, options?: { recategorize?: boolean }): Promise<ReprocessOutcome>;
  /** How many items it processes at once (the pool's threads). */
  readonly concurrency: number;
}

/** Told what ingest does, for /metrics; the service works the same without one. */
export interface IngestObserver {
  /** One item's outcome: created, updated, unchanged or rejected. */
  item(outcome: string): void;
  /** How long one stage took for one item, in milliseconds. */
  stage(name: string, ms: number): void;
}

/** What the ingest service is built from (by the composition root). */
export interface IngestDeps {
  observer?: IngestObserver;
  store: Store;
  /** Story-cluster thresholds (config); defaults when absent. */
  cluster?: Partial<ClusterOptions>;
  /** Where the CPU work runs; on this thread when absent. */
  processor?: ItemProcessor;
  /** Fetch limits for full-text pages (allowPrivate comes per run). */
  fetch?: Omit<FetchOptions, 'allowPrivate' | 'signal'>;
  /** Told when a stored story names a lead image not yet fetched (the image job); ingest never waits for it. */
  leadImages?: { wake(): void };
  /** CPU milliseconds one group of items may hold its transaction for; GROUP_BUDGET_MS (store-items.ts) unless given. */
  groupBudgetMs?: number;
}

/** Items looked up and processed together: one repeat-check query per window. */
const WINDOW_PER_THREAD = 16;

/** Builds the ingest service over a store and an item processor. */
export function createIngestService(deps: IngestDeps): IngestService {
  const { store, observer } = deps;
  const clustering = clusterOptions(deps.cluster);
  const processor = deps.processor ?? inlineProcessor();
  const windowSize = Math.max(64, processor.concurrency * WINDOW_PER_THREAD);

  /** The item's CPU half, on the pool. */
  async function processOne(item: RawItem, providerId: number, now: Date): Promise<ProcessedItem> {
    try {
      return await processor.process({ item, ctx: { providerId, now }, cluster: clustering });
    } catch (error) {
      // A thread that died on an item (out of memory, a bug in a stage) rejects that item only.
      return { kind: 'rejected', reason: `The item could not be processed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /**
   * Stores processed items in input order, several per short transaction (see
   * store-items.ts): each item's article, entities, quotes and story cluster commit together,
   * and an item the store refuses comes back refused while the others are stored.
   */
  async function commit(providerId: number, items: ItemToStore[], disclaimer: { known: boolean }): Promise<StoredItem[]> {
    const started = performance.now();
    const outcomes = await storeItems(store, items, { providerId, clustering, disclaimer, budgetMs: deps.groupBudgetMs });
    const perItem = (performance.now() - started) / Math.max(1, items.length);
    for (const { result } of items) {
      observer?.stage('store', perItem);
      for (const [stage, ms] of Object.entries(result.stageMs ?? {})) observer?.stage(stage, ms);
    }
    if (outcomes.some((o) => o.saved?.article.leadImage?.status === 'pending')) deps.leadImages?.wake();
    return outcomes;
  }

  /** Completes a teaser from its page before processing; a failure keeps the teaser. */
  async function complete(item: RawItem, policy: FullTextPolicy, options: IngestOptions, summary: IngestSummary): Promise<RawItem> {
    // Loaded on first use: the article extractor is big, and most items need no page.
    const { fetchFullText } = await import('./fetch-full-text.js');
    const started = performance.now();
    const outcome = await fetchFullText(item, { policy, fetch: { ...deps.fetch, allowPrivate: options.allowPrivate ?? false, signal: options.signal } });
    observer?.stage('full_text', performance.now() - started);
    if (outcome.status === 'fetched') summary.fullText.fetched++;
    if (outcome.status === 'failed') summary.fullText.failed.push({ url: item.url ?? '', reason: outcome.reason ?? 'unknown' });
    return outcome.item;
  }

  /**
   * Starts one window of items: one query finds the stored ones (only those are hashed: a new
   * item cannot be a repeat); repeats (the same bytes as last time) skip the pipeline; teasers
   * of stored articles are left out (ingesting them again would replace the full text with
   * the teaser); the rest goes to the pool at once. Nothing is stored here (storeWindow).
   */
  function prepareWindow(provider: Provider, items: RawItem[], options: IngestOptions, summary: IngestSummary): PreparedWindow {
    const keys = items.map(itemKey);
    const stamps = store.articles.findStamps(provider.id, keys.filter((k): k is string => k !== undefined));
    const now = options.now ?? (() => new Date());
    // Linked pages are fetched one at a time, as a polite reader would; processing goes on meanwhile.
    let pages: Promise<unknown> = Promise.resolve();
    const ready = items.map(() => false);
    const work = items.map(async (item, i): Promise<Settled> => {
      try {
        if (isWithdrawal(item)) return { withdrawal: true };
        const stored = keys[i] ? (await stamps).get(keys[i]!) : undefined;
        if (stored && isRepeat(stored.sourceHash, item)) return { stored, unchanged: true };
        if (stored && options.fullText && needsFullText(item, options.fullText)) return { stored, unchanged: true };
        let completed = item;
        const policy = options.fullText;
        if (!stored && policy && needsFullText(item, policy)) {
          const page = pages.then(() => complete(item, policy, options, summary));
          pages = page.catch(() => {});
          completed = await page;
        }
        return { stored, result: await processOne(completed, provider.id, now()) };
      } finally {
        ready[i] = true;
      }
    });
    // A window started ahead and then dropped (shutdown) must not fail the process when its
    // lookup fails; storeWindow still sees the error.
    for (const settled of work) settled.catch(() => {});
    return { items, work, ready };
  }

  /**
   * Stores a started window in input order as its items come back: those ready together
   * commit as one group, so a store that keeps up with the pool commits small groups and one
   * that falls behind commits bigger ones.
   */
  async function storeWindow(provider: Provider, window: PreparedWindow, options: IngestOptions, summary: IngestSummary, disclaimer: { known: boolean }) {
    const { items, work, ready } = window;
    let group: { item: RawItem; done: Settled }[] = [];
    const flush = async () => {
      const toStore = group.flatMap(({ done }) => (done.result?.kind === 'accepted' ? [{ result: done.result, stored: done.stored }] : []));
      const stored = toStore.length > 0 ? await commit(provider.id, toStore, disclaimer) : [];
      let next = 0;
      for (const { item, done } of group) {
        summary.read++;
        if (done.unchanged) {
          summary.unchanged++;
          summary.items.push({ outcome: 'unchanged', articleId: done.stored!.id });
        } else if (done.result?.kind === 'rejected') {
          reject(summary, item, done.result.reason);
        } else if (done.result) {
          const outcome = stored[next++]!;
          if (outcome.saved) record(summary, outcome.saved.outcome, outcome.saved.article.id, done.result);
          else reject(summary, item, outcome.error!);
        }
        options.onItem?.(summary);
      }
      group = [];
    };
    for (const [i, pending] of work.entries()) {
      const done = await pending;
      if (done.withdrawal) {
        // After the items before it in the window, so "story, then its kill notice" ends taken down.
        await flush();
        summary.read++;
        recordWithdrawal(summary, items[i]!, await retractItem(store, provider.id, items[i]!));
        options.onItem?.(summary);
        continue;
      }
      group.push({ item: items[i]!, done });
      // What is ready goes in together; a group does not wait for the pool.
      if (group.length >= GROUP_MAX_ITEMS || i + 1 === items.length || !ready[i + 1]) await flush();
    }
    await flush();
  }

  /** Tells the observer each item's outcome. */
  function count(summary: IngestSummary): void {
    if (observer) for (const item of summary.items) observer.item(item.outcome);
  }

  return {
    concurrency: processor.concurrency,

    async ingest(provider, items, options = {}) {
      const summary = emptySummary();
      const disclaimer = { known: provider.disclaimer.trim() !== '' };
      // One window is processed on the pool while the one before it is stored: done one after
      // the other, the pool stood idle while the store worked (a third of the main thread's
      // time on SQLite, measured). An item sent twice within two windows is then processed
      // twice, as within one window, and its second copy stored as an update of the first.
      let ahead: PreparedWindow | undefined;
      const advance = async (next?: PreparedWindow) => {
        if (ahead) await storeWindow(provider, ahead, options, summary, disclaimer);
        ahead = next;
      };
      let window: RawItem[] = [];
      for await (const item of items) {
        window.push(item);
        if (window.length < windowSize) continue;
        await advance(prepareWindow(provider, window, options, summary));
        window = [];
        // What was stored stays; the window started ahead is dropped.
        if (options.signal?.aborted) return summary;
      }
      if (window.length > 0) await advance(prepareWindow(provider, window, options, summary));
      await advance();
      count(summary);
      return summary;
    },

    async ingestBatch(provider, items, options = {}) {
      const now = options.now ?? (() => new Date());
      const keys = items.map(itemKey);
      const stamps = await store.articles.findStamps(provider.id, keys.filter((k): k is string => k !== undefined));
      const results = await Promise.all(
        items.map((item, i) => {
          if (isWithdrawal(item)) return null;
          const stored = keys[i] ? stamps.get(keys[i]!) : undefined;
          return stored && isRepeat(stored.sourceHash, item) ? null : processOne(item, provider.id, now());
        }),
      );
      const refused = results.flatMap((r, index) => (r?.kind === 'rejected' ? [{ index, reason: r.reason }] : []));
      if (refused.length > 0) {
        for (const _ of refused) observer?.item('rejected');
        return { kind: 'refused', refused };
      }
      const summary = emptySummary();
      const disclaimer = { known: provider.disclaimer.trim() !== '' };
      // The items between two kill notices are stored together, the notices in their place.
      for (let from = 0; from < items.length; ) {
        let to = from;
        while (to < items.length && !isWithdrawal(items[to]!)) to++;
        const toStore: ItemToStore[] = [];
        for (let i = from; i < to; i++) {
          const result = results[i];
          if (result?.kind === 'accepted') toStore.push({ result, stored: keys[i] ? stamps.get(keys[i]!) : undefined });
        }
        const stored = await commit(provider.id, toStore, disclaimer);
        let next = 0;
        for (let i = from; i < to; i++) {
          summary.read++;
          const result = results[i];
          if (result?.kind !== 'accepted') {
            summary.unchanged++;
            summary.items.push({ outcome: 'unchanged', articleId: stamps.get(keys[i]!)!.id });
            continue;
          }
          const outcome = stored[next++]!;
          if (outcome.saved) record(summary, outcome.saved.outcome, outcome.saved.article.id, result);
          else reject(summary, items[i]!, outcome.error!);
        }
        if (to < items.length) {
          summary.read++;
          recordWithdrawal(summary, items[to]!, await retractItem(store, provider.id, items[to]!));
        }
        from = to + 1;
      }
      count(summary);
      return { kind: 'stored', summary };
    },

    async reprocess(article, options = {}) {
      const result = await processOne(toRawItem(article, options.recategorize ?? false), article.providerId, new Date());
      if (result.kind === 'rejected') return { kind: 'rejected', reason: result.reason };
      // Status and the provider's original bytes did not change: keep them, so the next copy
      // of the item is still recognised.
      const [outcome] = await commit(article.providerId, [{ result, keep: { status: article.status, sourceHash: article.sourceHash }, always: true }], { known: true });
      if (!outcome?.saved) throw outcome?.cause;
      return { kind: 'reprocessed', changed: outcome.saved.outcome !== 'unchanged', membership: outcome.saved.membership };
    },
  };
}

/**
 * A one-off ingest on this thread, for tools and tests that have no service at hand:
 * the same service, built for one call.
 */
export function ingestItems(
  store: Store,
  provider: Provider,
  items: Iterable<RawItem> | AsyncIterable<RawItem>,
  options: IngestOptions & { cluster?: Partial<ClusterOptions> } = {},
): Promise<IngestSummary> {
  return createIngestService({ store, cluster: options.cluster }).ingest(provider, items, options);
}

/** A stored article as the pipeline's input, so it goes through the same stages as on ingest (reprocessing, a Superdesk package of items sent before it). */
export function toRawItem(article: Article, recategorize: boolean): RawItem {
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
    // The picture stays with the story; an unchanged URL keeps what was measured of it.
    image: article.leadImage && { url: article.leadImage.url, alt: article.leadImage.alt, caption: article.leadImage.caption, credit: article.leadImage.credit, width: null, height: null },
    categories: recategorize ? [] : article.categories,
    // The agency's rights and a held item's embargo survive reprocessing.
    rights: article.copyrightNotice || article.usageTerms ? { copyrightNotice: article.copyrightNotice ?? null, usageTerms: article.usageTerms ?? null } : null,
    embargoedUntil: article.embargoedUntil ?? null,
    agencyMeta: article.agencyMeta ?? null,
  };
}

/** Counts a stored item, with what normalizing changed in it (shown to the provider). */
function record(summary: IngestSummary, outcome: 'created' | 'updated' | 'unchanged', articleId: number, result: ProcessedItem & { kind: 'accepted' }): void {
  summary[outcome]++;
  summary.items.push({ outcome, articleId, ...(result.notes.length > 0 && { notes: result.notes }) });
  if (result.notes.length > 0) summary.flagged.push({ item: result.draft.guid, notes: result.notes });
  if (outcome !== 'unchanged') summary.articleIds.push(articleId);
}

/** Counts a kill notice's outcome. */
function recordWithdrawal(summary: IngestSummary, item: RawItem, outcome: RetractOutcome): void {
  summary.items.push(outcome);
  summary.withdrawn.push({ item: item.guid ?? item.url ?? item.headline, articleId: outcome.outcome === 'taken_down' ? outcome.articleId : null, reason: outcome.reason });
}

/** Counts an item the pipeline or the store refused. */
function reject(summary: IngestSummary, item: RawItem, reason: string): void {
  summary.rejected.push({ item: item.guid ?? item.url ?? item.headline ?? `#${summary.read}`, reason });
  summary.items.push({ outcome: 'rejected', reason });
}

/** A window of items whose repeat check and processing are under way. */
interface PreparedWindow {
  items: RawItem[];
  work: Promise<Settled>[];
  /** Which items' work has finished (a group takes the ready ones without waiting). */
  ready: boolean[];
}

/** Where an item of a window stands once looked up and processed. */
interface Settled {
  withdrawal?: true;
  unchanged?: true;
  stored?: ArticleStamp;
  result?: ProcessedItem;
}
