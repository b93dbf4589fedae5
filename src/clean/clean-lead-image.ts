import type { LeadImageSource } from '../domain/lead-image.js';
import type { RawImage } from '../domain/raw-item.js';
import { normalizeText } from './normalize-text.js';

/** Longest texts kept, as the store accepts them (longer ones are cut at a word). */
const limits = { alt: 1000, caption: 2000, credit: 500 } as const;

/**
 * The lead image a story keeps from what the provider named: only an absolute http(s) URL
 * (a `data:` or relative URL cannot be fetched once and cached), with its texts on one line
 * and within the store's limits. Alt text that merely repeats the caption is dropped, so a
 * screen reader does not read it twice under the picture (teasers fall back to the caption).
 */
export function cleanLeadImage(raw: RawImage | null): LeadImageSource | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.url.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.href.length > 4096) return null;
  const caption = text(raw.caption, limits.caption);
  const alt = text(raw.alt, limits.alt);
  const credit = text(raw.credit, limits.credit);
  return { url: url.href, alt: alt === caption ? null : alt, caption, credit };
}

function text(value: string | null, max: number): string | null {
  if (!value) return null;
  const clean = normalizeText(value).replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
