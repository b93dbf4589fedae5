import { createHash } from 'node:crypto';
import type { RawItem } from '../domain/raw-item.js';
import { stripUnsafeText } from '../domain/text-safety.js';

// Kept apart from process-item.ts so that the thread storing items (which needs only these)
// does not load the clean and enrich stages: with the worker pool, they load in the pool.

/** The key an item is stored under for its provider: its guid, else its link (normalized as `processItem` does). */
export function itemKey(item: Pick<RawItem, 'guid' | 'url'>): string | undefined {
  const clean = (value: string | null) => (value ? stripUnsafeText(value).trim() : '');
  return clean(item.guid) || clean(item.url) || undefined;
}

/** Hash of everything the provider sent for an item; equal only for identical copies. */
export function sourceHash(item: RawItem): string {
  const fields = [
    item.guid, item.url, item.headline, item.html, item.text, item.summary, item.byline, item.dateline,
    item.language, item.publishedAt?.getTime(), item.updatedAt?.getTime(), item.categories, item.image,
  ];
  // Agency fields count only when sent, so items that never carry them keep their old hash.
  if (item.pubStatus && item.pubStatus !== 'usable') fields.push(item.pubStatus);
  if (item.embargoedUntil) fields.push(item.embargoedUntil.getTime());
  if (item.rights) fields.push(item.rights.copyrightNotice, item.rights.usageTerms);
  if (item.agencyMeta) fields.push(JSON.stringify(item.agencyMeta));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
