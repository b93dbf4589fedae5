import { needsFullText, type FullTextPolicy } from '../clean/needs-full-text.js';
import type { FetchOptions } from '../ingest/fetch/fetch-url.js';
import type { Store } from '../store/store.js';
import { fetchFullText } from './fetch-full-text.js';
import { itemKey } from './process-item.js';
import type { RawItem } from '../domain/raw-item.js';

/** What completing a batch of items did. */
export interface CompletionReport {
  items: RawItem[];
  /** Pages fetched and extracted. */
  fetched: number;
  /** Pages that could not be had; those items go on with the body they came with. */
  failed: { url: string; reason: string }[];
  /** Teasers of articles already stored in full, left out so they do not overwrite them. */
  skipped: number;
}

/**
 * Completes teaser items from their linked pages before they enter the pipeline. Only new
 * items are fetched: a teaser of an article already stored (in full, from an earlier poll)
 * is left out, since ingesting it again would replace the full text with the teaser.
 * `policy.always` is the feed's "full text" setting; otherwise only items with no real body
 * (empty, the summary again, or a "Read more" stub) are completed.
 */
export async function completeItems(
  store: Store,
  providerId: number,
  items: RawItem[],
  options: { policy: FullTextPolicy; fetch?: FetchOptions },
): Promise<CompletionReport> {
  const report: CompletionReport = { items: [], fetched: 0, failed: [], skipped: 0 };
  for (const item of items) {
    if (!needsFullText(item, options.policy)) {
      report.items.push(item);
      continue;
    }
    const key = itemKey(item);
    if (key && (await store.articles.findByGuid(providerId, key))) {
      report.skipped++;
      continue;
    }
    const outcome = await fetchFullText(item, { policy: options.policy, fetch: options.fetch });
    if (outcome.status === 'fetched') report.fetched++;
    if (outcome.status === 'failed') report.failed.push({ url: item.url ?? '', reason: outcome.reason ?? 'unknown' });
    report.items.push(outcome.item);
  }
  return report;
}
