import type { RawItem } from '../domain/raw-item.js';
import { earliestStorableDate, hasUnsafeText, stripUnsafeText } from '../domain/text-safety.js';

/** How far ahead of the clock a provider's date may be (time zones, clock skew). */
const futureToleranceMs = 24 * 3_600_000;

/** A RawItem made safe to process and store, and what had to change (for the provider to see). */
export interface NormalizedItem {
  item: RawItem;
  /** One sentence per change, e.g. that a date was out of range and dropped. Empty when nothing changed. */
  notes: string[];
}

const textFields = ['guid', 'url', 'headline', 'html', 'text', 'summary', 'byline', 'dateline', 'language'] as const;

/**
 * Normalizes an item once, before any stage sees it, the same way for every ingest path and
 * both engines: every text field loses NUL, control, bidi-override and zero-width characters
 * (see `unsafeTextChars`), and a date outside 1970-01-01 … now + 1 day is dropped with a
 * note — the item is then dated by when Gazette received it, like an undated item, so a
 * story dated 9999 or 0000 can never sit at the top of a listing or break storage.
 */
export function normalizeRawItem(raw: RawItem, now: Date): NormalizedItem {
  const item: RawItem = { ...raw, categories: raw.categories.map(stripUnsafeText) };
  const changed: string[] = [];
  for (const field of textFields) {
    const value = raw[field];
    if (typeof value !== 'string') continue;
    if (hasUnsafeText(value)) changed.push(field);
    item[field] = stripUnsafeText(value);
  }
  if (raw.categories.some(hasUnsafeText)) changed.push('categories');
  if (raw.image) {
    const image = raw.image;
    const texts = [image.url, image.alt, image.caption, image.credit];
    if (texts.some((v) => v && hasUnsafeText(v))) changed.push('image');
    const clean = (v: string | null) => (v === null ? null : stripUnsafeText(v));
    item.image = { ...image, url: stripUnsafeText(image.url), alt: clean(image.alt), caption: clean(image.caption), credit: clean(image.credit) };
  }
  if (raw.rights) {
    const clean = (v: string | null) => (v === null ? null : stripUnsafeText(v));
    if ([raw.rights.copyrightNotice, raw.rights.usageTerms].some((v) => v && hasUnsafeText(v))) changed.push('rights');
    item.rights = { copyrightNotice: clean(raw.rights.copyrightNotice), usageTerms: clean(raw.rights.usageTerms) };
  }
  const notes = changed.length > 0 ? [`Control, bidi-override or zero-width characters were removed from: ${changed.join(', ')}.`] : [];

  const latest = now.getTime() + futureToleranceMs;
  for (const field of ['publishedAt', 'updatedAt'] as const) {
    const date = raw[field];
    if (!date) continue;
    const t = date.getTime();
    if (Number.isFinite(t) && t >= earliestStorableDate.getTime() && t <= latest) continue;
    item[field] = null;
    const shown = Number.isFinite(t) ? date.toISOString() : 'an invalid date';
    notes.push(`${field} ${shown} is outside 1970-01-01 … now + 1 day; it was ignored and the time received is used.`);
  }
  return { item, notes };
}
