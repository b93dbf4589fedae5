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

/** What a hash of this version starts with; hashes stored before it have no prefix (`legacySourceHash`). */
const VERSION = 'v2:';

/**
 * Hash of everything the provider sent for an item; equal only for identical copies. Each
 * field goes to the hash as it is, tagged with its kind and length so no two items hash the
 * same bytes. Why not JSON of the fields, as before: encoding a 4 KB body with curly quotes
 * or accents in it as JSON took 10 µs, half of what an unchanged item of a poll costs.
 */
export function sourceHash(item: RawItem): string {
  const hash = createHash('sha256');
  for (const field of sourceFields(item)) {
    if (typeof field === 'string') hash.update(`s${field.length}:`).update(field);
    else if (typeof field === 'number') hash.update(`n${field};`);
    else if (field === null || field === undefined) hash.update('-;');
    else {
      // Small structures (categories, the picture): JSON is cheap for them.
      const json = JSON.stringify(field);
      hash.update(`j${json.length}:`).update(json);
    }
  }
  return VERSION + hash.digest('hex');
}

/**
 * Whether `item` is the very copy a stored hash was made of: compared in the way the hash
 * was made, so items stored by earlier versions are still recognised as repeats.
 */
export function isRepeat(storedHash: string, item: RawItem): boolean {
  return storedHash.startsWith(VERSION) ? storedHash === sourceHash(item) : storedHash === legacySourceHash(item);
}

/** The hash as versions before "v2:" made it: SHA-256 of the fields as JSON. */
export function legacySourceHash(item: RawItem): string {
  return createHash('sha256').update(JSON.stringify(sourceFields(item))).digest('hex');
}

/** The fields a source hash covers, in order. */
function sourceFields(item: RawItem): unknown[] {
  const fields: unknown[] = [
    item.guid, item.url, item.headline, item.html, item.text, item.summary, item.byline, item.dateline,
    item.language, item.publishedAt?.getTime(), item.updatedAt?.getTime(), item.categories, item.image,
  ];
  // Agency fields count only when sent, so items that never carry them keep their old hash.
  if (item.pubStatus && item.pubStatus !== 'usable') fields.push(item.pubStatus);
  if (item.embargoedUntil) fields.push(item.embargoedUntil.getTime());
  if (item.rights) fields.push(item.rights.copyrightNotice, item.rights.usageTerms);
  if (item.agencyMeta) fields.push(JSON.stringify(item.agencyMeta));
  return fields;
}
