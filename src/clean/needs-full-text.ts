import type { RawItem } from '../domain/raw-item.js';

/** When an item's own body is too thin to publish and its page should be fetched. */
export interface FullTextPolicy {
  /** The provider asks for the page every time (its feed carries teasers only). */
  always?: boolean;
  /** Bodies with fewer words than this are summaries; default 120. */
  minWords?: number;
}

/** Endings that mark a teaser: an ellipsis, "[…]", "Read more", "Continue reading". */
const TEASER_END = /(\u2026|\.\.\.|\[(\u2026|\.\.\.)\]|\b(read more|continue reading|read the (full|rest)[^.]*|more\s*»?))\s*$/i;

/**
 * Decides whether an item needs its linked page fetched and extracted: it has an http(s) link,
 * and either the provider always wants full text, or the item carries no body, only a summary,
 * a body no longer than its summary, a short body, or one that ends like a teaser.
 */
export function needsFullText(item: RawItem, policy: FullTextPolicy = {}): boolean {
  if (!item.url || !/^https?:\/\//i.test(item.url.trim())) return false;
  if (policy.always) return true;
  const body = plain(item.html ?? item.text ?? '');
  if (!body) return true;
  const summary = plain(item.summary ?? '');
  if (summary && body.length <= summary.length + 20) return true;
  if (body.split(/\s+/).length < (policy.minWords ?? 120)) return true;
  return TEASER_END.test(body);
}

function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&hellip;|&#8230;/g, '\u2026')
    .replace(/\s+/g, ' ')
    .trim();
}
